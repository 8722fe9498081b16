/**
 * The turn over the real workflow and the real store (Azurite): one transition per press
 * however often it arrives, the same answer to every copy, refusals recorded, what is owed
 * committed with the transition and carried out once, even after a crash, and a press told
 * promptly when storage does not answer.
 */
import assert from 'node:assert/strict';
import { SettableClock } from '../../../src/clock';
import { silentLogger } from '../../../src/logger';
import { getProcedure, procedures } from '../../../src/procedures';
import { createStores, type Stores, type TableConfig } from '../../../src/store';
import { createTableClient, tableNames } from '../../../src/store/tables';
import { createScheduler } from '../../../src/functions/scheduler';
import { createSchedulerDeps } from '../../../src/functions/scheduler-deps';
import { createTurnKit, type TurnRequest, type TurnResult } from '../../../src/turn';
import { dyingTurn } from '../../support/dying-turn';
import { replay, type Command } from '../../../src/workflow';
import { freshTables } from '../../support/azurite';
import { FakeMessenger } from '../scheduler/harness';
import { raiseCommand } from '../../unit/workflow/helpers';

const leeds = getProcedure('leeds');
const raiser = { id: 'raising.practitioner', name: 'Raiser' };
const escalate: Command = { type: 'escalate', reason: 'Not resolved between practitioners.' };

