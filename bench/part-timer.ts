/**
 * Issue 14, timer scaling: one scheduler tick's wall time and the Table Storage entities it
 * reads with 1,000, 10,000 and 100,000 open challenges, 100 of them due. The scheduler runs in
 * this process through its public wiring (createScheduler, createSchedulerDeps) over stores
 * whose requests pass the storage counter; sends go to a messenger that delivers at once, so
 * the tick measures storage and logic, not Teams.
 *
 * Seeding is bounded: every open challenge has its deadline-index rows (what a tick may read);
 * snapshots are written for the due ones and for every open one up to the first size. Any
 * query on the challenges table (a scan) shows in the counts whatever is in it.
 */
import { TableClient } from '@azure/data-tables';
import { SettableClock } from '../src/clock';
import { londonTime } from '../src/calendar';
import { createScheduler } from '../src/functions/scheduler';
import { createSchedulerDeps } from '../src/functions/scheduler-deps';
import type { Messenger } from '../src/turn';
import { createStores, tableNames } from '../src/store';
import type { Challenge } from '../src/workflow';
import { StorageCounter, summarise, type StorageSummary } from '../test/support/storage-counter';
import { inParallel, upsertInBatches } from './batches';
import { cloneActions, indexRows, newId, type Template } from './clone';
import { round } from './load';
import type { BenchSettings } from './settings';
import { freshPrefix } from './world';

export interface TickFigures {
  open: number;
  due: number;
  tickMs: number;
  sent: number;
  dueRows: number;
  storage: StorageSummary;
  queriesOnChallenges: number;
  seedMs: number;
}

/** Next summer: when the challenges that are not due next need the scheduler. */
const LATER = new Date('2027-06-01T07:00:00.000Z');

function notDue(c: Challenge): Challenge {
  return {
    ...c,
    stages: c.stages.map((s) => ({
      ...s,
      startedAt: '2027-05-03T09:00:00.000Z',
      deadline: '2027-06-01T16:00:00.000Z',
    })),
  };
}

/** A minute after the template's wake, outside the digest window (a tick there would also run the digest). */
function tickTime(t: Template): Date {
  let at = new Date(t.wakeAt.getTime() + 60_000);
  while (londonTime(at) >= '07:00' && londonTime(at) < '10:05') at = new Date(at.getTime() + 15 * 60_000);
  return at;
}

export async function timerBench(
  s: BenchSettings,
  connectionString: string,
  template: Template,
  log: (line: string) => void,
): Promise<{ ticks: TickFigures[]; warmUp: TickFigures }> {
  const counter = await new StorageCounter(connectionString).start();
  try {
    const prefix = freshPrefix('timer');
    const names = tableNames(prefix);
    const direct = (table: string) =>
      TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: true });
    const now = tickTime(template);
    const clock = new SettableClock(now);
    const stores = createStores({ connectionString: counter.connectionString, prefix }, { clock });
    await stores.ensureTables();
    let sent = 0;
    const messenger: Messenger = {
      sendToPerson: async () => (sent++, { delivered: true }),
      startThread: () => Promise.reject(new Error('the timer bench starts no thread')),
      replyInThread: async () => ({ delivered: true }),
      updateThreadRoot: async () => ({ delivered: true }),
    };
    const scheduler = createScheduler(createSchedulerDeps({ stores, messenger, clock }), clock);

    let open = 0;
    const snapshotsUpTo = s.timerSizes[0] ?? 1_000;
    /** Adds `due` challenges due now and open-minus-due that are not, then ticks once. */
    const grow = async (to: number, due: number): Promise<TickFigures> => {
      const seedStarted = performance.now();
      const dueIds = Array.from({ length: due }, newId);
      const laterIds = Array.from({ length: Math.max(0, to - open - due) }, newId);
      await inParallel(dueIds, 8, (id) => direct(names.challenges).submitTransaction(cloneActions(template, id)));
      const withSnapshots = laterIds.slice(0, Math.max(0, snapshotsUpTo - open - due));
      await inParallel(withSnapshots, 16, (id) =>
        direct(names.challenges).submitTransaction(cloneActions(template, id, { edit: notDue, snapshotOnly: true })),
      );
      const index = [
        ...dueIds.map((id) => indexRows(id, template.wakeAt, template.snapshot.version)),
        ...laterIds.map((id) => indexRows(id, LATER, template.snapshot.version)),
      ];
      await upsertInBatches(direct(names.deadlineIndex), [...index.map((r) => r.wake), ...index.map((r) => r.pointer)]);
      open = to;
      const seedMs = performance.now() - seedStarted;

      counter.reset();
      sent = 0;
      const started = performance.now();
      const report = await scheduler.tick(now);
      const tickMs = performance.now() - started;
      await counter.settle(100, 30_000);
      const requests = counter.requests;
      return {
        open: to,
        due,
        tickMs: round(tickMs),
        sent,
        dueRows: report.due,
        storage: summarise(requests, prefix),
        queriesOnChallenges: requests.filter((r) => r.table === names.challenges && r.kind === 'query').length,
        seedMs: Math.round(seedMs),
      };
    };

    // The warm-up's challenges stay open, no longer due: each size below counts them among its open ones.
    log(`timer: warm-up tick (${s.timerDue} due)`);
    const warmUp = await grow(s.timerDue, s.timerDue);
    const ticks: TickFigures[] = [];
    for (const size of s.timerSizes) {
      log(`timer: ${size} open, ${s.timerDue} due`);
      ticks.push(await grow(size, s.timerDue));
      const t = ticks.at(-1)!;
      log(
        `  tick ${t.tickMs} ms, ${t.storage.entitiesRead} entities read in ${t.storage.requests} requests, ${t.sent} sent (seeded in ${t.seedMs} ms)`,
      );
    }
    return { ticks, warmUp };
  } finally {
    await counter.stop();
  }
}
