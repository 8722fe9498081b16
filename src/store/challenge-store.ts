/**
 * Challenges in Azure Tables: one partition per challenge holding its snapshot, its
 * append-only event history and the answers given per idempotency key. A transition is
 * one transaction, so the history and the state can never disagree.
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { Challenge, ChallengeEvent } from '../workflow/types';
import { conflictOrThrow, EntityTooLargeError } from './errors';
import { fromJsonColumns, jsonBytes, toJsonColumns, type JsonColumns } from './entity-json';
import { safeKey, versionKey } from './keys';
import { getEntityOrUndefined as getOrUndefined } from './tables';

export const snapshotRowKey = 'snapshot';
export const eventRowKey = (version: number): string => `event-${versionKey(version)}`;
export const answerRowKey = (idempotencyKey: string): string => `key-${safeKey(idempotencyKey)}`;
/** What a transition owes, in the order it was decided: `owed-<version>-<n>`. */
export const owedRowKey = (version: number, index: number): string =>
  `owed-${versionKey(version)}-${String(index).padStart(3, '0')}`;

/** Transactions take at most 100 rows and 4 MiB. */
const maxTransactionRows = 100;
const maxTransactionBytes = 3.5 * 1024 * 1024;

// What we wrote ourselves is checked for its frame only; the workflow owns the shape.
const challengeFrame = z.looseObject({ id: z.string(), version: z.number().int().nonnegative() });
const eventFrame = z.looseObject({ type: z.string(), at: z.string(), idempotencyKey: z.string() });
const asChallenge = (value: unknown): Challenge => challengeFrame.parse(value) as unknown as Challenge;
const asEvent = (value: unknown): ChallengeEvent => eventFrame.parse(value) as unknown as ChallengeEvent;

/** A row of what a committed transition still owes (a send, an index update), as the store keeps it. */
export interface OwedRow {
  rowKey: string;
  etag: string;
  /** Opaque to the store: the turn's own schema checks it. */
  value: unknown;
  /** Set while a dispatcher holds the row; after it, anyone may claim it again. */
  claimedUntil?: string;
  attempts: number;
}

export interface LoadedChallenge {
  challenge: Challenge;
  /** Pass back to commit: the write fails with ConflictError if anyone wrote in between. */
  etag: string;
}

export interface Transition {
  challengeId: string;
  /** The ETag of the snapshot the decision was made on; undefined for a new challenge. */
  etag: string | undefined;
  /** The new state. Its version counts every event, so the new events are numbered up to it. */
  snapshot: Challenge;
  events: ChallengeEvent[];
  /** Stored under the command's idempotency key, so a repeat gets the same answer. */
  answer: { key: string; value: unknown };
  /** What the transition owes beyond its partition: committed with it, delivered afterwards. */
  owed?: readonly unknown[];
  /**
   * The owed rows are born claimed until then by the process that commits them (it carries them
   * out next), so nobody else takes them unless that process dies and the claim lapses.
   */
  owedClaimedUntil?: string;
}

/** The state and the answer a command's key already has, from one partition read. */
export interface CommandLoad {
  loaded: LoadedChallenge | undefined;
  answer: unknown | undefined;
}

export interface ChallengeStore {
  load(challengeId: string): Promise<LoadedChallenge | undefined>;
  /** The snapshot and the answer under `idempotencyKey`, in one request. */
  loadForCommand(challengeId: string, idempotencyKey: string): Promise<CommandLoad>;
  /** The whole history, oldest first. */
  events(challengeId: string): Promise<ChallengeEvent[]>;
  findAnswer(challengeId: string, idempotencyKey: string): Promise<unknown | undefined>;
  /** Throws ConflictError when the ETag is stale or a row already exists; then nothing was written. */
  commit(transition: Transition): Promise<{ etag: string; owed: OwedRow[] }>;
  /** Every snapshot (a table scan): for reconciles and reports, not for turns. */
  snapshots(): AsyncIterable<Challenge>;
}

