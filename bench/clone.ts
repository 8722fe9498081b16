/**
 * Seeding at volume: one challenge raised through the real bot over HTTP is the template;
 * its partition (snapshot, events, answers) is copied under new ids straight into the tables,
 * and its deadline-index rows with it. What a clone holds is what the bot wrote, so the bench
 * needs to know only that rows carry JSON columns (src/store/entity-json.ts).
 */
import { randomUUID } from 'node:crypto';
import { odata, TableClient, type TransactionAction } from '@azure/data-tables';
import { fromJsonColumns, toJsonColumns } from '../src/store/entity-json';
import { tableNames, wakeRowKey } from '../src/store';
import type { Challenge } from '../src/workflow';
import { raiseOne } from './presses';
import { installPeople, partnershipPeople, startBot } from './world';

export interface Template {
  challengeId: string;
  caseReference: string;
  /** The rows of its partition, without the service's own columns. */
  rows: Record<string, unknown>[];
  snapshot: Challenge;
  /** Its deadline-index wake row key and wake time. */
  wakeKey: string;
  wakeAt: Date;
}

export async function raiseTemplate(connectionString: string): Promise<Template> {
  const world = await startBot('template', connectionString);
  try {
    await installPeople(world, partnershipPeople(world, 'leeds'));
    const caseReference = 'BENCH-TEMPLATE-N0001';
    const { challengeId } = await raiseOne(world, caseReference);
    const names = tableNames(world.prefix);
    const client = (table: string) =>
      TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: true });
    const rows: Record<string, unknown>[] = [];
    const filter = odata`PartitionKey eq ${challengeId}`;
    for await (const e of client(names.challenges).listEntities<Record<string, unknown>>({
      queryOptions: { filter },
    })) {
      const { etag: _etag, timestamp: _timestamp, ...row } = e as Record<string, unknown>;
      rows.push(row);
    }
    const snapshotRow = rows.find((r) => r.rowKey === 'snapshot');
    if (!snapshotRow) throw new Error('the template has no snapshot row');
    const snapshot = fromJsonColumns(snapshotRow, 'template') as Challenge;
    // The index is written after the commit: wait for it.
    let wakeKey = '';
    for (let i = 0; i < 100 && !wakeKey; i++) {
      const pointer = await client(names.deadlineIndex)
        .getEntity<Record<string, unknown>>('challenge', challengeId)
        .catch(() => undefined);
      wakeKey = typeof pointer?.wakeKey === 'string' ? pointer.wakeKey : '';
      if (!wakeKey) await new Promise((r) => setTimeout(r, 50));
    }
    if (!wakeKey) throw new Error('the template was never indexed');
    return { challengeId, caseReference, rows, snapshot, wakeKey, wakeAt: new Date(Number(wakeKey.slice(0, 15))) };
  } finally {
    await world.stop();
  }
}

/** The template's id, case reference and anything `edit` changes, under a new id. */
export function cloneActions(
  t: Template,
  id: string,
  options: { caseReference?: string; edit?: (c: Challenge) => Challenge; snapshotOnly?: boolean } = {},
): TransactionAction[] {
  const swap = (text: string) => {
    let out = text.replaceAll(t.challengeId, id);
    if (options.caseReference) out = out.replaceAll(t.caseReference, options.caseReference);
    return out;
  };
  const rows = options.snapshotOnly ? t.rows.filter((r) => r.rowKey === 'snapshot') : t.rows;
  return rows.map((row) => {
    const plain: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row))
      if (!/^json\d+$|^jsonChunks$/.test(k)) plain[k] = typeof v === 'string' ? swap(v) : v;
    let columns = {};
    if (typeof row.jsonChunks === 'number') {
      let value = JSON.parse(swap(JSON.stringify(fromJsonColumns(row, 'template row')))) as unknown;
      if (row.rowKey === 'snapshot' && options.edit) value = options.edit(value as Challenge);
      columns = toJsonColumns(value, 'clone');
    }
    return ['upsert', { ...plain, ...columns, partitionKey: id, rowKey: String(row.rowKey) }, 'Replace'];
  });
}

/** The two deadline-index rows of a challenge waking at `wakeAt` (src/store/deadline-index.ts). */
export function indexRows(id: string, wakeAt: Date, version: number) {
  const key = wakeRowKey(wakeAt, id);
  return {
    wake: { partitionKey: 'wake', rowKey: key, challengeId: id, wakeAt: wakeAt.toISOString() },
    pointer: { partitionKey: 'challenge', rowKey: id, wakeKey: key, version },
  };
}

export const newId = () => randomUUID();
