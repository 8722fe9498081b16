/** What the scheduler's runs need, wired from the stores and the turn (src/turn). Shell. */
import type { Clock } from '../clock';
import { silentLogger, type Logger } from '../logger';
import { getProcedure } from '../procedures';
import type { Procedure } from '../procedures/schema';
import type { Mailer } from '../mail/mailer';
import type { Outbox, OwedStore, Stores } from '../store';
import type { ChallengeStore } from '../store/challenge-store';
import type { DeadlineIndex } from '../store/deadline-index';
import type { PersonIndex } from '../store/person-index';
import type { ReminderClaims } from '../store/reminder-claims';
import { createTurnKit, type Dispatcher, type Messenger, type TurnService, type Undelivered } from '../turn';
import type { RetentionStore } from '../store/retention';

export interface SchedulerDeps {
  challenges: Pick<ChallengeStore, 'load' | 'snapshots'>;
  deadlineIndex: DeadlineIndex;
  /** Exactly-once claims for the digest (a send to a person that is no challenge's transition). */
  claims: ReminderClaims;
  personIndex?: Pick<PersonIndex, 'update'>;
  messenger: Pick<Messenger, 'sendToPerson'>;
  /** Reminders are commands like any press: recorded, then sent from what the transition owes. */
  turns: TurnService;
  /** Carries out what crashed or slow turns left owing. */
  dispatcher: Dispatcher;
  /** Purges resolved challenges past their retention period (the nightly reconcile). */
  retention?: RetentionStore;
  procedureOf(procedureId: string): Procedure;
  onUndelivered?: (what: Undelivered) => void | Promise<void>;
  logger?: Logger;
  /** Rows one tick takes from the index; the rest wait for the next tick. */
  maxDuePerTick?: number;
  /** How old an outbox entry is before the tick's sweep looks at it. */
  outboxGraceMs?: number;
  /** Rows a transition owes, for the nightly check that none is left without an outbox entry. */
  owed?: Pick<OwedStore, 'partitionsOwing'>;
  outbox?: Pick<Outbox, 'open'>;
}

/** The wiring over the stores. A process that also serves the bot passes its own turn, so there is one. */
export function createSchedulerDeps(input: {
  stores: Stores;
  messenger: Messenger;
  clock: Clock;
  logger?: Logger;
  onUndelivered?: SchedulerDeps['onUndelivered'];
  kit?: { turns: TurnService; dispatcher: Dispatcher };
  /** How long the dispatcher's claim on a send holds (tests shorten it). */
  leaseMs?: number;
  outboxGraceMs?: number;
  mailer?: Mailer;
}): SchedulerDeps {
  const { stores, logger } = input;
  const kit =
    input.kit ??
    createTurnKit({
      stores,
      messenger: input.messenger,
      clock: input.clock,
      logger: logger ?? silentLogger,
      ...(input.onUndelivered ? { onUndelivered: input.onUndelivered } : {}),
      ...(input.leaseMs !== undefined ? { leaseMs: input.leaseMs } : {}),
      ...(input.mailer ? { mailer: input.mailer } : {}),
    });
  return {
    challenges: stores.challenges,
    deadlineIndex: stores.deadlineIndex,
    claims: stores.reminderClaims,
    personIndex: stores.personIndex,
    retention: stores.retention,
    messenger: input.messenger,
    turns: kit.turns,
    dispatcher: kit.dispatcher,
    procedureOf: getProcedure,
    owed: stores.owed,
    outbox: stores.outbox,
    ...(input.outboxGraceMs !== undefined ? { outboxGraceMs: input.outboxGraceMs } : {}),
    ...(input.onUndelivered ? { onUndelivered: input.onUndelivered } : {}),
    ...(logger ? { logger } : {}),
  };
}
