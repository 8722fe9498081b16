/**
 * The reminder plan, table-driven over real dates (London winter time is UTC; summer time is
 * UTC+1). Leeds step 1 is owned by both practitioners; step 2 by both line managers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { nextWakeAt, planReminders, reminderKey } from '../../../src/scheduler';
import type { Challenge } from '../../../src/workflow';
import { leeds, leedsCalendar, leedsRun, plan, withDeadline } from './fixtures';

const owners = 'raising.practitioner+receiving.practitioner';
const lineManagers = 'raising.lineManager+receiving.lineManager';

/** The keys a plan would send at `now`, so a test can say "and these were sent". */
function keysAt(challenge: Challenge, now: string, sent: readonly string[] = []): string[] {
  return planReminders({ challenge, procedure: leeds, calendar: leedsCalendar, now: new Date(now), sent }).map(
    (r) => r.key,
  );
}
const wake = (challenge: Challenge, now: string, sent: readonly string[] = []) =>
  nextWakeAt({ challenge, procedure: leeds, calendar: leedsCalendar, now: new Date(now), sent })?.toISOString();

type Row = [when: string, expected: string[], note: string];

function table(challenge: Challenge, rows: Row[]): void {
  // Each row sees what the rows before it sent, as a real run would.
  const sent: string[] = [];
  for (const [when, expected, note] of rows) {
    assert.deepEqual(plan(challenge, when, sent), [...expected].sort(), `${when}: ${note}`);
    sent.push(...keysAt(challenge, when, sent));
  }
}

