/**
 * What the handlers are given, wired once by the composition root (app.ts): the turn (every
 * command goes through it), the card views, the directory cache, storage for the few reads a
 * handler makes itself, and the messenger. Plain data and ports: no logic lives here.
 */
import type { Clock } from '../src/clock';
import type { DirectoryCache } from '../src/directory/directory-cache';
import type { Logger } from '../src/logger';
import type { Procedure } from '../src/procedures/schema';
import type { Stores } from '../src/store';
import type { CardViews, Dispatcher, Messenger, TurnService } from '../src/turn';

export interface Services {
  clock: Clock;
  logger: Logger;
  stores: Stores;
  messenger: Messenger;
  procedures: readonly Procedure[];
  turns: TurnService;
  views: CardViews;
  directory: DirectoryCache;
  dispatcher: Dispatcher;
}
