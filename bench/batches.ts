/** Bounded parallel work and batched writes for seeding the tables. */
import type { TableClient, TransactionAction } from '@azure/data-tables';

/** Runs `work` over `items`, `width` at a time. */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** Writes rows in transactions of 100 per partition. */
export async function upsertInBatches(table: TableClient, rows: readonly Record<string, unknown>[], width = 4) {
  const byPartition = new Map<string, Record<string, unknown>[]>();
  for (const r of rows) {
    const key = String(r.partitionKey);
    if (!byPartition.has(key)) byPartition.set(key, []);
    byPartition.get(key)!.push(r);
  }
  const batches: TransactionAction[][] = [];
  for (const partition of byPartition.values())
    for (let i = 0; i < partition.length; i += 100)
      batches.push(partition.slice(i, i + 100).map((r) => ['upsert', r, 'Replace'] as TransactionAction));
  await inParallel(batches, width, (b) => table.submitTransaction(b));
}
