/** The scheduler tick over Azurite: sends what is due once, records it, moves the wake; two at once; a crash. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import { SettableClock } from '../../../src/clock';
import { runDigest } from '../../../src/functions/digest-run';
import { runTick } from '../../../src/functions/tick';
import type { Undelivered } from '../../../src/turn';
import { wakeRowKey, type Stores, type TableConfig } from '../../../src/store';
import { freshTables } from '../../support/azurite';
import { depsOver, FakeMessenger, raise, recordedKeys, storesOver } from './harness';

const owners = ['raising.practitioner', 'receiving.practitioner'];

describe('scheduler tick (Azurite)', () => {
  let config: TableConfig;
  let stores: Stores;
  const clock = new SettableClock('2026-11-02T10:00:00Z');

  before(async () => {
    config = await freshTables('tick');
    stores = storesOver(config, clock);
    await stores.ensureTables();
  });

  it('sends a due reminder once, records it in the history, and moves the index to the next wake', async () => {
    const challenge = await raise(stores, clock, { id: 'ch-once', at: '2026-11-02T10:00:00Z' });
    const messenger = new FakeMessenger();
    const deps = depsOver(stores, clock, messenger);

    const early = await runTick(deps, new Date('2026-11-12T12:00:00Z'));
    assert.equal(early.sent.length, 0);
    assert.equal(early.due, 0, 'nothing is due before Friday 08:00: no row read');

    const friday = new Date('2026-11-13T08:00:00Z');
    const first = await runTick(deps, friday);
    assert.deepEqual(
      first.sent.map((s) => [s.level, s.to.sort(), s.recorded]),
      [['dueSoon', owners, true]],
    );
    const again = await runTick(deps, new Date('2026-11-13T08:15:00Z'));
    assert.deepEqual(again.sent, []);
    assert.equal(messenger.received.length, 2);
    assert.deepEqual(await recordedKeys(stores, challenge.id), ['reminder|ch-once|step-1|v1|dueSoon|0']);
    const due = await stores.deadlineIndex.due(new Date('2030-01-01T00:00:00Z'));
    const mine = due.filter((r) => r.challengeId === challenge.id);
    assert.deepEqual(
      mine.map((r) => r.rowKey),
      [wakeRowKey(new Date('2026-11-16T17:00:00Z'), challenge.id)],
    );
  });

  it('two schedulers ticking at once over the same tables send no reminder twice', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `ch-pair-${i}`);
    for (const id of ids) await raise(stores, clock, { id, at: '2026-11-02T10:00:00Z' });
    const messenger = new FakeMessenger();
    // Two separate scheduler instances, each with its own table clients, sharing only storage.
    const a = depsOver(storesOver(config, clock), clock, messenger);
    const b = depsOver(storesOver(config, clock), clock, messenger);
    for (const at of ['2026-11-13T08:00:00Z', '2026-11-16T17:00:00Z', '2026-11-17T08:00:00Z', '2026-11-18T08:00:00Z']) {
      clock.set(at); // the cards say how overdue, at the time of the tick
      await Promise.all([runTick(a, new Date(at)), runTick(b, new Date(at)), runTick(a, new Date(at))]);
    }
    const pairs = messenger.received.filter((r) => /"challengeId":"ch-pair-/.test(JSON.stringify(r.card)));
    const byKey = new Map<string, number>();
    for (const r of pairs) {
      const key = `${r.personId} ${JSON.stringify(r.card).match(/"challengeId":"(ch-pair-\d)"/)?.[1]} ${headlineOf(r.card)}`;
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    assert.deepEqual(
      [...byKey].filter(([, n]) => n > 1),
      [],
      'nobody received the same reminder twice',
    );
    // Per challenge: dueSoon, overdue 0, 1, 2 to the 2 owners, and the escalation offer to the 2 line managers.
    assert.equal(pairs.length, ids.length * (4 * 2 + 2));
    for (const id of ids) {
      const keys = await recordedKeys(stores, id);
      assert.equal(new Set(keys).size, keys.length, `${id}: each reminder recorded once`);
      assert.equal(keys.length, 5);
    }
  });

  it('a tick that dies between recording a reminder and sending it: the sweep after the lease sends it, once', async () => {
    await raise(stores, clock, { id: 'ch-crash', at: '2026-11-02T10:00:00Z' });
    const dying = new FakeMessenger();
    dying.answer = () => new Promise(() => undefined); // the process stops here: never returns
    const friday = '2026-11-13T08:00:00Z';
    clock.set(friday);
    void runTick(depsOver(storesOver(config, clock), clock, dying, { leaseMs: 2_000 }), new Date(friday));
    await new Promise((resolve) => setTimeout(resolve, 250)); // let it record, claim the sends, then hang
    assert.deepEqual(
      await recordedKeys(stores, 'ch-crash'),
      ['reminder|ch-crash|step-1|v1|dueSoon|0'],
      'recorded first',
    );

    const messenger = new FakeMessenger();
    const deps = depsOver(stores, clock, messenger);
    clock.set('2026-11-13T08:05:00Z');
    assert.equal((await deps.dispatcher.sweep({ graceMs: 0 })).done, 0, 'the dead tick still holds its sends');
    assert.deepEqual((await runTick(deps, clock.now())).sent, [], 'and the reminder is not recorded again');
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // its lease lapses
    const swept = await deps.dispatcher.sweep({ graceMs: 0 });
    assert.deepEqual(swept.delivered.map((d) => d.personId).sort(), owners);
    assert.equal((await deps.dispatcher.sweep({ graceMs: 0 })).done, 0, 'nothing is sent twice');
    assert.deepEqual(messenger.received.map((r) => r.personId).sort(), owners);
    assert.deepEqual(await recordedKeys(stores, 'ch-crash'), ['reminder|ch-crash|step-1|v1|dueSoon|0']);
  });

  it('retries a send that failed for now at the next sweep; a blocked person is reported, not retried', async () => {
    await raise(stores, clock, { id: 'ch-fail', at: '2026-11-02T10:00:00Z' });
    const messenger = new FakeMessenger();
    let failures = 1;
    messenger.answer = async (personId) => {
      if (personId === 'receiving.practitioner')
        return { delivered: false, reason: 'blocked', detail: 'MessageWritesBlocked' };
      if (failures-- > 0) return { delivered: false, reason: 'failed', detail: 'HTTP 502' };
      return { delivered: true };
    };
    const undelivered: Undelivered[] = [];
    const deps = depsOver(stores, clock, messenger, { onUndelivered: (u: Undelivered) => void undelivered.push(u) });
    const first = await runTick(deps, new Date('2026-11-13T08:00:00Z'));
    assert.deepEqual(
      first.sent.filter((s) => s.challengeId === 'ch-fail').map((s) => [s.to, s.recorded]),
      [[[], true]],
      'recorded, delivered to nobody yet',
    );
    assert.equal(messenger.received.filter((r) => r.personId === 'raising.practitioner').length, 0);
    const swept = await deps.dispatcher.sweep({ graceMs: 0 });
    assert.deepEqual(
      swept.delivered.map((d) => d.personId),
      ['raising.practitioner'],
    );
    assert.deepEqual(
      undelivered.map((u) => [u.personId, u.reason]),
      [['receiving.practitioner', 'blocked']],
    );
    assert.equal(messenger.received.filter((r) => r.personId === 'raising.practitioner').length, 1);
    assert.equal((await deps.dispatcher.sweep({ graceMs: 0 })).done, 0);
  });

  it('DUR-10 sends each lead one digest a day, naming cases by case reference only, never the family name', async () => {
    const dstores = storesOver(await freshTables('digest'), clock);
    await dstores.ensureTables();
    // Durham asks for the family name (DUR-10): held on the challenge, never in a digest.
    await raise(dstores, clock, {
      id: 'ch-d1',
      procedureId: 'durham',
      at: '2026-11-13T10:00:00Z',
      caseReference: 'CR-D1',
      familyName: 'Smithson',
    });
    const messenger = new FakeMessenger();
    const deps = depsOver(dstores, clock, messenger);
    const notYet = await runDigest(deps, new Date('2026-11-16T06:30:00Z'));
    assert.equal(notYet.ran, false);
    const monday = await runDigest(deps, new Date('2026-11-16T07:30:00Z'));
    // The stage-1 owners (both practitioners) and everyone on it in a non-practitioner role.
    assert.deepEqual(monday.sentTo.sort(), [
      'partnership.businessUnit',
      'partnership.executive',
      'raising.practitioner',
      'raising.serviceManagerOversight',
      'receiving.lineManager',
      'receiving.practitioner',
      'receiving.safeguardingLead',
      'receiving.seniorManager',
    ]);
    const text = JSON.stringify(messenger.received.map((r) => r.card));
    assert.ok(text.includes('CR-D1'));
    assert.ok(!text.includes('Smithson'), 'no family name in a digest');
    const count = messenger.received.length;
    const later = await runDigest(deps, new Date('2026-11-16T07:45:00Z'));
    assert.equal(later.reason, 'already sent today');
    assert.equal(messenger.received.length, count);
  });
});

function headlineOf(card: object): string {
  return (
    /"text":"([^"]*(?:due|overdue)[^"]*)"/.exec(JSON.stringify(card))?.[1] ?? JSON.stringify(card).length.toString()
  );
}
