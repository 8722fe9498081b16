/**
 * A tick reads what is due, not what is open: with 300 open challenges and 20 due, it reads
 * exactly as many table entities as with 50 open and the same 20 due, and never scans the
 * challenges. Every entity returned by listEntities and every getEntity is counted. The same
 * counts at 10,000 and 100,000 open are measured by `npm run bench` (volume is not a test's job).
 */
import assert from 'node:assert/strict';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { describe, it } from 'mocha';
import { SettableClock } from '../../../src/clock';
import { createSchedulerDeps } from '../../../src/functions/scheduler-deps';
import { runTick } from '../../../src/functions/tick';
import { challengeWakeAt } from '../../../src/scheduler';
import { wakeRowKey, type Stores } from '../../../src/store';
import { createAuditStore } from '../../../src/store/audit-store';
import { createChallengeStore } from '../../../src/store/challenge-store';
import { createConversationStore } from '../../../src/store/conversation-store';
import { createDeadlineIndex } from '../../../src/store/deadline-index';
import { createDirectoryStore } from '../../../src/store/directory-store';
import { toJsonColumns } from '../../../src/store/entity-json';
import { createPersonIndex } from '../../../src/store/person-index';
import { createReminderClaims } from '../../../src/store/reminder-claims';
import { createOutbox } from '../../../src/store/outbox';
import { createOwedStore } from '../../../src/store/owed-store';
import { createRetentionStore } from '../../../src/store/retention';
import { createTableClients, ensureTables, tableNames, type TableClients } from '../../../src/store/tables';
import type { Challenge } from '../../../src/workflow';
import { freshTables } from '../../support/azurite';
import { FakeMessenger, raise } from './harness';

interface Counter {
  entities: number;
  /** Per table: listEntities calls. */
  queries: Map<string, number>;
  /** Queries not held to one partition: a scan. */
  scans: string[];
}

/** The client, with every entity it returns counted. */
function counting(name: string, client: TableClient, counter: Counter): TableClient {
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'listEntities') {
        return (...args: Parameters<TableClient['listEntities']>) => {
          counter.queries.set(name, (counter.queries.get(name) ?? 0) + 1);
          const filter = args[0]?.queryOptions?.filter ?? '';
          if (!/^PartitionKey eq '[^']+'/.test(filter)) counter.scans.push(`${name}: ${filter}`);
          const inner = target.listEntities(...args);
          return (async function* () {
            for await (const entity of inner) {
              counter.entities++;
              yield entity;
            }
          })();
        };
      }
      if (prop === 'getEntity') {
        return (...args: Parameters<TableClient['getEntity']>) => {
          counter.entities++;
          return target.getEntity(...args);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function storesOver(clients: TableClients, clock: SettableClock, prefix: string): Stores {
  const deadlineIndex = createDeadlineIndex(clients.deadlineIndex, { clock });
  return {
    names: tableNames(prefix),
    challenges: createChallengeStore(clients.challenges),
    audit: createAuditStore(clients.audit),
    directory: createDirectoryStore(clients.directory),
    conversations: createConversationStore(clients.conversations),
    personIndex: createPersonIndex(clients.personIndex),
    deadlineIndex,
    reminderClaims: createReminderClaims(clients.reminderClaims, { clock }),
    outbox: createOutbox(clients.outbox, { clock }),
    owed: createOwedStore(clients.challenges, { clock }),
    retention: createRetentionStore(clients, deadlineIndex),
    ensureTables: () => ensureTables(clients),
  };
}

async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** `open` challenges of which `due` are due at Friday 13 November 2026 08:00; returns the entities one tick there reads. */
async function readsOfOneTick(open: number, due: number): Promise<{ counter: Counter; sent: number; dueRows: number }> {
  const config = await freshTables(`reads${open}`);
  const clock = new SettableClock('2026-11-02T10:00:00Z');
  const plain = createTableClients(config);
  const stores = storesOver(plain, clock, config.prefix ?? '');
  await stores.ensureTables();

  const dueOnes: Challenge[] = [];
  for (let i = 0; i < due; i++)
    dueOnes.push(await raise(stores, clock, { id: `due-${i}`, at: '2026-11-02T10:00:00Z' }));

  // The rest: due next summer. Snapshots written directly, index rows in batches of 100.
  const template = dueOnes[0] as Challenge;
  const later = Array.from({ length: open - due }, (_, i): Challenge => {
    const stages = template.stages.map((s) => ({
      ...s,
      startedAt: '2027-05-03T09:00:00.000Z',
      deadline: '2027-06-01T16:00:00.000Z',
    }));
    return { ...template, id: `later-${i}`, stages };
  });
  await inParallel(later, 32, (c) =>
    plain.challenges.upsertEntity(
      { partitionKey: c.id, rowKey: 'snapshot', version: c.version, status: c.status, ...toJsonColumns(c, 'seed') },
      'Replace',
    ),
  );
  const now = clock.now();
  const wakes = later.map((c) => ({ c, key: wakeRowKey(challengeWakeAt(c, now) as Date, c.id) }));
  const batches: TransactionAction[][] = [];
  for (let i = 0; i < wakes.length; i += 100) {
    const slice = wakes.slice(i, i + 100);
    batches.push(
      slice.map(({ c, key }) => [
        'upsert',
        { partitionKey: 'wake', rowKey: key, challengeId: c.id, wakeAt: '2027-05-31T07:00:00.000Z' },
      ]),
    );
    batches.push(
      slice.map(({ c, key }) => [
        'upsert',
        { partitionKey: 'challenge', rowKey: c.id, wakeKey: key, version: c.version },
      ]),
    );
  }
  await inParallel(batches, 8, (batch) => plain.deadlineIndex.submitTransaction(batch));

  const counter: Counter = { entities: 0, queries: new Map(), scans: [] };
  const counted = Object.fromEntries(
    Object.entries(plain).map(([name, client]) => [name, counting(name, client, counter)]),
  ) as unknown as TableClients;
  const messenger = new FakeMessenger();
  const deps = createSchedulerDeps({ stores: storesOver(counted, clock, config.prefix ?? ''), messenger, clock });
  clock.set('2026-11-13T08:00:00Z');
  const report = await runTick(deps, clock.now());
  return { counter, sent: report.sent.length, dueRows: report.due };
}

describe('a tick reads only what is due (Azurite)', function () {
  this.timeout(60_000);

  it('300 open and 20 due: the same reads as 50 open and 20 due, and no scan of the challenges', async () => {
    const small = await readsOfOneTick(50, 20);
    const large = await readsOfOneTick(300, 20);
    assert.equal(large.dueRows, 20, 'the index query returned the due rows only');
    assert.equal(large.sent, 20);
    assert.equal(large.counter.entities, small.counter.entities, 'reads do not grow with the open challenges');
    // Per due challenge: its row, its snapshot, the answer check, the claims, the index pointer and the person index rows.
    assert.ok(
      large.counter.entities <= 20 * 20,
      `a bounded number of reads per due challenge, got ${large.counter.entities}`,
    );
    assert.deepEqual(large.counter.scans, [], 'no scan: every query is held to one partition');
    assert.equal(large.counter.queries.get('deadlineIndex'), 1, 'one range query on the index');
  });
});
