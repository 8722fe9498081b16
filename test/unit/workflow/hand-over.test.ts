/** LEE-7: another person may take the challenge over; the role stays the same and the hand-over is recorded. */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import { rolesOf } from '../../../src/workflow';
import { person, Run } from './helpers';

const raised = '2026-12-23T10:00';
const cover = person('cover-manager', { name: 'Cover Manager', role: 'Team manager' });

function leedsAtStep2(): Run {
  const run = new Run(getProcedure('leeds'));
  run.raise(raised);
  run.escalate('raising.practitioner', '2026-12-24T10:00');
  return run;
}

describe('workflow: hand over', () => {
  it("LEE-7 a colleague takes over the receiving line manager's role while the challenge is paused, then acts on it", () => {
    const run = leedsAtStep2();
    run.ok('receiving.lineManager', { type: 'pause', reason: 'Line manager off sick.' }, '2026-12-29T09:00');
    const decision = run.ok(
      'receiving.practitioner',
      { type: 'handOver', role: 'receiving.lineManager', from: 'receiving.lineManager', to: cover },
      '2026-12-29T10:00',
    );
    assert.deepEqual(decision.events[0]?.data, {
      role: 'receiving.lineManager',
      from: 'receiving.lineManager',
      to: cover,
    });
    assert.deepEqual(run.c.participants['receiving.lineManager'], [cover]);
    assert.deepEqual(rolesOf(run.c, 'receiving.lineManager'), []);
    assert.equal(run.refused('receiving.lineManager', { type: 'resume' }, '2026-12-30T09:00').code, 'notOwner');
    run.ok('cover-manager', { type: 'resume' }, '2026-12-30T09:00');
    run.ok(
      'cover-manager',
      { type: 'recordOutcome', values: { timescaleAgreedWithRaiser: '2027-01-08', responseTimescale: '2027-01-07' } },
      '2026-12-30T10:00',
    );
  });

  it("LEE-7 the raiser's role can be handed over, and feedback then goes to whoever holds it", () => {
    const run = leedsAtStep2();
    run.ok(
      'raising.lineManager',
      { type: 'handOver', role: 'raising.practitioner', from: 'raising.practitioner', to: cover },
      '2026-12-29T10:00',
    );
    const decision = run.escalate('raising.lineManager', '2026-12-30T10:00');
    assert.ok(decision.ok);
    const feedback = decision.effects.filter((e) => e.type === 'feedbackToRaiser');
    assert.deepEqual(
      feedback.map((e) => e.type === 'feedbackToRaiser' && e.to.id),
      ['cover-manager'],
    );
  });

  it('LEE-7 a role is handed over by someone on its own side, from someone who holds it, to someone else', () => {
    const run = leedsAtStep2();
    const refusal = run.refused(
      'raising.lineManager',
      { type: 'handOver', role: 'receiving.lineManager', from: 'receiving.lineManager', to: cover },
      '2026-12-29T10:00',
    );
    assert.equal(refusal.code, 'notOwner');
    assert.match(refusal.reason, /handed over by someone on the receiving side/);
    assert.equal(
      run.refused(
        'receiving.practitioner',
        { type: 'handOver', role: 'receiving.lineManager', from: 'nobody', to: cover },
        '2026-12-29T10:00',
      ).code,
      'invalid',
    );
    assert.equal(
      run.refused(
        'receiving.lineManager',
        {
          type: 'handOver',
          role: 'receiving.lineManager',
          from: 'receiving.lineManager',
          to: person('receiving.lineManager'),
        },
        '2026-12-29T10:00',
      ).code,
      'invalid',
    );
    assert.equal(
      run.refused(
        'stranger',
        { type: 'handOver', role: 'receiving.lineManager', from: 'receiving.lineManager', to: cover },
        '2026-12-29T10:00',
      ).code,
      'notOwner',
    );
  });
});
