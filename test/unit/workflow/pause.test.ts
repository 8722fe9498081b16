/** LEE-7: a halted challenge records why, the clock stops, and on resume the deadline moves by the working days paused. */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import type { Procedure } from '../../../src/procedures/schema';
import { allowedCommands } from '../../../src/workflow';
import { london, Run } from './helpers';

const raised = '2026-12-23T10:00';

describe('workflow: pause and resume', () => {
  it('LEE-7 a pause records the reason; resumed after 5 working days over Christmas, step 1 is due 5 working days later', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    assert.equal(london(run.stage.deadline), '2027-01-11 17:00');
    run.ok('receiving.practitioner', { type: 'pause', reason: 'Practitioner off sick.' }, '2026-12-24T09:00');
    assert.equal(run.c.status, 'paused');
    assert.equal(run.c.pauseReason, 'Practitioner off sick.');
    const decision = run.ok('receiving.practitioner', { type: 'resume' }, '2027-01-05T09:00');
    const resumed = decision.events[0];
    assert.equal(resumed?.type, 'Resumed');
    assert.deepEqual(resumed?.type === 'Resumed' && resumed.data.pausedFor, { workingDays: 5, calendarDays: 12 });
    assert.equal(run.c.status, 'open');
    assert.equal(run.c.pausedAt, undefined);
    assert.equal(london(run.stage.deadline), '2027-01-18 17:00');
    assert.equal(run.stage.deadlineVersion, 2);
    assert.equal(run.c.pausedWorkingDays, 5);
  });

  it('LEE-7 the one-month limit also moves by the working days paused, for every later step', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    run.ok('raising.practitioner', { type: 'pause', reason: 'Meeting cancelled.' }, '2026-12-24T09:00');
    run.ok('raising.practitioner', { type: 'resume' }, '2027-01-05T09:00');
    run.escalate('raising.practitioner', '2027-01-20T10:00');
    // Own rule: 3 Feb; the month cap (Mon 25 Jan) moved by 5 working days: Mon 1 Feb.
    assert.equal(london(run.stage.deadline), '2027-02-01 17:00');
  });

  it('LEE-7 paused and resumed the same day: nothing moves and the deadline version stays', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    run.ok('raising.practitioner', { type: 'pause', reason: 'Fire alarm.' }, '2026-12-23T11:00');
    run.ok('raising.practitioner', { type: 'resume' }, '2026-12-23T15:00');
    assert.equal(london(run.stage.deadline), '2027-01-11 17:00');
    assert.equal(run.stage.deadlineVersion, 1);
  });

  it('LEE-7 while paused only resume, hand over and record a meeting are taken', () => {
    const procedure = getProcedure('leeds');
    const run = new Run(procedure);
    run.raise(raised);
    run.ok('raising.practitioner', { type: 'pause', reason: 'Sickness.' }, '2026-12-24T09:00');
    const refusals = [
      { type: 'recordOutcome', values: {} },
      { type: 'escalate', reason: 'x' },
      { type: 'resolve', agreedOutcome: 'a', outstandingIssues: 'b' },
      { type: 'pause', reason: 'again' },
      { type: 'requestExtension', until: '2027-01-20', reason: 'r' },
    ] as const;
    for (const command of refusals)
      assert.equal(run.refused('raising.practitioner', command, '2026-12-29T09:00').code, 'paused');
    assert.deepEqual(allowedCommands(procedure, run.c, 'raising.practitioner', new Date('2026-12-29T09:00:00Z')), [
      'resume',
      'handOver',
      'recordMeeting',
    ]);
    assert.deepEqual(allowedCommands(procedure, run.c, 'raising.lineManager', new Date('2026-12-29T09:00:00Z')), [
      'handOver',
      'recordMeeting',
    ]);
    run.ok(
      'raising.practitioner',
      {
        type: 'recordMeeting',
        date: '2026-12-29',
        attendees: ['Both'],
        familyAttended: false,
        outcome: 'Rearranged.',
        actions: '',
      },
      '2026-12-29T09:00',
    );
  });

  it('LEE-7 only the owners of the stage pause and resume it; resuming an open challenge is refused', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    assert.equal(
      run.refused('raising.lineManager', { type: 'pause', reason: 'x' }, '2026-12-24T09:00').code,
      'notOwner',
    );
    assert.equal(run.refused('raising.practitioner', { type: 'resume' }, '2026-12-24T09:00').code, 'notAllowed');
    assert.equal(
      run.refused('raising.practitioner', { type: 'pause', reason: '' }, '2026-12-24T09:00').code,
      'invalid',
    );
  });

  it('LEE-7 a procedure whose pause does not stop the clock keeps its deadline', () => {
    const base = getProcedure('leeds');
    const procedure: Procedure = { ...base, pauseStopsClock: false };
    const run = new Run(procedure);
    run.raise(raised);
    run.ok('raising.practitioner', { type: 'pause', reason: 'Sickness.' }, '2026-12-24T09:00');
    run.ok('raising.practitioner', { type: 'resume' }, '2027-01-05T09:00');
    assert.equal(london(run.stage.deadline), '2027-01-11 17:00');
    assert.equal(run.stage.deadlineVersion, 1);
    assert.equal(run.c.pausedWorkingDays, 0);
  });
});
