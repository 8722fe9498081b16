/**
 * The storage shell, wired from configuration: one factory, no module-level state.
 */
import { systemClock, type Clock } from '../clock';
import { createAuditStore, type AuditStore } from './audit-store';
import { createChallengeStore, type ChallengeStore } from './challenge-store';
import { createConversationStore, type ConversationStore } from './conversation-store';
import { createDirectoryStore, type DirectoryStore } from './directory-store';
import { createDeadlineIndex, type DeadlineIndex } from './deadline-index';
import { createOutbox, type Outbox } from './outbox';
import { createOwedStore, type OwedStore } from './owed-store';
import { createPersonIndex, type PersonIndex } from './person-index';
import { createReminderClaims, type ReminderClaims } from './reminder-claims';
import { createRetentionStore, type RetentionStore } from './retention';
import { createTableClients, ensureTables, tableNames, type TableConfig, type TableNames } from './tables';

export interface Stores {
  names: TableNames;
  challenges: ChallengeStore;
  audit: AuditStore;
  directory: DirectoryStore;
  conversations: ConversationStore;
  personIndex: PersonIndex;
  /** When each open challenge next needs the scheduler; call `update(after, before)` after each commit. */
  deadlineIndex: DeadlineIndex;
  /** Exactly-once claims for reminders and digests. */
  reminderClaims: ReminderClaims;
  /** Which challenges may still owe sends: one entry a committed press, until its sends are made. */
  outbox: Outbox;
  /** The rows a transition owes, in the challenge's own partition (claimed, carried out, deleted). */
  owed: OwedStore;
  /** Purges resolved challenges past their partnership's retention period, and records it. */
  retention: RetentionStore;
  /** Creates the tables that are missing; safe to call on every start. */
  ensureTables(): Promise<void>;
}

export function createStores(config: TableConfig, options: { clock?: Clock } = {}): Stores {
  const clients = createTableClients(config);
  const clock = options.clock ?? systemClock;
  const deadlineIndex = createDeadlineIndex(clients.deadlineIndex, { clock });
  return {
    names: tableNames(config.prefix),
    challenges: createChallengeStore(clients.challenges),
    audit: createAuditStore(clients.audit),
    directory: createDirectoryStore(clients.directory),
    conversations: createConversationStore(clients.conversations),
    personIndex: createPersonIndex(clients.personIndex),
    deadlineIndex,
    reminderClaims: createReminderClaims(clients.reminderClaims, { clock }),
    outbox: createOutbox(clients.outbox, { clock: systemClock }),
    // Leases run on real time, as the outbound queue does: a frozen test clock must not hold a row.
    owed: createOwedStore(clients.challenges, { clock: systemClock }),
    retention: createRetentionStore(clients, deadlineIndex),
    ensureTables: () => ensureTables(clients),
  };
}

export type { TableConfig, TableNames } from './tables';
export { tableNames } from './tables';
export { ConflictError, EntityTooLargeError } from './errors';
export type { ChallengeStore, CommandLoad, LoadedChallenge, OwedRow, Transition } from './challenge-store';
export type { OwedStore } from './owed-store';
export type { AuditEntry, AuditStore } from './audit-store';
export type { DirectoryStore, Repository } from './directory-store';
export type { ConversationStore, ChallengeThread, StoredConversationReference } from './conversation-store';
export type { PersonChallenge, PersonIndex } from './person-index';
export { createDeadlineIndex, wakeRowKey } from './deadline-index';
export type { DeadlineIndex, DeadlineIndexOptions, DueRow } from './deadline-index';
export { createReminderClaims, DEFAULT_LEASE_MS } from './reminder-claims';
export type { Claim, ClaimResult, ReminderClaims, ReminderClaimsOptions, SettledOutcome } from './reminder-claims';
export * from './directory-schema';
export type { Outbox, OutboxEntry } from './outbox';
export type { PurgeRecord, RetentionStore } from './retention';