export function createChallengeStore(table: TableClient): ChallengeStore {
  return {
    async load(challengeId) {
      const entity = await getOrUndefined(table, partitionKey(challengeId), snapshotRowKey);
      if (!entity) return undefined;
      const challenge = asChallenge(fromJsonColumns(entity, `snapshot of ${challengeId}`));
      return { challenge, etag: entity.etag };
    },

    async loadForCommand(challengeId, idempotencyKey) {
      const pk = partitionKey(challengeId);
      const filter = odata`PartitionKey eq ${pk} and (RowKey eq ${snapshotRowKey} or RowKey eq ${answerRowKey(idempotencyKey)})`;
      let loaded: LoadedChallenge | undefined;
      let answer: unknown;
      for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        if (entity.rowKey === snapshotRowKey) {
          loaded = {
            challenge: asChallenge(fromJsonColumns(entity, `snapshot of ${challengeId}`)),
            etag: String(entity.etag),
          };
        } else answer = fromJsonColumns(entity, `answer for ${idempotencyKey}`);
      }
      return { loaded, answer };
    },

    async events(challengeId) {
      const filter = odata`PartitionKey eq ${partitionKey(challengeId)} and RowKey ge 'event-' and RowKey lt 'event.'`;
      const rows: { version: number; event: ChallengeEvent }[] = [];
      for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        const event = asEvent(fromJsonColumns(entity, `event of ${challengeId}`));
        rows.push({ version: Number(entity.version), event });
      }
      return rows.sort((a, b) => a.version - b.version).map((row) => row.event);
    },

    async findAnswer(challengeId, idempotencyKey) {
      const entity = await getOrUndefined(table, partitionKey(challengeId), answerRowKey(idempotencyKey));
      return entity ? fromJsonColumns(entity, `answer for ${idempotencyKey}`) : undefined;
    },

    async commit(transition) {
      const { actions, owedKeys } = transitionActions(transition);
      try {
        const response = await table.submitTransaction(actions);
        // The snapshot is the first action; its sub-response carries the new ETag. The owed rows come last.
        const first = actions.length - owedKeys.length;
        const owed = owedKeys.map((rowKey, i) => ({
          rowKey,
          etag: response.subResponses[first + i]?.etag ?? '',
          value: transition.owed?.[i],
          attempts: 0,
          ...(transition.owedClaimedUntil ? { claimedUntil: transition.owedClaimedUntil } : {}),
        }));
        return { etag: response.subResponses[0]?.etag ?? '', owed };
      } catch (error) {
        conflictOrThrow(transition.challengeId, error);
      }
    },

    async *snapshots() {
      const filter = odata`RowKey eq ${snapshotRowKey}`;
      for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        yield asChallenge(fromJsonColumns(entity, `snapshot ${String(entity.partitionKey)}`));
      }
    },
  };
}

function transitionActions({ challengeId, etag, snapshot, events, answer, owed = [], owedClaimedUntil }: Transition): {
  actions: TransactionAction[];
  owedKeys: string[];
} {
  const pk = partitionKey(challengeId);
  if (snapshot.id !== challengeId) throw new Error(`Snapshot ${snapshot.id} is not challenge ${challengeId}.`);
  const firstVersion = snapshot.version - events.length + 1;
  if (events.length === 0 || firstVersion < 1) {
    throw new Error(`A transition needs events numbered 1..${snapshot.version}; got ${events.length}.`);
  }
  if (events.length + owed.length + 2 > maxTransactionRows) {
    throw new EntityTooLargeError(
      `Transition of ${challengeId}`,
      `${events.length} events and ${owed.length} owed rows, at most 98 fit`,
    );
  }

  const snapshotColumns = toJsonColumns(snapshot, `Snapshot of ${challengeId}`);
  const snapshotRow = {
    partitionKey: pk,
    rowKey: snapshotRowKey,
    ...summary(snapshot),
    ...snapshotColumns,
  };
  const eventColumns = events.map((event) => toJsonColumns(event, `Event ${event.type} of ${challengeId}`));
  const answerColumns = toJsonColumns(answer.value, `Answer of ${challengeId}`);
  const owedColumns = owed.map((value) => toJsonColumns(value, `What ${challengeId} owes`));
  const bytes = [snapshotColumns, answerColumns, ...eventColumns, ...owedColumns].reduce(
    (sum, c) => sum + jsonBytes(c),
    0,
  );
  if (bytes > maxTransactionBytes) {
    throw new EntityTooLargeError(`Transition of ${challengeId}`, `about ${bytes} bytes, the limit is 4 MiB`);
  }

  const actions: TransactionAction[] = [
    etag === undefined ? ['create', snapshotRow] : ['update', snapshotRow, 'Replace', { etag }],
  ];
  // Events are only ever created: a second writer of the same version fails with 409.
  eventColumns.forEach((columns: JsonColumns, i) => {
    const version = firstVersion + i;
    const event = events[i] as ChallengeEvent;
    actions.push(['create', { partitionKey: pk, rowKey: eventRowKey(version), version, type: event.type, ...columns }]);
  });
  actions.push(['create', { partitionKey: pk, rowKey: answerRowKey(answer.key), key: answer.key, ...answerColumns }]);
  const owedKeys = owedColumns.map((columns, i) => {
    const rowKey = owedRowKey(snapshot.version, i);
    actions.push([
      'create',
      { partitionKey: pk, rowKey, attempts: 0, claimedUntil: owedClaimedUntil ?? '', ...columns },
    ]);
    return rowKey;
  });
  return { actions, owedKeys };
}

/** A few plain columns beside the JSON, so a reconcile or a report can filter without parsing. */
function summary(challenge: Challenge): Record<string, string | number> {
  const columns = {
    version: challenge.version,
    procedureId: challenge.procedureId,
    status: challenge.status,
    stageId: challenge.stageId,
    caseReference: challenge.caseReference,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
}

export function partitionKey(challengeId: string): string {
  if (!challengeId || safeKey(challengeId) !== challengeId) {
    throw new Error(`Challenge id "${challengeId}" cannot be a PartitionKey.`);
  }
  return challengeId;
}
