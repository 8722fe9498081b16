/**
 * Purging a challenge its partnership no longer keeps: every row held about it, in every table
 * (snapshot, events and answers; audit; reminder claims; its channel thread; the person and
 * deadline indexes; outbox entries), and a record of the purge that holds no case data: the
 * challenge's id, its procedure, when it was resolved and purged, and how many rows went.
 * The snapshot goes last, so a purge cut short is found and finished by the next reconcile.
 * I/O shell; which challenges are due is src/scheduler/retention.ts.
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { Challenge } from '../workflow/types';
import type { DeadlineIndex } from './deadline-index';
import { safeKey } from './keys';
import { rowsFor } from './person-index';
import { statusOf, type TableClients } from './tables';

export const PurgeRecordSchema = z.object({
  challengeId: z.string(),
  procedureId: z.string(),
  resolvedAt: z.string(),
  purgedAt: z.string(),
  /** Rows deleted, by table. */
  rows: z.record(z.string(), z.number().int().nonnegative()),
});
export type PurgeRecord = z.infer<typeof PurgeRecordSchema>;

export interface RetentionStore {
  /** Deletes everything held about each challenge and records it; safe to repeat. */
  purge(challenges: readonly Challenge[], now: Date): Promise<PurgeRecord[]>;
  /** Every purge recorded, oldest first. */
  records(): Promise<PurgeRecord[]>;
}

const PURGED = 'purged';
type Entity = { partitionKey: string; rowKey: string };

export function createRetentionStore(clients: TableClients, deadlineIndex: DeadlineIndex): RetentionStore {
  const ignore404 = (error: unknown) => {
    if (statusOf(error) !== 404) throw error;
  };

  /** Deletes the rows `filter` finds that `match` takes; a partition's rows go 100 to a transaction. */
  async function deleteRows(table: TableClient, filter: string | undefined, match?: (row: Entity) => boolean) {
    const byPartition = new Map<string, string[]>();
    for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      if (match && !match(row as Entity)) continue;
      byPartition.set(row.partitionKey!, [...(byPartition.get(row.partitionKey!) ?? []), row.rowKey!]);
    }
    let deleted = 0;
    for (const [partitionKey, rowKeys] of byPartition) {
      for (let i = 0; i < rowKeys.length; i += 100) {
        const actions = rowKeys
          .slice(i, i + 100)
          .map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]);
        await table.submitTransaction(actions).catch(ignore404);
      }
      deleted += rowKeys.length;
    }
    return deleted;
  }
  const partition = (key: string) => odata`PartitionKey eq ${key}`;

  async function deleteRow(table: TableClient, partitionKey: string, rowKey: string): Promise<number> {
    try {
      await table.deleteEntity(partitionKey, rowKey);
      return 1;
    } catch (error) {
      ignore404(error);
      return 0;
    }
  }

  async function purgeOne(challenge: Challenge, now: Date): Promise<PurgeRecord> {
    const id = challenge.id;
    const key = safeKey(id);
    const rows: Record<string, number> = {};
    rows.audit = await deleteRows(clients.audit, partition(key));
    rows.reminderClaims = await deleteRows(clients.reminderClaims, partition(key));
    rows.conversations = await deleteRow(clients.conversations, 'thread', key);
    let indexed = 0;
    for (const row of rowsFor(challenge)) indexed += await deleteRow(clients.personIndex, safeKey(row.personId), key);
    rows.personIndex = indexed;
    await deadlineIndex.set(id, undefined, Number.MAX_SAFE_INTEGER);
    // Entries still owed (rare this long after): their keys name the challenge.
    rows.outbox = await deleteRows(clients.outbox, undefined, (row) => row.rowKey.includes(`|${key}|`));
    rows.challenges = await deleteRows(clients.challenges, partition(id));
    const record: PurgeRecord = {
      challengeId: id,
      procedureId: challenge.procedureId,
      resolvedAt: challenge.resolution?.resolvedAt ?? '',
      purgedAt: now.toISOString(),
      rows,
    };
    await clients.purges.upsertEntity(
      { partitionKey: PURGED, rowKey: key, ...record, rows: JSON.stringify(rows) },
      'Replace',
    );
    return record;
  }

  return {
    async purge(challenges, now) {
      const done: PurgeRecord[] = [];
      for (const challenge of challenges) done.push(await purgeOne(challenge, now));
      return done;
    },

    async records() {
      const found: PurgeRecord[] = [];
      const filter = odata`PartitionKey eq ${PURGED}`;
      for await (const row of clients.purges.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        found.push(PurgeRecordSchema.parse({ ...row, rows: JSON.parse(String(row.rows)) }));
      }
      return found.sort((a, b) => a.purgedAt.localeCompare(b.purgedAt));
    },
  };
}
