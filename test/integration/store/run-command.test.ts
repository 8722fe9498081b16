import assert from 'node:assert/strict';
import { describe, it, before } from 'mocha';
import { SettableClock } from '../../../src/clock';
import { createTableClient, tableNames } from '../../../src/store/tables';
import {
  createCommandRunner,
  createStores,
  type CommandRunnerDeps,
  type Stores,
  type TableConfig,
} from '../../../src/store';
import { freshTables } from '../../support/azurite';
import { raiseEnvelope, receiver, remindEnvelope, stranger, toyApply, toyDecide } from './toy-workflow';

describe('running a command (Azurite)', () => {
  let config: TableConfig;
  let stores: Stores;
  const clock = new SettableClock('2026-11-23T09:00:00.000Z');
  const deps = (extra: Partial<CommandRunnerDeps> = {}): CommandRunnerDeps => ({
    challenges: stores.challenges,
    audit: stores.audit,
    personIndex: stores.personIndex,
    decide: toyDecide,
    apply: toyApply,
    clock,
    ...extra,
  });

  before(async () => {
    config = await freshTables('commands');
    stores = createStores(config);
    await stores.ensureTables();
  });

  /** Event row versions as stored, to see gaps and duplicates the typed API would hide. */
  async function storedVersions(challengeId: string): Promise<number[]> {
    const table = createTableClient(config, tableNames(config.prefix).challenges);
    const versions: number[] = [];
    const filter = `PartitionKey eq '${challengeId}'`;
    for await (const row of table.listEntities({ queryOptions: { filter } })) {
      if (row.rowKey?.startsWith('event-')) versions.push(Number(row.rowKey.slice('event-'.length)));
    }
    return versions;
  }

  it('gives the same answer to the same idempotency key twice, with one transition', async () => {
    const run = createCommandRunner(deps());
    await run('c-idem', raiseEnvelope('c-idem'));
    const first = await run('c-idem', remindEnvelope('press-1'));
    const again = await run('c-idem', remindEnvelope('press-1'));
    assert.equal(first.transitioned, true);
    assert.equal(again.transitioned, false);
    assert.deepEqual(again.decision, first.decision);
    assert.equal(again.challenge?.version, 2);
    assert.deepEqual(await storedVersions('c-idem'), [1, 2]);
  });

  it('applies a key pressed five times at once exactly once, and answers all five alike', async () => {
    const run = createCommandRunner(deps({ maxAttempts: 6 }));
    await run('c-same-key', raiseEnvelope('c-same-key'));
    const results = await Promise.all(
      Array.from({ length: 5 }, () => run('c-same-key', remindEnvelope('double-click'))),
    );
    assert.equal(results.filter((r) => r.transitioned).length, 1);
    for (const result of results) assert.deepEqual(result.decision, results[0]?.decision);
    assert.deepEqual(await storedVersions('c-same-key'), [1, 2]);
  });

  it("refuses a non-owner's press and records it in the audit, changing nothing", async () => {
    const run = createCommandRunner(deps());
    await run('c-refused', raiseEnvelope('c-refused'));
    const result = await run('c-refused', remindEnvelope('stranger-press', undefined, stranger));
    assert.equal(result.transitioned, false);
    assert.equal(result.decision.ok ? 'ok' : result.decision.refusal.code, 'notOwner');
    assert.deepEqual(await storedVersions('c-refused'), [1]);
    const audit = await stores.audit.list('c-refused');
    assert.deepEqual(
      audit.map((entry) => [entry.actor.id, entry.commandType, entry.code]),
      [[stranger.id, 'recordReminder', 'notOwner']],
    );
  });

  it('lets exactly one of 20 racing commands on the same version win; 19 are told it moved on', async () => {
    const run = createCommandRunner(deps());
    const raised = await run('c-race', raiseEnvelope('c-race'));
    const seen = raised.challenge?.version;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => run('c-race', remindEnvelope(`race-${i}`, seen))),
    );

    assert.equal(results.filter((r) => r.transitioned).length, 1);
    const refusals = results.flatMap((r) => (r.decision.ok ? [] : [r.decision.refusal]));
    assert.equal(refusals.length, 19);
    assert.ok(
      refusals.every((refusal) => refusal.code === 'stale' && refusal.reason.startsWith('This challenge has moved on')),
    );
    assert.deepEqual(await storedVersions('c-race'), [1, 2]);
    assert.equal((await stores.audit.list('c-race')).filter((entry) => entry.code === 'stale').length, 19);
  });

  it('applies all of 20 racing commands without expectedVersion, in some order, versions contiguous', async () => {
    // Every lost attempt means another command won, so 20 attempts always suffice for 20.
    const run = createCommandRunner(deps({ maxAttempts: 20 }));
    await run('c-queue', raiseEnvelope('c-queue'));
    const keys = Array.from({ length: 20 }, (_, i) => `queue-${i}`);
    const results = await Promise.all(keys.map((key) => run('c-queue', remindEnvelope(key))));

    assert.ok(results.every((r) => r.transitioned));
    assert.deepEqual(
      await storedVersions('c-queue'),
      Array.from({ length: 21 }, (_, i) => i + 1),
    );
    const history = await stores.challenges.events('c-queue');
    assert.deepEqual(
      history
        .slice(1)
        .map((event) => event.idempotencyKey)
        .sort(),
      [...keys].sort(),
    );
    const loaded = await stores.challenges.load('c-queue');
    assert.equal(loaded?.challenge.version, 21);
    assert.deepEqual(
      loaded?.challenge.appliedKeys,
      history.map((event) => event.idempotencyKey),
    );
  });

  it('indexes the challenge under each person on it, and a reconcile rebuilds a lost row', async () => {
    const run = createCommandRunner(deps());
    await run('c-index', raiseEnvelope('c-index'));
    await run('c-index', remindEnvelope('index-1'));
    const mine = (await stores.personIndex.forPerson(receiver.id)).find((row) => row.challengeId === 'c-index');
    assert.deepEqual(
      { version: mine?.version, roles: mine?.roles, caseReference: mine?.caseReference },
      { version: 2, roles: ['raisedWith', 'receiving.practitioner'], caseReference: 'CASE-c-index' },
    );

    const table = createTableClient(config, tableNames(config.prefix).personIndex);
    await table.deleteEntity(receiver.id, 'c-index');
    assert.equal(
      (await stores.personIndex.forPerson(receiver.id)).some((row) => row.challengeId === 'c-index'),
      false,
    );
    await stores.personIndex.reconcile(stores.challenges.snapshots());
    const rebuilt = (await stores.personIndex.forPerson(receiver.id)).find((row) => row.challengeId === 'c-index');
    assert.equal(rebuilt?.version, 2);
  });
});
