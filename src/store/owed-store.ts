/**
 * What committed transitions still owe, kept in the challenge's own partition (committed in
 * the same transaction as the events, so a transition and what it owes are never apart).
 * A row is claimed by ETag before it is carried out, so two bot instances and the Function
 * App never carry out the same row at once; it is deleted once done. A claim lapses after its
 * lease, so a dispatcher that died leaves the row to the next sweep.
 */
import { odata, type TableClient } from '@azure/data-tables';
import type { Clock } from '../clock';
import { partitionKey, type OwedRow } from './challenge-store';
import { fromJsonColumns } from './entity-json';
import { statusOf } from './tables';

export interface OwedStore {
  /** Every row the challenge still owes, oldest first. */
  list(challengeId: string): Promise<OwedRow[]>;
  /** Takes the row for `leaseMs`; undefined when someone else holds it or it is gone. */
  claim(challengeId: string, row: OwedRow, leaseMs: number): Promise<OwedRow | undefined>;
  /** Carried out (or given up for good): the row goes. */
  settle(challengeId: string, row: OwedRow): Promise<void>;
  /** Not carried out this time: free for the next attempt, counting it. */
  release(challengeId: string, row: OwedRow): Promise<void>;
  /** Challenges with owed rows whose claim has lapsed: a scan, for the nightly reconcile only. */
  partitionsOwing(): Promise<string[]>;
}

export function createOwedStore(table: TableClient, options: { clock: Clock }): OwedStore {
  const now = () => options.clock.now().getTime();
  const gone = (error: unknown) => {
    const status = statusOf(error);
    if (status === 404 || status === 412) return undefined;
    throw error;
  };
  return {
    async list(challengeId) {
      const pk = partitionKey(challengeId);
      const filter = odata`PartitionKey eq ${pk} and RowKey ge 'owed-' and RowKey lt 'owed.'`;
      const rows: OwedRow[] = [];
      for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        rows.push({
          rowKey: String(entity.rowKey),
          etag: String(entity.etag),
          value: fromJsonColumns(entity, `owed row of ${challengeId}`),
          attempts: typeof entity.attempts === 'number' ? entity.attempts : 0,
          ...(typeof entity.claimedUntil === 'string' && entity.claimedUntil
            ? { claimedUntil: entity.claimedUntil }
            : {}),
        });
      }
      return rows.sort((a, b) => a.rowKey.localeCompare(b.rowKey));
    },

    async partitionsOwing() {
      const found = new Set<string>();
      const filter = odata`RowKey ge 'owed-' and RowKey lt 'owed.'`;
      const select = ['PartitionKey', 'claimedUntil'];
      for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select } })) {
        const until = typeof entity.claimedUntil === 'string' ? Date.parse(entity.claimedUntil) : NaN;
        if (!(until > now())) found.add(String(entity.partitionKey));
      }
      return [...found];
    },

    async claim(challengeId, row, leaseMs) {
      if (row.claimedUntil && Date.parse(row.claimedUntil) > now()) return undefined;
      const claimedUntil = new Date(now() + leaseMs).toISOString();
      try {
        const response = await table.updateEntity(
          { partitionKey: partitionKey(challengeId), rowKey: row.rowKey, claimedUntil },
          'Merge',
          { etag: row.etag },
        );
        return { ...row, etag: response.etag ?? '', claimedUntil };
      } catch (error) {
        return gone(error);
      }
    },

    async settle(challengeId, row) {
      await table.deleteEntity(partitionKey(challengeId), row.rowKey, { etag: row.etag }).catch(gone);
    },

    async release(challengeId, row) {
      await table
        .updateEntity(
          { partitionKey: partitionKey(challengeId), rowKey: row.rowKey, claimedUntil: '', attempts: row.attempts + 1 },
          'Merge',
          { etag: row.etag },
        )
        .catch(gone);
    },
  };
}