describe('the turn (Azurite)', function () {
  this.timeout(60_000);
  let config: TableConfig;
  let stores: Stores;
  const clock = new SettableClock('2026-12-01T10:00:00Z');

  before(async () => {
    config = await freshTables('turn');
    stores = createStores(config, { clock });
    await stores.ensureTables();
  });

  const kitOf = (messenger = new FakeMessenger()) => createTurnKit({ stores, messenger, clock, logger: silentLogger });

  async function raised(id: string, procedure = leeds, messenger = new FakeMessenger()) {
    clock.set('2026-12-01T10:00:00Z');
    const command = raiseCommand(procedure, { challengeId: id });
    const result = await kitOf(messenger).turns.execute({
      challengeId: id,
      procedure,
      command,
      actor: { id: command.raisedBy.id, name: 'Raiser' },
      idempotencyKey: `raise:${id}`,
      sends: 'await',
    });
    assert.equal(result.kind, 'done');
    clock.set('2026-12-02T10:00:00Z');
    return result.kind === 'done' ? result.challenge : assert.fail();
  }

  /** Event versions as stored, to see gaps and duplicates the typed API would hide. */
  async function storedVersions(challengeId: string): Promise<number[]> {
    const table = createTableClient(config, tableNames(config.prefix).challenges);
    const versions: number[] = [];
    for await (const row of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${challengeId}'` } })) {
      if (row.rowKey?.startsWith('event-')) versions.push(Number(row.rowKey.slice('event-'.length)));
    }
    return versions;
  }

  const press = (id: string, key: string, extra: Partial<TurnRequest> = {}): TurnRequest => ({
    challengeId: id,
    command: escalate,
    actor: raiser,
    idempotencyKey: key,
    presserId: raiser.id,
    ...extra,
  });

  it('one press delivered ten times at once: one transition and ten identical answers, none "moved on"', async () => {
    const challenge = await raised('t-ten');
    const { turns } = kitOf();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        turns.execute(press('t-ten', 'same-press', { expectedVersion: challenge.version })),
      ),
    );
    const summary = (r: TurnResult) =>
      r.kind === 'done' ? { kind: r.kind, version: r.challenge.version, events: r.events.map((e) => e.type) } : r;
    assert.deepEqual(new Set(results.map((r) => JSON.stringify(summary(r)))).size, 1, 'every copy answered alike');
    assert.deepEqual(summary(results[0]!), {
      kind: 'done',
      version: challenge.version + 2,
      events: ['Escalated', 'StageEntered'],
    });
    assert.equal(results.filter((r) => r.kind === 'done' && !r.repeat).length, 1, 'one of them made the transition');
    assert.equal((await stores.challenges.events('t-ten')).filter((e) => e.type === 'Escalated').length, 1);
    assert.deepEqual((await stores.audit.list('t-ten')).length, 0, 'no copy was refused');
  });

  it('the same key later gets the same answer; a different key on the old card is refused as moved on, and recorded', async () => {
    const challenge = await raised('t-later');
    const { turns } = kitOf();
    const first = await turns.execute(press('t-later', 'k1', { expectedVersion: challenge.version }));
    const again = await turns.execute(press('t-later', 'k1', { expectedVersion: challenge.version }));
    assert.equal(first.kind, 'done');
    assert.equal(again.kind === 'done' && again.repeat, true);
    assert.deepEqual(again.kind === 'done' && again.events, first.kind === 'done' && first.events);
    const other = await turns.execute(press('t-later', 'k2', { expectedVersion: challenge.version }));
    assert.equal(other.kind === 'refused' && other.refusal.code, 'stale');
    assert.deepEqual(
      (await stores.audit.list('t-later')).map((a) => [a.actor.id, a.code]),
      [[raiser.id, 'stale']],
    );
  });

  it('20 different presses on the same card at once: one wins, 19 are told it moved on, the history has no gap', async () => {
    const challenge = await raised('t-race');
    const { turns } = kitOf();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        turns.execute(press('t-race', `race-${i}`, { expectedVersion: challenge.version })),
      ),
    );
    assert.equal(results.filter((r) => r.kind === 'done').length, 1);
    assert.equal(results.filter((r) => r.kind === 'refused' && r.refusal.code === 'stale').length, 19);
    const versions = await storedVersions('t-race');
    assert.deepEqual(
      versions,
      Array.from({ length: versions.length }, (_, i) => i + 1),
    );
    assert.equal((await stores.audit.list('t-race')).length, 19);
  });

  it("a non-owner's press is refused and recorded, and changes nothing", async () => {
    const challenge = await raised('t-stranger');
    const result = await kitOf().turns.execute(
      press('t-stranger', 'stranger-press', {
        actor: { id: 'someone-else', name: 'Someone' },
        presserId: 'someone-else',
      }),
    );
    assert.equal(result.kind === 'refused' && result.refusal.code, 'notOwner');
    assert.equal((await stores.challenges.load('t-stranger'))!.challenge.version, challenge.version);
    assert.deepEqual(
      (await stores.audit.list('t-stranger')).map((a) => a.code),
      ['notOwner'],
    );
  });

  it('what a transition owes is committed with it; after a crash before any send, the sweep sends it once', async () => {
    const challenge = await raised('t-crash');
    const dead = new FakeMessenger();
    const dying = dyingTurn(stores, clock);
    const result = await dying.execute(press('t-crash', 'crash-press', { expectedVersion: challenge.version }));
    assert.equal(result.kind, 'done');
    const owed = await stores.owed.list('t-crash');
    assert.deepEqual(
      owed.map((row) => (row.value as { kind: string }).kind),
      ['threadReply', 'threadReply', 'threadRoot', 'stageCard', 'stageCard'],
      "the thread posts and the step 2 owners' cards; the presser's own card was the answer",
    );
    assert.equal(dead.received.length, 0);

    const messenger = new FakeMessenger();
    const swept = await kitOf(messenger).dispatcher.sweep({ graceMs: 0 });
    assert.deepEqual(messenger.received.map((r) => r.personId).sort(), [
      'raising.lineManager',
      'receiving.lineManager',
    ]);
    assert.equal(swept.left, 0);
    assert.deepEqual(await stores.owed.list('t-crash'), [], 'carried out, so gone');
    assert.equal((await kitOf(messenger).dispatcher.sweep({ graceMs: 0 })).done, 0, 'nothing twice');
    assert.equal(messenger.received.length, 2);
  });

  it('owed rows left with no outbox entry are found by the nightly reconcile and sent by the next sweep', async () => {
    const challenge = await raised('t-lost-entry');
    await dyingTurn(stores, clock).execute(press('t-lost-entry', 'lost-press', { expectedVersion: challenge.version }));
    for (const entry of await stores.outbox.orphans(0)) await stores.outbox.settle(entry); // the entry is lost
    const messenger = new FakeMessenger();
    const deps = createSchedulerDeps({ stores, messenger, clock, logger: silentLogger, outboxGraceMs: 0 });
    const report = await createScheduler(deps, clock).reconcile();
    assert.ok(report.owing >= 1, 'the challenge still owing sends is found');
    await deps.dispatcher.sweep({ graceMs: 0 });
    assert.deepEqual(messenger.received.map((r) => r.personId).sort(), [
      'raising.lineManager',
      'receiving.lineManager',
    ]);
    assert.deepEqual(await stores.owed.list('t-lost-entry'), []);
  });

  it('the people on a challenge are indexed from what the raise owes, and a reconcile rebuilds a lost row', async () => {
    await raised('t-index');
    const mine = (await stores.personIndex.forPerson('receiving.practitioner')).find(
      (r) => r.challengeId === 't-index',
    );
    assert.deepEqual(mine?.roles, ['raisedWith', 'receiving.practitioner']);
    const table = createTableClient(config, tableNames(config.prefix).personIndex);
    await table.deleteEntity('receiving.practitioner', 't-index');
    await stores.personIndex.reconcile(stores.challenges.snapshots());
    const rebuilt = (await stores.personIndex.forPerson('receiving.practitioner')).find(
      (r) => r.challengeId === 't-index',
    );
    assert.ok(rebuilt);
  });

  it('with storage down, a press is answered within seconds that nothing was saved', async () => {
    const down = createStores(
      {
        connectionString:
          'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1',
        prefix: 'down',
      },
      { clock },
    );
    const { turns } = createTurnKit({ stores: down, messenger: new FakeMessenger(), clock, logger: silentLogger });
    const started = performance.now();
    const result = await turns.execute(press('t-down', 'down-press'));
    assert.equal(result.kind, 'unavailable');
    assert.ok(performance.now() - started < 10_000, 'answered, not left hanging');
  });

  for (const procedure of procedures) {
    it(`${procedure.partnership}: the stored events of a challenge raised to resolved replay to the stored snapshot`, async () => {
      const id = `t-replay-${procedure.id}`;
      await raised(id, procedure);
      const { turns } = kitOf();
      const go = async (actor: string, command: Command, key: string) => {
        const result = await turns.execute({
          challengeId: id,
          command,
          actor: { id: actor, name: actor },
          idempotencyKey: key,
          sends: 'await',
        });
        return result.kind;
      };
      let step = 0;
      for (;;) {
        const current = (await stores.challenges.load(id))!.challenge;
        const stage = procedure.stages.find((s) => s.id === current.stageId)!;
        if (stage.escalateTo.length === 0 || step > 8) break;
        const escalator = (stage.escalatedBy ?? stage.owners).find((r) => r.startsWith('raising')) ?? stage.owners[0]!;
        clock.advance(24 * 3600 * 1000);
        await go(escalator, { type: 'pause', reason: 'Lead off sick.' }, `pause-${step}`);
        clock.advance(24 * 3600 * 1000);
        await go(escalator, { type: 'resume' }, `resume-${step}`);
        assert.equal(
          await go(escalator, { type: 'escalate', reason: 'Still not resolved.' }, `escalate-${step}`),
          'done',
        );
        step += 1;
      }
      const last = (await stores.challenges.load(id))!.challenge;
      const owner = procedure.stages.find((s) => s.id === last.stageId)!.owners[0]!;
      assert.equal(
        await go(owner, { type: 'resolve', agreedOutcome: 'Plan reviewed.', outstandingIssues: 'None.' }, 'resolve'),
        'done',
      );
      const stored = (await stores.challenges.load(id))!.challenge;
      assert.equal(stored.status, 'resolved');
      assert.ok(step >= 1);
      assert.deepEqual(replay(await stores.challenges.events(id)), stored);
      assert.deepEqual(await stores.owed.list(id), [], 'everything owed was carried out');
    });
  }
});
