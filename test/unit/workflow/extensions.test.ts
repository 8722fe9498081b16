/** LEE-8: a change of timescale is asked for, agreed by another owner (ideally the other side), and recorded with who agreed. */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import { extensionDeciders } from '../../../src/workflow';
import { castFor, london, Run } from './helpers';

const raised = '2026-12-23T10:00';

function leedsAtStep2(): Run {
  const run = new Run(getProcedure('leeds'));
  run.raise(raised);
  run.escalate('raising.practitioner', '2026-12-24T10:00');
  return run;
}

describe('workflow: extensions', () => {
  it('LEE-8 the other line manager agrees a new date; it lands on a working day and records who asked and who agreed', () => {
    const run = leedsAtStep2();
    assert.equal(london(run.stage.deadline), '2027-01-12 17:00');
    run.ok(
      'raising.lineManager',
      { type: 'requestExtension', until: '2027-01-23', reason: 'Awaiting the health visitor.' },
      '2027-01-05T10:00',
    );
    assert.ok(run.c.pendingExtension);
    assert.equal(london(run.c.pendingExtension.until), '2027-01-25 17:00');
    assert.equal(run.refused('raising.lineManager', { type: 'agreeExtension' }, '2027-01-05T11:00').code, 'notAllowed');
    assert.equal(run.refused('raising.practitioner', { type: 'agreeExtension' }, '2027-01-05T11:00').code, 'notOwner');
    run.ok('receiving.lineManager', { type: 'agreeExtension' }, '2027-01-05T12:00');
    assert.equal(london(run.stage.deadline), '2027-01-25 17:00');
    assert.equal(run.stage.deadlineVersion, 2);
    assert.equal(run.c.pendingExtension, undefined);
    assert.deepEqual(run.stage.extensions, [
      {
        from: '2027-01-12T17:00:00.000Z',
        until: '2027-01-25T17:00:00.000Z',
        reason: 'Awaiting the health visitor.',
        requestedBy: 'raising.lineManager',
        agreedBy: 'receiving.lineManager',
        agreedAt: '2027-01-05T12:00:00.000Z',
      },
    ]);
  });

  it('LEE-8 a declined request leaves the deadline as it was', () => {
    const run = leedsAtStep2();
    run.ok(
      'receiving.lineManager',
      { type: 'requestExtension', until: '2027-01-20', reason: 'Leave.' },
      '2027-01-05T10:00',
    );
    assert.equal(
      run.refused('raising.lineManager', { type: 'declineExtension', reason: '' }, '2027-01-05T11:00').code,
      'invalid',
    );
    run.ok('raising.lineManager', { type: 'declineExtension', reason: 'The child cannot wait.' }, '2027-01-05T11:00');
    assert.equal(run.c.pendingExtension, undefined);
    assert.equal(london(run.stage.deadline), '2027-01-12 17:00');
    assert.equal(run.stage.deadlineVersion, 1);
  });

  it('LEE-8 with owners on both sides, the agreement comes from the other side, not a colleague of the requester', () => {
    const run = new Run(getProcedure('dudley'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    run.ok(
      'raising.lineManager',
      { type: 'requestExtension', until: '2027-01-08', reason: 'Strategy meeting on 7 January.' },
      '2026-12-29T10:00',
    );
    assert.deepEqual(extensionDeciders(run.procedure, run.c).sort(), [
      'receiving.lineManager',
      'receiving.safeguardingLead',
    ]);
    const refusal = run.refused('raising.safeguardingLead', { type: 'agreeExtension' }, '2026-12-29T11:00');
    assert.equal(refusal.code, 'notOwner');
    assert.match(refusal.reason, /receiving agency's line manager/);
    run.ok('receiving.safeguardingLead', { type: 'agreeExtension' }, '2026-12-29T11:00');
    assert.equal(london(run.stage.deadline), '2027-01-08 17:00');
  });

  it('LEE-8 only one request waits at a time, a past date is refused, and a stage with no deadline has nothing to extend', () => {
    const run = leedsAtStep2();
    assert.equal(
      run.refused(
        'raising.lineManager',
        { type: 'requestExtension', until: '2027-01-04', reason: 'r' },
        '2027-01-05T10:00',
      ).code,
      'invalid',
    );
    assert.equal(
      run.refused(
        'raising.lineManager',
        { type: 'requestExtension', until: 'next week', reason: 'r' },
        '2027-01-05T10:00',
      ).code,
      'invalid',
    );
    assert.equal(run.refused('raising.lineManager', { type: 'agreeExtension' }, '2027-01-05T10:00').code, 'notAllowed');
    run.ok('raising.lineManager', { type: 'requestExtension', until: '2027-01-20', reason: 'r' }, '2027-01-05T10:00');
    assert.equal(
      run.refused(
        'receiving.lineManager',
        { type: 'requestExtension', until: '2027-01-21', reason: 'r' },
        '2027-01-05T10:00',
      ).code,
      'notAllowed',
    );

    const darlington = new Run(getProcedure('darlington'));
    darlington.raise(raised);
    darlington.escalate('raising.practitioner', '2026-12-24T10:00');
    darlington.escalate('raising.lineManager', '2026-12-29T10:00');
    const refusal = darlington.refused(
      'raising.lineManager',
      { type: 'requestExtension', until: '2027-01-20', reason: 'r' },
      '2026-12-29T11:00',
    );
    assert.equal(refusal.reason, 'Stage 3 has no deadline to extend.');
  });

  it('LEE-8 an escalation drops a request still waiting at the old stage', () => {
    const run = leedsAtStep2();
    run.ok('raising.lineManager', { type: 'requestExtension', until: '2027-01-20', reason: 'r' }, '2027-01-05T10:00');
    run.escalate('raising.lineManager', '2027-01-06T10:00');
    assert.equal(run.c.pendingExtension, undefined);
  });

  it('DUD-4 when the raiser is also the safeguarding lead, they hold both roles and act at stage 2', () => {
    const procedure = getProcedure('dudley');
    const participants = castFor(procedure);
    const raiser = participants['raising.practitioner']?.[0];
    assert.ok(raiser);
    participants['raising.safeguardingLead'] = [raiser];
    const run = new Run(procedure);
    run.raise(raised, { participants });
    run.escalate(raiser.id, '2026-12-24T10:00');
    run.ok(raiser.id, { type: 'recordOutcome', values: { problem: 'p', aim: 'a', outcome: 'o' } }, '2026-12-29T10:00');
    run.ok(raiser.id, { type: 'requestExtension', until: '2027-01-08', reason: 'r' }, '2026-12-29T11:00');
    assert.deepEqual(extensionDeciders(procedure, run.c).sort(), [
      'receiving.lineManager',
      'receiving.safeguardingLead',
    ]);
  });
});
