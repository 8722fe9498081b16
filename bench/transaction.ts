/**
 * The storage floor: one Table Storage transaction like a challenge commit (a snapshot row
 * and an event row created in one new partition), straight to Azurite, at a concurrency.
 */
import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { load } from './load';

/** About the size of a raised challenge's snapshot and of one event, as JSON. */
const SNAPSHOT_CHARS = 6_000;
const EVENT_CHARS = 800;

export async function transactionFloor(connectionString: string, n: number, concurrency: number, capMs: number) {
  const table = TableClient.fromConnectionString(connectionString, `benchtxn${randomUUID().slice(0, 8)}`, {
    allowInsecureConnection: true,
  });
  await table.createTable();
  const snapshot = 'x'.repeat(SNAPSHOT_CHARS);
  const event = 'e'.repeat(EVENT_CHARS);
  const items = Array.from({ length: n }, () => randomUUID());
  const { figures } = await load(items, concurrency, capMs, async (partitionKey) => {
    await table.submitTransaction([
      ['create', { partitionKey, rowKey: 'snapshot', version: 1, json0: snapshot, jsonChunks: 1 }],
      ['create', { partitionKey, rowKey: 'event-000000000001', version: 1, json0: event, jsonChunks: 1 }],
    ]);
    return { ok: true };
  });
  await table.deleteTable();
  return figures;
}
