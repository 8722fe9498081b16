/**
 * The escalation offer's one press (issue 5): once the stage is overdue by the policy's
 * `copyNextLevelAfterOverdueWorkingDays` working days, the next stage's owners may escalate
 * it themselves; not before, not when the policy says no, not while paused, not at a stage
 * without a deadline; and allowedCommands offers exactly what decide accepts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { londonDate, londonInstant } from '../../../src/calendar';
import { getProcedure } from '../../../src/procedures';
import type { OwnerRole, Procedure } from '../../../src/procedures/schema';
import {
  allowedCommands,
  currentStage,
  decide,
  escalatorsOf,
  findStage,
  mayEscalateAsNextLevel,
  workingDaysOverdue,
  type Challenge,
} from '../../../src/workflow';
import { Run } from './helpers';

const ids = ['dudley', 'durham', 'newcastle', 'leeds', 'darlington'];

/** A role of the next stage that may not escalate the current one on its own account. */
function nextLevelRole(procedure: Procedure, challenge: Challenge): OwnerRole {
  const stage = currentStage(procedure, challenge);
  const next = findStage(procedure, stage.escalateTo[0] ?? '');
  assert.ok(next, `${procedure.id} ${stage.id} has a next stage`);
  const role = next.owners.find((r) => !escalatorsOf(stage).includes(r));
  assert.ok(role, `${procedure.id} ${next.id} has an owner who is not an escalator of ${stage.id}`);
  return role;
}

/** The London day `n` working days after the current deadline's day, at `time`. */
function afterDeadline(run: Run, n: number, time: string): Date {
  const deadline = run.stage.deadline;
  assert.ok(deadline);
  return londonInstant(run.calendar.addWorkingDays(londonDate(new Date(deadline)), n), time);
}

function escalateBy(
  run: Run,
  who: string,
  now: Date,
  procedure: Procedure = run.procedure,
  route: 'next' | 'immediate' = 'next',
) {
  return decide(
    procedure,
    run.c,
    {
      command: { type: 'escalate', reason: 'Overdue.', route },
      actor: { id: who, name: who },
      idempotencyKey: `e-${who}-${route}`,
    },
    now,
    run.calendar,
  );
}

