/**
 * The outbox: a pointer to each challenge that may still owe sends. What is owed is committed
 * with the transition, in the challenge's partition (owed-store.ts); this entry is written just
 * before that commit and removed once those rows are carried out, so the sweep finds what a
 * crash or a hung send left with one range query on the entries older than its grace period,
 * not a scan of every challenge. An entry whose commit never happened is found empty and dropped.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { Clock } from '../clock';
import { safeKey } from './keys';
import { statusOf } from './tables';

const partition = 'pending';

export const OutboxEntrySchema = z.object({
  challengeId: z.string().min(1),
  /** The press's idempotency key: one entry a press. */
  idempotencyKey: z.string().min(1),
  createdAt: z.string(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema> & { rowKey: string };

export interface Outbox {
  /** Records that a command is about to commit what it owes; returns the entry to settle afterwards. */
  open(entry: Omit<OutboxEntry, 'rowKey' | 'createdAt'>): Promise<OutboxEntry>;
  /** Carried out, or never committed: nothing more is owed under it. */
  settle(entry: Pick<OutboxEntry, 'rowKey'>): Promise<void>;
  /** Entries older than `graceMs`: their turn has had time to finish, so they are orphans. */
  orphans(graceMs: number, limit?: number): Promise<OutboxEntry[]>;
}

export function createOutbox(table: TableClient, options: { clock: Clock }): Outbox {
  return {
    async open(input) {
      const createdAt = options.clock.now().toISOString();
      // Time first, so a range query on RowKey finds the oldest entries.
      const rowKey = `${createdAt}|${safeKey(input.challengeId)}|${safeKey(input.idempotencyKey)}`;
      const entry = { ...OutboxEntrySchema.parse({ ...input, createdAt }), rowKey };
      await table.upsertEntity(
        { partitionKey: partition, rowKey, json: JSON.stringify({ ...input, createdAt }) },
        'Replace',
      );
      return entry;
    },
    async settle({ rowKey }) {
      await table.deleteEntity(partition, rowKey).catch((error: unknown) => {
        if (statusOf(error) !== 404) throw error;
      });
    },
    async orphans(graceMs, limit = 100) {
      const before = new Date(options.clock.now().getTime() - graceMs).toISOString();
      const filter = odata`PartitionKey eq ${partition} and RowKey lt ${before}`;
      const found: OutboxEntry[] = [];
      for await (const row of table.listEntities<{ json: string }>({ queryOptions: { filter } })) {
        found.push({ ...OutboxEntrySchema.parse(JSON.parse(row.json)), rowKey: row.rowKey! });
        if (found.length >= limit) break;
      }
      return found;
    },
  };
}