describe('scheduler: reminders', () => {
  const plain = leedsRun('2026-11-02T10:00').c; // step 1 due Monday 16 November 17:00

  it('reminds the owners one working day before, nags at the deadline and each working day, then offers escalation', () => {
    table(plain, [
      ['2026-11-13T07:59:00Z', [], 'Friday before the window opens'],
      ['2026-11-13T08:00:00Z', [`dueSoon#0→${owners}`], 'one working day before (Monday 16th)'],
      ['2026-11-13T12:00:00Z', [], 'already sent'],
      ['2026-11-14T10:00:00Z', [], 'Saturday'],
      ['2026-11-16T16:59:00Z', [], 'not yet overdue'],
      ['2026-11-16T17:00:00Z', [`overdue#0→${owners}`], 'the deadline passes inside the window'],
      ['2026-11-16T17:45:00Z', [], 'nagged once today'],
      ['2026-11-17T08:00:00Z', [`overdue#1→${owners}`], 'one working day overdue'],
      [
        '2026-11-18T08:00:00Z',
        [`overdue#2→${owners}`, `escalationOffer#0→${lineManagers}`],
        'two: the next level is copied',
      ],
      ['2026-11-19T08:00:00Z', [`overdue#3→${owners}`], 'the offer is made once'],
      ['2026-11-21T09:00:00Z', [], 'Saturday: nothing'],
      ['2026-11-20T08:00:00Z', [`overdue#4→${owners}`], 'Friday'],
      ['2026-11-23T08:15:00Z', [`overdue#5→${owners}`], 'Monday, a tick late'],
    ]);
  });

  it('sends nothing over Christmas and the substitute Boxing Day bank holiday (28 December 2026)', () => {
    const christmas = withDeadline(plain, '2026-12-24T17:00:00.000Z');
    table(christmas, [
      ['2026-12-23T08:00:00Z', [`dueSoon#0→${owners}`], 'the working day before'],
      ['2026-12-24T17:00:00Z', [`overdue#0→${owners}`], 'deadline'],
      ['2026-12-25T10:00:00Z', [], 'Christmas Day'],
      ['2026-12-28T10:00:00Z', [], 'substitute bank holiday'],
      ['2026-12-29T08:00:00Z', [`overdue#1→${owners}`], 'first working day after'],
      ['2026-12-30T08:00:00Z', [`overdue#2→${owners}`, `escalationOffer#0→${lineManagers}`], 'two working days'],
    ]);
    assert.equal(
      wake(christmas, '2026-12-24T17:30:00Z', keysAt(christmas, '2026-12-24T17:00:00Z')),
      '2026-12-29T08:00:00.000Z',
    );
  });

  it('keeps the 08:00 London window across the October clock change (BST to GMT, 25 October 2026)', () => {
    const october = withDeadline(plain, '2026-10-23T16:00:00.000Z', 1, '2026-10-01T09:00:00.000Z'); // Fri 17:00 BST
    table(october, [
      ['2026-10-22T06:59:00Z', [], '07:59 BST'],
      ['2026-10-22T07:00:00Z', [`dueSoon#0→${owners}`], '08:00 BST'],
      ['2026-10-23T16:00:00Z', [`overdue#0→${owners}`], '17:00 BST'],
      ['2026-10-26T07:30:00Z', [], '07:30 GMT on Monday'],
      ['2026-10-26T08:00:00Z', [`overdue#1→${owners}`], '08:00 GMT'],
    ]);
  });

  it('keeps the 08:00 London window across the March clock change (28 March 2027), over Easter', () => {
    // Thursday 25 March 17:00 GMT; Good Friday and Easter Monday are bank holidays; Tuesday is in BST.
    const march = withDeadline(plain, '2027-03-25T17:00:00.000Z', 1, '2027-03-01T09:00:00.000Z');
    table(march, [
      ['2027-03-24T08:00:00Z', [`dueSoon#0→${owners}`], '08:00 GMT the day before'],
      ['2027-03-25T17:00:00Z', [`overdue#0→${owners}`], '17:00 GMT'],
      ['2027-03-26T10:00:00Z', [], 'Good Friday'],
      ['2027-03-29T10:00:00Z', [], 'Easter Monday, in BST'],
      ['2027-03-30T06:59:00Z', [], '07:59 BST'],
      ['2027-03-30T07:00:00Z', [`overdue#1→${owners}`], '08:00 BST'],
      ['2027-03-30T17:00:00Z', [], '18:00 BST: the window has closed'],
      ['2027-03-31T07:00:00Z', [`overdue#2→${owners}`, `escalationOffer#0→${lineManagers}`], ''],
    ]);
    assert.equal(
      wake(march, '2027-03-25T17:05:00Z', keysAt(march, '2027-03-25T17:00:00Z')),
      '2027-03-30T07:00:00.000Z',
    );
  });

  it('holds a nag due outside the window until it next opens, and sends only the latest one after missed ticks', () => {
    assert.deepEqual(plan(plain, '2026-11-16T18:30:00Z'), [], 'after 18:00');
    assert.equal(
      wake(plain, '2026-11-16T18:30:00Z', keysAt(plain, '2026-11-13T08:00:00Z')),
      '2026-11-17T08:00:00.000Z',
    );
    // Nobody ticked from the deadline until Thursday: one nag, not four.
    assert.deepEqual(plan(plain, '2026-11-19T10:00:00Z'), [`escalationOffer#0→${lineManagers}`, `overdue#3→${owners}`]);
  });

  it('LEE-7 a paused challenge is not nagged; on resume the new deadline version starts afresh', () => {
    const run = leedsRun('2026-11-02T10:00');
    const sentBefore = keysAt(run.c, '2026-11-13T08:00:00Z');
    run.ok('raising.practitioner', { type: 'pause', reason: 'Awaiting a strategy meeting.' }, '2026-11-13T09:00');
    assert.deepEqual(plan(run.c, '2026-11-17T08:00:00Z', sentBefore), []);
    assert.equal(wake(run.c, '2026-11-17T08:00:00Z', sentBefore), undefined);
    run.ok('raising.practitioner', { type: 'resume' }, '2026-11-18T09:00');
    assert.equal(run.stage.deadlineVersion, 2);
    // Paused three working days (13th to 18th): the deadline moves from the 16th to the 19th.
    assert.equal(run.stage.deadline, '2026-11-19T17:00:00.000Z');
    const soonKey = reminderKey({
      challengeId: run.c.id,
      stageId: 'step-1',
      deadlineVersion: 2,
      level: 'dueSoon',
      occurrence: 0,
    });
    assert.deepEqual(
      keysAt(run.c, '2026-11-18T12:00:00Z', sentBefore),
      [soonKey],
      'the new deadline is tomorrow: reminded afresh',
    );
    assert.ok(!sentBefore.includes(soonKey));
  });

  it('an agreed extension gives a new deadline version: reminders about the old deadline do not silence the new one', () => {
    const run = leedsRun('2026-11-02T10:00');
    const sent = [...keysAt(run.c, '2026-11-13T08:00:00Z'), ...keysAt(run.c, '2026-11-16T17:00:00Z')];
    run.ok(
      'raising.practitioner',
      { type: 'requestExtension', until: '2026-11-20', reason: 'Waiting for a report.' },
      '2026-11-16T17:10',
    );
    run.ok('receiving.practitioner', { type: 'agreeExtension' }, '2026-11-16T17:20');
    assert.equal(run.stage.deadlineVersion, 2);
    table(run.c, [
      ['2026-11-17T08:00:00Z', [], 'no longer overdue'],
      ['2026-11-19T08:00:00Z', [`dueSoon#0→${owners}`], 'one working day before the new deadline'],
      ['2026-11-20T17:00:00Z', [`overdue#0→${owners}`], 'the new deadline passes'],
    ]);
    assert.deepEqual(plan(run.c, '2026-11-19T08:00:00Z', sent), [`dueSoon#0→${owners}`]);
  });

  it('a resolved challenge gets nothing and has nothing to wake for', () => {
    const run = leedsRun('2026-11-02T10:00');
    run.ok(
      'raising.practitioner',
      { type: 'resolve', agreedOutcome: 'Agreed a plan.', outstandingIssues: 'None.' },
      '2026-11-10T10:00',
    );
    assert.deepEqual(plan(run.c, '2026-11-17T08:00:00Z'), []);
    assert.equal(wake(run.c, '2026-11-17T08:00:00Z'), undefined);
  });

  it('tells the raiser once when a stage they do not own is overdue, and offers escalation to the next level', () => {
    const run = leedsRun('2026-11-02T10:00');
    run.escalate('raising.practitioner', '2026-11-03T10:00');
    assert.equal(run.c.stageId, 'step-2');
    const deadline = run.stage.deadline as string;
    assert.equal(deadline, '2026-11-17T17:00:00.000Z');
    table(run.c, [
      ['2026-11-17T17:00:00Z', [`overdue#0→${lineManagers}`, 'raiserOverdue#0→raising.practitioner'], 'deadline'],
      ['2026-11-18T08:00:00Z', [`overdue#1→${lineManagers}`], 'the raiser is told once'],
      [
        '2026-11-19T08:00:00Z',
        [`overdue#2→${lineManagers}`, 'escalationOffer#0→raising.headOfService+receiving.headOfService'],
        '',
      ],
    ]);
  });

  it('sends only to reachable people, and no "due soon" when the stage started on the reminder day', () => {
    const unreachable = structuredClone(plain);
    unreachable.participants['receiving.practitioner'] = [
      { id: 'ext', name: 'External', reachable: false, external: true },
    ];
    assert.deepEqual(plan(unreachable, '2026-11-13T08:00:00Z'), ['dueSoon#0→raising.practitioner']);
    const late = withDeadline(plain, '2026-11-16T17:00:00.000Z', 1, '2026-11-13T09:00:00.000Z');
    assert.deepEqual(plan(late, '2026-11-13T10:00:00Z'), []);
  });

  it('wakes at the next thing to send, and moves on once it is sent', () => {
    assert.equal(wake(plain, '2026-11-02T10:00:00Z'), '2026-11-13T08:00:00.000Z');
    const soon = keysAt(plain, '2026-11-13T08:00:00Z');
    assert.equal(wake(plain, '2026-11-13T08:00:00Z'), '2026-11-13T08:00:00.000Z', 'due and unsent: now');
    assert.equal(wake(plain, '2026-11-13T08:00:00Z', soon), '2026-11-16T17:00:00.000Z');
  });
});