describe('workflow: the escalation offer escalates in one press', () => {
  for (const id of ids) {
    const procedure = getProcedure(id);
    it(`${procedure.code}: the next level may escalate from the second overdue working day at 00:00, not before, and the challenge moves`, () => {
      const run = new Run(procedure);
      run.raise('2027-03-01T10:00');
      const who = nextLevelRole(procedure, run.c);
      const n = procedure.reminders.copyNextLevelAfterOverdueWorkingDays;
      assert.equal(n, 2);

      const early = afterDeadline(run, n - 1, '17:59');
      assert.equal(workingDaysOverdue(run.c, early, run.calendar), n - 1);
      assert.ok(!allowedCommands(procedure, run.c, who, early).includes('escalate'));
      const refused = escalateBy(run, who, early);
      assert.ok(!refused.ok && refused.refusal.code === 'notOwner');

      const due = afterDeadline(run, n, '00:00');
      assert.equal(workingDaysOverdue(run.c, due, run.calendar), n);
      assert.ok(mayEscalateAsNextLevel(procedure, run.c, who, due, run.calendar));
      assert.ok(allowedCommands(procedure, run.c, who, due, run.calendar).includes('escalate'));
      const from = run.c.stageId;
      run.ok(who, { type: 'escalate', reason: 'Overdue: taken up by the next level.' }, due.toISOString());
      assert.equal(run.c.stageId, currentStage(procedure, { stageId: from }).escalateTo[0]);
    });
  }

  it('counts working days: over Easter 2027 and the clock change the offer opens on Wed 31 Mar, not Mon 29 or Tue 30', () => {
    const procedure = getProcedure('dudley');
    const run = new Run(procedure);
    // Stage 1 is due one working day after raising: Thu 25 Mar 17:00; Good Friday and Easter Monday are not counted.
    run.raise('2027-03-24T10:00');
    assert.equal(run.stage.deadline, '2027-03-25T17:00:00.000Z');
    const who = nextLevelRole(procedure, run.c);
    for (const iso of ['2027-03-26T12:00:00Z', '2027-03-29T12:00:00Z', '2027-03-30T16:59:00Z']) {
      assert.ok(!allowedCommands(procedure, run.c, who, new Date(iso)).includes('escalate'), iso);
    }
    // 00:00 on Wed 31 Mar in London is 23:00 UTC the day before (BST since 28 Mar).
    assert.ok(!allowedCommands(procedure, run.c, who, new Date('2027-03-30T22:59:00Z')).includes('escalate'));
    assert.ok(allowedCommands(procedure, run.c, who, new Date('2027-03-30T23:00:00Z')).includes('escalate'));
  });

  it('only the next level: the owners of a later stage and strangers are still refused', () => {
    const procedure = getProcedure('dudley');
    const run = new Run(procedure);
    run.raise('2027-03-01T10:00');
    const due = afterDeadline(run, 5, '12:00');
    for (const who of ['partnership.executive', 'raising.seniorManager', 'stranger']) {
      assert.ok(!allowedCommands(procedure, run.c, who, due).includes('escalate'), who);
      assert.ok(!escalateBy(run, who, due).ok, who);
    }
  });

  it('not when the policy says so (nextLevelMayEscalateWhenOverdue: false), or while paused', () => {
    const procedure = getProcedure('leeds');
    const run = new Run(procedure);
    run.raise('2027-03-01T10:00');
    const who = nextLevelRole(procedure, run.c);
    const due = afterDeadline(run, 3, '12:00');
    const strict = { ...procedure, reminders: { ...procedure.reminders, nextLevelMayEscalateWhenOverdue: false } };
    assert.ok(!allowedCommands(strict, run.c, who, due, run.calendar).includes('escalate'));
    assert.ok(!escalateBy(run, who, due, strict).ok);

    run.ok('raising.practitioner', { type: 'pause', reason: 'Sickness.' }, due.toISOString());
    assert.ok(!allowedCommands(procedure, run.c, who, due).includes('escalate'));
    const paused = escalateBy(run, who, due);
    assert.ok(!paused.ok && paused.refusal.code === 'paused');
  });

  it('a stage with no deadline (Darlington stage 3, "as soon as possible") never opens to the next level', () => {
    const procedure = getProcedure('darlington');
    const run = new Run(procedure);
    run.raise('2027-03-01T10:00');
    run.escalate('raising.practitioner', '2027-03-01T11:00');
    run.escalate('raising.lineManager', '2027-03-02T11:00');
    assert.equal(run.c.stageId, 'stage-3');
    const later = new Date('2027-05-03T12:00:00Z');
    assert.equal(workingDaysOverdue(run.c, later, run.calendar), -1);
    const who = nextLevelRole(procedure, run.c);
    assert.ok(!allowedCommands(procedure, run.c, who, later).includes('escalate'));
    assert.ok(!escalateBy(run, who, later).ok);
  });

  for (const id of ids) {
    const procedure = getProcedure(id);
    it(`${procedure.code}: at every stage, overdue or not, allowedCommands offers escalate to exactly those decide lets escalate`, () => {
      const run = new Run(procedure);
      run.raise('2027-03-01T10:00');
      for (let guard = 0; guard < procedure.stages.length; guard++) {
        const stage = currentStage(procedure, run.c);
        const people = [...new Set(Object.values(run.c.participants).flatMap((ps) => ps?.map((p) => p.id) ?? []))];
        const times = run.stage.deadline
          ? [afterDeadline(run, 0, '12:00'), afterDeadline(run, 1, '12:00'), afterDeadline(run, 2, '08:00')]
          : [new Date('2027-06-01T12:00:00Z')];
        for (const now of times) {
          for (const who of people) {
            const offered = allowedCommands(procedure, run.c, who, now, run.calendar).includes('escalate');
            // The card's escalate button takes the ordinary route or, where open to them, the immediate one.
            const accepted = escalateBy(run, who, now).ok || escalateBy(run, who, now, procedure, 'immediate').ok;
            assert.equal(offered, accepted, `escalate by ${who} at ${stage.id} at ${now.toISOString()}`);
          }
        }
        const next = stage.escalateTo[0];
        if (!next) break;
        const escalator = run.c.participants[escalatorsOf(stage)[0] ?? 'raising.practitioner']?.[0]?.id ?? '';
        run.escalate(escalator, (times.at(-1) ?? new Date()).toISOString());
      }
    });
  }
});
