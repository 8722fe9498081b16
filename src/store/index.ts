/**
 * The storage shell, wired from configuration: one factory, no module-level state.
 */
import { createAuditStore, type AuditStore } from './audit-store';
import { createChallengeStore, type ChallengeStore } from './challenge-store';
import { createConversationStore, type ConversationStore } from './conversation-store';
import { createDirectoryStore, type DirectoryStore } from './directory-store';
import { createPersonIndex, type PersonIndex } from './person-index';
import { createTableClients, ensureTables, tableNames, type TableConfig, type TableNames } from './tables';

export interface Stores {
  names: TableNames;
  challenges: ChallengeStore;
  audit: AuditStore;
  directory: DirectoryStore;
  conversations: ConversationStore;
  personIndex: PersonIndex;
  /** Creates the tables that are missing; safe to call on every start. */
  ensureTables(): Promise<void>;
}

export function createStores(config: TableConfig): Stores {
  const clients = createTableClients(config);
  return {
    names: tableNames(config.prefix),
    challenges: createChallengeStore(clients.challenges),
    audit: createAuditStore(clients.audit),
    directory: createDirectoryStore(clients.directory),
    conversations: createConversationStore(clients.conversations),
    personIndex: createPersonIndex(clients.personIndex),
    ensureTables: () => ensureTables(clients),
  };
}

export type { TableConfig, TableNames } from './tables';
export { tableNames } from './tables';
export { ConflictError, EntityTooLargeError } from './errors';
export type { ChallengeStore, LoadedChallenge, Transition } from './challenge-store';
export type { AuditEntry, AuditStore } from './audit-store';
export type { DirectoryStore, Repository } from './directory-store';
export type { ConversationStore, ChallengeThread, StoredConversationReference } from './conversation-store';
export type { PersonChallenge, PersonIndex } from './person-index';
export { createCommandRunner, runCommand } from './run-command';
export type { Apply, CommandResult, CommandRunnerDeps, Decide } from './run-command';
export * from './directory-schema';
