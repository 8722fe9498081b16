/** Same key, same answer; a stale card is told the challenge moved on; the scheduler's reminders are sent once. */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import { APPLIED_KEYS_KEPT, type Command } from '../../../src/workflow';
import { Run, system } from './helpers';

const raised = '2026-12-23T10:00';

describe('workflow: idempotency and stale cards', () => {
  it('a command repeated with the same idempotency key gives ok with no new events', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    const version = run.c.version;
    const again = run.try(
      'raising.practitioner',
      { type: 'escalate', reason: 'Not resolved at this stage.' },
      '2026-12-24T10:01',
      { key: 'k2' },
    );
    assert.deepEqual(again, { ok: true, events: [], effects: [] });
    assert.equal(run.c.version, version);
    assert.equal(run.c.stageId, 'step-2');
  });

  it('a raise repeated with its key is the same answer; a different key on an existing challenge is refused', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    const command = run.events[0]?.type === 'ChallengeRaised' ? run.events[0].data : undefined;
    assert.ok(command);
    assert.deepEqual(run.try(command.raisedBy.id, { ...command, type: 'raise' }, raised, { key: 'k1' }), {
      ok: true,
      events: [],
      effects: [],
    });
    assert.equal(
      run.refused(command.raisedBy.id, { ...command, type: 'raise' }, raised, { key: 'other' }).code,
      'invalid',
    );
  });

  it('a card rendered at an older version is refused as stale, with words a practitioner understands', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    run.ok(
      'raising.practitioner',
      { type: 'recordOutcome', values: { evidenceBasedReason: 'e', sharedWith: ['x'] } },
      '2026-12-23T11:00',
      { expectedVersion: 2 },
    );
    const refusal = run.refused('receiving.practitioner', { type: 'pause', reason: 'Sick.' }, '2026-12-23T12:00', {
      expectedVersion: 2,
    });
    assert.equal(refusal.code, 'stale');
    assert.match(refusal.reason, /^This challenge has moved on since this card was sent/);
    run.ok('receiving.practitioner', { type: 'pause', reason: 'Sick.' }, '2026-12-23T12:00', { expectedVersion: 3 });
  });

  it('appliedKeys stays bounded to the most recent keys', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    for (let i = 0; i < APPLIED_KEYS_KEPT + 10; i++) {
      run.ok(
        'raising.practitioner',
        {
          type: 'recordMeeting',
          date: '2026-12-23',
          attendees: ['a'],
          familyAttended: false,
          outcome: `o${i}`,
          actions: '',
        },
        '2026-12-23T11:00',
      );
    }
    assert.equal(run.c.appliedKeys.length, APPLIED_KEYS_KEPT);
    assert.equal(run.c.appliedKeys.at(-1), `k${APPLIED_KEYS_KEPT + 11}`);
  });

  it('a reminder is recorded once per reminder key, only by the scheduler, and not on a paused or resolved challenge', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    const reminder: Extract<Command, { type: 'recordReminder' }> = {
      type: 'recordReminder',
      reminderKey: 'step-1:1:dueSoon',
      level: 'dueSoon',
      to: ['raising.practitioner'],
    };
    assert.equal(run.refused('raising.practitioner', reminder, '2027-01-08T09:00').code, 'notAllowed');
    const first = run.ok(system, reminder, '2027-01-08T09:00');
    assert.equal(first.ok && first.events.length, 1);
    const second = run.ok(system, reminder, '2027-01-08T09:05');
    assert.deepEqual(second, { ok: true, events: [], effects: [] });
    assert.deepEqual(run.c.reminderKeys, ['step-1:1:dueSoon']);
    run.ok('raising.practitioner', { type: 'pause', reason: 'Sick.' }, '2027-01-08T10:00');
    assert.equal(
      run.refused(system, { ...reminder, reminderKey: 'step-1:1:overdue' }, '2027-01-12T09:00').code,
      'paused',
    );
    run.ok('raising.practitioner', { type: 'resume' }, '2027-01-12T10:00');
    run.ok('raising.practitioner', { type: 'resolve', agreedOutcome: 'a', outstandingIssues: 'b' }, '2027-01-12T11:00');
    assert.equal(
      run.refused(system, { ...reminder, reminderKey: 'step-1:2:overdue' }, '2027-01-20T09:00').code,
      'closed',
    );
  });

  it('a reminder sent after the card was rendered does not make the card stale', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    run.ok(
      system,
      { type: 'recordReminder', reminderKey: 'step-1:1:dueSoon', level: 'dueSoon', to: [] },
      '2027-01-08T09:00',
    );
    assert.equal(run.c.version, 3);
    assert.equal(run.c.movedAtVersion, 2);
    run.ok('raising.practitioner', { type: 'pause', reason: 'Sick.' }, '2027-01-08T10:00', { expectedVersion: 2 });
    assert.equal(
      run.refused('raising.practitioner', { type: 'resume' }, '2027-01-08T11:00', { expectedVersion: 3 }).code,
      'stale',
    );
  });
});
