/**
 * The turn, wired: the directory cache, the card views, the dispatcher of what transitions
 * owe, and the turn service over them. One factory, used by the bot, the Functions app and the
 * tests alike, so there is one path for every command.
 */
import type { Clock } from '../clock';
import { createDirectoryCache, type DirectoryCache } from '../directory/directory-cache';
import type { Logger } from '../logger';
import type { Mailer } from '../mail/mailer';
import type { Stores } from '../store';
import { createDispatcher, type Dispatcher } from './dispatcher';
import type { Messenger, Undelivered } from './ports';
import { createTurnService, type TurnService } from './turn-service';
import { createCardViews, type CardViews } from './views';

export interface TurnKit {
  directory: DirectoryCache;
  views: CardViews;
  dispatcher: Dispatcher;
  turns: TurnService;
}

export function createTurnKit(deps: {
  stores: Stores;
  messenger: Messenger;
  clock: Clock;
  logger: Logger;
  onUndelivered?: (what: Undelivered) => void | Promise<void>;
  /** How long a dispatcher's claim on an owed row holds; the default suits production. */
  leaseMs?: number;
  startSends?: (start: () => void) => void;
  /** Email for people Teams cannot reach (off unless configured). */
  mailer?: Mailer;
}): TurnKit {
  const { stores, messenger, clock, logger } = deps;
  const directory = createDirectoryCache(stores.directory);
  const views = createCardViews({ clock, directory, conversations: stores.conversations });
  const dispatcher = createDispatcher({
    challenges: stores.challenges,
    owed: stores.owed,
    outbox: stores.outbox,
    conversations: stores.conversations,
    personIndex: stores.personIndex,
    messenger,
    views,
    logger,
    ...(deps.onUndelivered ? { onUndelivered: deps.onUndelivered } : {}),
    ...(deps.leaseMs !== undefined ? { leaseMs: deps.leaseMs } : {}),
    ...(deps.mailer ? { mailer: deps.mailer } : {}),
    emailDetailOf: async (procedureId) => (await directory.snapshot()).partnershipOf(procedureId)?.emailDetail,
  });
  const turns = createTurnService({
    challenges: stores.challenges,
    outbox: stores.outbox,
    audit: stores.audit,
    deadlineIndex: stores.deadlineIndex,
    dispatcher,
    clock,
    logger,
    ...(deps.startSends ? { startSends: deps.startSends } : {}),
  });
  return { directory, views, dispatcher, turns };
}

export type { TurnService, TurnRequest, TurnResult, Built } from './turn-service';
export type { Dispatcher, DispatchReport } from './dispatcher';
export type { CardViews, PersonCardOptions } from './views';
export type { ChannelTarget, Delivery, Messenger, Undelivered } from './ports';
