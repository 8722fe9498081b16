/**
 * The deadline index: when each open challenge next needs the scheduler. One table, two kinds
 * of row: PartitionKey 'wake', RowKey '<wake time, ms, zero-padded>|<challenge id>', so a tick
 * reads only the rows whose time has come (one range query); and PartitionKey 'challenge',
 * RowKey the challenge id, pointing at the challenge's one wake row so it can be moved.
 * A derived view written after each commit: `reconcile` rebuilds it from the snapshots.
 */
import { odata, type TableClient } from '@azure/data-tables';
import type { Clock } from '../clock';
import { challengeWakeAt } from '../scheduler/wake';
import type { Challenge } from '../workflow/types';
import { safeKey } from './keys';
import { getEntityOrUndefined, statusOf } from './tables';

const WAKE = 'wake';
const POINTER = 'challenge';
const TIME_DIGITS = 15;

export interface DueRow {
  challengeId: string;
  wakeAt: Date;
  rowKey: string;
}

export interface DeadlineIndex {
  /** Rows whose wake time is at or before `now`, earliest first, at most `limit`. */
  due(now: Date, limit?: number): Promise<DueRow[]>;
  /** Puts the challenge's wake at `wakeAt` (undefined: no row). A lower `version` never overwrites a higher one. */
  set(challengeId: string, wakeAt: Date | undefined, version: number): Promise<void>;
  /** After a commit (or a tick): the wake recomputed from the snapshot at the clock's now. */
  update(after: Challenge, before?: Challenge): Promise<void>;
  /**
   * `update` in two halves around a commit, so a press waits for fewer round trips: `prepare`
   * (read the pointer, write the new wake row) runs alongside the commit; `finish` moves the
   * pointer once the commit has held. A wake row whose commit lost is harmless: the tick drops
   * a row its pointer does not name (dropIfStale).
   */
  prepare(after: Challenge): Promise<{ finish(): Promise<void> }>;
  /** Deletes a row read by `due` unless it is still the challenge's current one (a leftover of a crash). */
  dropIfStale(row: DueRow): Promise<void>;
  /** Rebuilds from the snapshots and deletes every row they do not account for. */
  reconcile(snapshots: AsyncIterable<Challenge>): Promise<{ indexed: number; removed: number }>;
}

export interface DeadlineIndexOptions {
  clock: Clock;
  /** When the challenge next needs the scheduler; defaults to the scheduler's own rule. */
  wakeOf?: (challenge: Challenge, now: Date) => Date | undefined;
}

export function wakeRowKey(wakeAt: Date, challengeId: string): string {
  return `${String(wakeAt.getTime()).padStart(TIME_DIGITS, '0')}|${safeKey(challengeId)}`;
}

