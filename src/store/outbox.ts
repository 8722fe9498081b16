/**
 * The outbox: what a command still owes the people on a challenge (cards, feedback, thread
 * posts) between its commit and their delivery. An entry is written before the command runs
 * and removed once its effects are carried out, so a crash in between leaves it for the
 * sweep, which re-derives the effects from the stored events. A sweep reads only entries
 * older than its grace period: one range query, not every challenge.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { Clock } from '../clock';
import { safeKey } from './keys';
import { statusOf } from './tables';

const partition = 'pending';

export const OutboxEntrySchema = z.object({
  challengeId: z.string().min(1),
  /** The command's idempotency key: its events carry it, so the sweep can find them. */
  idempotencyKey: z.string().min(1),
  /** Where a new challenge's thread goes (raise only), as the turn knew it. */
  channel: z
    .object({ teamId: z.string(), channelId: z.string(), serviceUrl: z.string(), tenantId: z.string().optional() })
    .optional(),
  /** The person whose own card the turn's answer already replaced. */
  answeredInPlace: z.string().optional(),
  createdAt: z.string(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema> & { rowKey: string };

export interface Outbox {
  /** Records what a command is about to owe; returns the entry to settle afterwards. */
  open(entry: Omit<OutboxEntry, 'rowKey' | 'createdAt'>): Promise<OutboxEntry>;
  /** Delivered, refused or never committed: nothing more is owed. */
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
