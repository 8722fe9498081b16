/** The reminder claims and the deadline index on their own, over Azurite. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import { SettableClock } from '../../../src/clock';
import { runReconcile } from '../../../src/functions/reconcile-run';
import { runTick } from '../../../src/functions/tick';
import { wakeRowKey, type Stores } from '../../../src/store';
import { createTableClient, tableNames } from '../../../src/store/tables';
import { freshTables } from '../../support/azurite';
import { depsOver, FakeMessenger, raise, storesOver } from './harness';

describe('reminder claims and the deadline index (Azurite)', () => {
  const clock = new SettableClock('2026-11-13T08:00:00Z');
  let stores: Stores;
  let other: Stores;

  before(async () => {
    const config = await freshTables('claims');
    stores = storesOver(config, clock);
    other = storesOver(config, clock);
    await stores.ensureTables();
  });

  it('a claim is had by one scheduler; after its lease another takes it over; once settled it is never claimed again', async () => {
    clock.set('2026-11-13T08:00:00Z');
    const first = await stores.reminderClaims.claim('ch-1', 'k1|p1');
    assert.equal(first.kind, 'claimed');
    assert.equal((await other.reminderClaims.claim('ch-1', 'k1|p1')).kind, 'held');
    clock.set('2026-11-13T08:11:00Z');
    const takeover = await other.reminderClaims.claim('ch-1', 'k1|p1');
    assert.equal(takeover.kind, 'claimed');
    assert.equal((await stores.reminderClaims.claim('ch-1', 'k1|p1')).kind, 'held', 'the new lease holds');
    if (first.kind !== 'claimed' || takeover.kind !== 'claimed') return;
    assert.equal(await stores.reminderClaims.settle(first.claim, 'sent'), false, 'the old lease was lost');
    assert.equal(await other.reminderClaims.settle(takeover.claim, 'sent'), true);
    clock.set('2026-11-14T08:00:00Z');
    assert.deepEqual(await stores.reminderClaims.claim('ch-1', 'k1|p1'), { kind: 'settled', outcome: 'sent' });
  });

  it('a released claim is claimed again at once, and settles as failed when its attempts run out', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const claimed = await stores.reminderClaims.claim('ch-2', 'k|p');
      assert.equal(claimed.kind, 'claimed', `attempt ${attempt}`);
      if (claimed.kind !== 'claimed') return;
      assert.equal(await stores.reminderClaims.release(claimed.claim, 'HTTP 502'), attempt < 3 ? 'released' : 'failed');
    }
    assert.deepEqual(await stores.reminderClaims.claim('ch-2', 'k|p'), { kind: 'settled', outcome: 'failed' });
  });

  it('keeps one row per open challenge, moves it, never lets an older snapshot win, and drops it when resolved', async () => {
    const id = 'ch-index';
    await stores.deadlineIndex.set(id, new Date('2026-11-20T08:00:00Z'), 3);
    await stores.deadlineIndex.set(id, new Date('2026-11-21T08:00:00Z'), 4);
    await stores.deadlineIndex.set(id, new Date('2026-11-19T08:00:00Z'), 2); // a late write of an older snapshot
    const rows = async () =>
      (await stores.deadlineIndex.due(new Date('2027-01-01T00:00:00Z'))).filter((r) => r.challengeId === id);
    assert.deepEqual(
      (await rows()).map((r) => r.rowKey),
      [wakeRowKey(new Date('2026-11-21T08:00:00Z'), id)],
    );
    assert.deepEqual(
      await stores.deadlineIndex
        .due(new Date('2026-11-20T08:00:00Z'))
        .then((r) => r.filter((x) => x.challengeId === id)),
      [],
    );
    await stores.deadlineIndex.set(id, undefined, 5);
    assert.deepEqual(await rows(), []);
  });

  it('the nightly reconcile restores a lost row and deletes a leftover one; a tick drops the row of a challenge that is gone', async () => {
    const config = await freshTables('reconcile');
    const fresh = storesOver(config, clock);
    await fresh.ensureTables();
    const challenge = await raise(fresh, clock, { id: 'ch-rec', at: '2026-11-02T10:00:00Z' });
    await fresh.deadlineIndex.set(challenge.id, undefined, Number.MAX_SAFE_INTEGER); // lost
    // A leftover of a crash between writing a new row and moving the pointer.
    const table = createTableClient(config, tableNames(config.prefix).deadlineIndex);
    const leftover = wakeRowKey(new Date('2026-11-04T08:00:00Z'), challenge.id);
    await table.upsertEntity({
      partitionKey: 'wake',
      rowKey: leftover,
      challengeId: challenge.id,
      wakeAt: '2026-11-04T08:00:00.000Z',
    });
    await fresh.deadlineIndex.set('ch-gone', new Date('2026-11-05T08:00:00Z'), 1); // a challenge that is not there
    clock.set('2026-11-03T02:10:00Z');
    const report = await runReconcile(
      { challenges: fresh.challenges, deadlineIndex: fresh.deadlineIndex, personIndex: fresh.personIndex },
      clock.now(),
    );
    assert.deepEqual([report.challenges, report.removed], [1, 1]);
    const all = () => fresh.deadlineIndex.due(new Date('2027-01-01T00:00:00Z'));
    assert.deepEqual(
      (await all()).map((r) => `${r.challengeId} ${r.wakeAt.toISOString()}`),
      ['ch-gone 2026-11-05T08:00:00.000Z', 'ch-rec 2026-11-13T08:00:00.000Z'],
    );
    assert.equal((await fresh.personIndex.forPerson('raising.lineManager')).length, 1);
    await runTick(depsOver(fresh, clock, new FakeMessenger()), new Date('2026-11-05T08:00:00Z'));
    assert.deepEqual(
      (await all()).map((r) => r.challengeId),
      ['ch-rec'],
    );
  });
});
