/**
 * The real engine over the real store: the workflow's decide/apply behind the command runner,
 * in Azurite. Concurrent conflicting presses make one transition; the stored history replays
 * to the stored snapshot.
 */
import assert from 'node:assert/strict';
import { createWorkingCalendar } from '../../../src/calendar';
import { SettableClock } from '../../../src/clock';
import { getProcedure, procedures } from '../../../src/procedures';
import { createCommandRunner, type Stores } from '../../../src/store';
import { apply, decide, replay, type Command } from '../../../src/workflow';
import { freshStores } from '../../support/azurite';
import { raiseCommand } from '../../unit/workflow/helpers';

function runnerFor(stores: Stores, procedureId: string, clock: SettableClock) {
  const procedure = getProcedure(procedureId);
  const calendar = createWorkingCalendar({ closureDays: procedure.closureDays });
  return createCommandRunner({
    challenges: stores.challenges,
    audit: stores.audit,
    personIndex: stores.personIndex,
    clock,
    apply,
    decide: (c, e, now) => decide(procedure, c, e, now, calendar),
    maxAttempts: 25,
  });
}

describe('the engine in Azurite', () => {
  let stores: Stores;
  before(async () => {
    stores = await freshStores('engine');
  });

  it('20 concurrent conflicting escalations of one challenge: exactly one wins, 19 conflicts, no gap or duplicate in the history', async () => {
    const clock = new SettableClock('2026-12-01T10:00:00Z');
    const run = runnerFor(stores, 'leeds', clock);
    const raise = raiseCommand(getProcedure('leeds'), { challengeId: 'race-leeds' });
    const raised = await run('race-leeds', {
      command: raise,
      actor: { id: raise.raisedBy.id, name: 'raiser' },
      idempotencyKey: 'raise',
    });
    assert.ok(raised.decision.ok);
    const version = raised.challenge!.version;
    clock.set('2026-12-02T10:00:00Z');
    const escalate: Command = { type: 'escalate', reason: 'Not resolved between practitioners.' };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        run('race-leeds', {
          command: escalate,
          actor: { id: raise.raisedBy.id, name: 'raiser' },
          idempotencyKey: `press-${i}`,
          expectedVersion: version,
        }),
      ),
    );
    const won = results.filter((r) => r.transitioned);
    const stale = results.filter((r) => !r.decision.ok && r.decision.refusal.code === 'stale');
    assert.equal(won.length, 1);
    assert.equal(stale.length, 19);
    const events = await stores.challenges.events('race-leeds');
    assert.deepEqual(
      events.map((_, i) => i + 1),
      Array.from({ length: events.length }, (_, i) => i + 1),
    );
    assert.equal(events.filter((e) => e.type === 'Escalated').length, 1);
    const stored = await stores.challenges.load('race-leeds');
    assert.equal(stored!.challenge.stageId, 'step-2');
    assert.equal((await stores.audit.list('race-leeds')).length, 19);
  });

  for (const procedure of procedures) {
    it(`replaying the stored events of a ${procedure.partnership} challenge, raised to resolved, gives the stored snapshot`, async () => {
      const clock = new SettableClock('2026-12-23T10:00:00Z');
      const run = runnerFor(stores, procedure.id, clock);
      const id = `replay-${procedure.id}`;
      const raise = raiseCommand(procedure, { challengeId: id });
      const by = (role: string) => ({ id: role, name: role });
      const go = async (actor: string, command: Command, key: string) => {
        const result = await run(id, { command, actor: by(actor), idempotencyKey: key });
        assert.ok(result.decision.ok, `${command.type}: ${result.decision.ok ? '' : result.decision.refusal.reason}`);
      };
      await go(raise.raisedBy.id, raise, 'raise');
      let step = 0;
      for (;;) {
        const current = (await stores.challenges.load(id))!.challenge;
        const stage = procedure.stages.find((s) => s.id === current.stageId)!;
        if (stage.escalateTo.length === 0 || step > 8) break;
        const escalator = (stage.escalatedBy ?? stage.owners).find((r) => r.startsWith('raising')) ?? stage.owners[0]!;
        clock.advance(24 * 3600 * 1000);
        await go(escalator, { type: 'pause', reason: 'Lead off sick.' }, `pause-${step}`).catch(() => undefined);
        clock.advance(24 * 3600 * 1000);
        await go(escalator, { type: 'resume' }, `resume-${step}`).catch(() => undefined);
        await go(escalator, { type: 'escalate', reason: 'Still not resolved.' }, `escalate-${step}`);
        step += 1;
      }
      const last = (await stores.challenges.load(id))!.challenge;
      const owner = procedure.stages.find((s) => s.id === last.stageId)!.owners[0]!;
      await go(owner, { type: 'resolve', agreedOutcome: 'Plan reviewed.', outstandingIssues: 'None.' }, 'resolve');
      const stored = (await stores.challenges.load(id))!.challenge;
      assert.equal(stored.status, 'resolved');
      assert.ok(step >= 1);
      assert.deepEqual(replay(await stores.challenges.events(id)), stored);
    });
  }
});