export function createDeadlineIndex(table: TableClient, options: DeadlineIndexOptions): DeadlineIndex {
  const wakeOf = options.wakeOf ?? challengeWakeAt;

  const ignore404 = (error: unknown) => {
    if (statusOf(error) !== 404) throw error;
  };

  type Pointer = Awaited<ReturnType<typeof readPointer>>;
  const readPointer = (pointerKey: string) => getEntityOrUndefined(table, POINTER, pointerKey);
  const keyOf = (pointer: Pointer) => (typeof pointer?.wakeKey === 'string' ? pointer.wakeKey : undefined);
  /** Nothing to move: someone indexed a newer snapshot, or the wake is where it was. */
  const settled = (pointer: Pointer, newKey: string | undefined, version: number) =>
    Boolean(pointer && (Number(pointer.version) > version || keyOf(pointer) === newKey));

  const writeWake = (challengeId: string, newKey: string | undefined, wakeAt: Date | undefined) =>
    newKey
      ? table.upsertEntity(
          { partitionKey: WAKE, rowKey: newKey, challengeId, wakeAt: wakeAt?.toISOString() },
          'Replace',
        )
      : undefined;

  /** The pointer moved to `newKey` (or removed), by its ETag; 'lost' when someone moved it meanwhile. */
  const pointAt = async (pointer: Pointer, pointerKey: string, newKey: string | undefined, version: number) => {
    try {
      if (!newKey) {
        if (pointer) await table.deleteEntity(POINTER, pointerKey, { etag: pointer.etag });
      } else {
        const row = { partitionKey: POINTER, rowKey: pointerKey, wakeKey: newKey, version };
        if (pointer) await table.updateEntity(row, 'Replace', { etag: pointer.etag });
        else await table.createEntity(row);
      }
    } catch (error) {
      const status = statusOf(error);
      if (status !== 409 && status !== 412 && status !== 404) throw error;
      return 'lost' as const;
    }
    const oldKey = keyOf(pointer);
    if (oldKey && oldKey !== newKey) await table.deleteEntity(WAKE, oldKey).catch(ignore404);
    return 'moved' as const;
  };

  const set: DeadlineIndex['set'] = async (challengeId, wakeAt, version) => {
    const pointerKey = safeKey(challengeId);
    const newKey = wakeAt ? wakeRowKey(wakeAt, challengeId) : undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const pointer = await readPointer(pointerKey);
      if (settled(pointer, newKey, version)) return;
      await writeWake(challengeId, newKey, wakeAt);
      if ((await pointAt(pointer, pointerKey, newKey, version)) === 'moved') return;
      // Lost a race: take back our wake row unless the winner points at the same one.
      const now = await readPointer(pointerKey);
      if (newKey && now?.wakeKey !== newKey) await table.deleteEntity(WAKE, newKey).catch(ignore404);
    }
  };

  const update: DeadlineIndex['update'] = (after) => set(after.id, wakeOf(after, options.clock.now()), after.version);

  const prepare: DeadlineIndex['prepare'] = async (after) => {
    const { id: challengeId, version } = after;
    const wakeAt = wakeOf(after, options.clock.now());
    const pointerKey = safeKey(challengeId);
    const newKey = wakeAt ? wakeRowKey(wakeAt, challengeId) : undefined;
    const [pointer] = await Promise.all([readPointer(pointerKey), writeWake(challengeId, newKey, wakeAt)]);
    return {
      async finish() {
        if (settled(pointer, newKey, version)) return;
        // Moved meanwhile: the careful way, from a fresh read.
        if ((await pointAt(pointer, pointerKey, newKey, version)) === 'lost') await set(challengeId, wakeAt, version);
      },
    };
  };

  return {
    async due(now, limit = 500) {
      const upTo = String(now.getTime() + 1).padStart(TIME_DIGITS, '0');
      const filter = odata`PartitionKey eq ${WAKE} and RowKey lt ${upTo}`;
      const rows: DueRow[] = [];
      for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        rows.push({
          challengeId: String(entity.challengeId),
          wakeAt: new Date(String(entity.wakeAt)),
          rowKey: String(entity.rowKey),
        });
        if (rows.length >= limit) break;
      }
      return rows;
    },

    set,
    update,
    prepare,

    dropIfStale: async (row) => {
      const pointer = await getEntityOrUndefined(table, POINTER, safeKey(row.challengeId));
      if (pointer?.wakeKey !== row.rowKey) await table.deleteEntity(WAKE, row.rowKey).catch(ignore404);
    },

    async reconcile(snapshots) {
      const current = new Set<string>();
      let indexed = 0;
      for await (const challenge of snapshots) {
        await update(challenge);
        const pointer = await getEntityOrUndefined(table, POINTER, safeKey(challenge.id));
        if (typeof pointer?.wakeKey === 'string') current.add(pointer.wakeKey);
        indexed++;
      }
      let removed = 0;
      const filter = odata`PartitionKey eq ${WAKE}`;
      const stale: DueRow[] = [];
      for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        const rowKey = String(entity.rowKey);
        if (!current.has(rowKey))
          stale.push({ challengeId: String(entity.challengeId), wakeAt: new Date(String(entity.wakeAt)), rowKey });
      }
      // Only rows their challenge no longer points at: a commit during the reconcile may have just
      // written one, and a row of a challenge that is gone is dropped by the tick that reads it.
      for (const row of stale) {
        const pointer = await getEntityOrUndefined(table, POINTER, safeKey(row.challengeId));
        if (pointer?.wakeKey === row.rowKey) continue;
        await table.deleteEntity(WAKE, row.rowKey).catch(ignore404);
        removed++;
      }
      return { indexed, removed };
    },
  };
}
