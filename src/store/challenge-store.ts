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

/** Transactions take at most 100 rows and 4 MiB. */
const maxTransactionRows = 100;
const maxTransactionBytes = 3.5 * 1024 * 1024;

// What we wrote ourselves is checked for its frame only; the workflow owns the shape.
const challengeFrame = z.looseObject({ id: z.string(), version: z.number().int().nonnegative() });
const eventFrame = z.looseObject({ type: z.string(), at: z.string(), idempotencyKey: z.string() });
const asChallenge = (value: unknown): Challenge => challengeFrame.parse(value) as unknown as Challenge;
const asEvent = (value: unknown): ChallengeEvent => eventFrame.parse(value) as unknown as ChallengeEvent;

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
}

export interface ChallengeStore {
  load(challengeId: string): Promise<LoadedChallenge | undefined>;
  /** The whole history, oldest first. */
  events(challengeId: string): Promise<ChallengeEvent[]>;
  findAnswer(challengeId: string, idempotencyKey: string): Promise<unknown | undefined>;
  /** Throws ConflictError when the ETag is stale or a row already exists; then nothing was written. */
  commit(transition: Transition): Promise<{ etag: string }>;
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
      const actions = transitionActions(transition);
      try {
        const response = await table.submitTransaction(actions);
        // The snapshot is the first action; its sub-response carries the new ETag.
        return { etag: response.subResponses[0]?.etag ?? '' };
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

function transitionActions({ challengeId, etag, snapshot, events, answer }: Transition): TransactionAction[] {
  const pk = partitionKey(challengeId);
  if (snapshot.id !== challengeId) throw new Error(`Snapshot ${snapshot.id} is not challenge ${challengeId}.`);
  const firstVersion = snapshot.version - events.length + 1;
  if (events.length === 0 || firstVersion < 1) {
    throw new Error(`A transition needs events numbered 1..${snapshot.version}; got ${events.length}.`);
  }
  if (events.length + 2 > maxTransactionRows) {
    throw new EntityTooLargeError(`Transition of ${challengeId}`, `${events.length} events, at most 98 fit`);
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
  const bytes = [snapshotColumns, answerColumns, ...eventColumns].reduce((sum, c) => sum + jsonBytes(c), 0);
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
  return actions;
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

function partitionKey(challengeId: string): string {
  if (!challengeId || safeKey(challengeId) !== challengeId) {
    throw new Error(`Challenge id "${challengeId}" cannot be a PartitionKey.`);
  }
  return challengeId;
}
