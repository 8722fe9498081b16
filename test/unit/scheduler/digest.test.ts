/** The daily digest plan: who gets one, and what is in each section, on real dates. */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { SCHEDULES } from '../../../src/functions/schedules';
import { digestRecipients, isDigestTime, planDigest, type DigestEntry, type DigestPlan } from '../../../src/scheduler';
import type { Challenge } from '../../../src/workflow';
import { person } from '../workflow/helpers';
import { leeds, leedsCalendar, leedsRun, withDeadline } from './fixtures';

function named(challenge: Challenge, caseReference: string): Challenge {
  return { ...challenge, id: `ch-${caseReference}`, caseReference };
}

const entry = (challenge: Challenge): DigestEntry => ({ procedure: leeds, challenge });
const cases = (plan: DigestPlan | undefined) =>
  Object.fromEntries(
    Object.entries(plan?.sections ?? {}).map(([k, v]) => [k, v.map((e) => e.challenge.caseReference)]),
  );

describe('scheduler: digest', () => {
  // Monday 16 November 2026, 07:30 GMT. "Since the last working day" is from Friday 13th 00:00.
  const monday = new Date('2026-11-16T07:30:00Z');
  const raisedFriday = named(leedsRun('2026-11-13T10:00').c, 'NEW-1');
  const overdue = named(withDeadline(leedsRun('2026-11-02T10:00').c, '2026-11-13T17:00:00.000Z'), 'LATE-1');
  const atStep2 = leedsRun('2026-11-02T10:00');
  atStep2.escalate('raising.practitioner', '2026-11-03T10:00');
  const dueToday = named(withDeadline(atStep2.c, '2026-11-16T17:00:00.000Z'), 'TODAY-1');
  const resolvedFriday = leedsRun('2026-11-02T10:00');
  resolvedFriday.ok(
    'raising.practitioner',
    { type: 'resolve', agreedOutcome: 'Agreed.', outstandingIssues: 'None.' },
    '2026-11-13T15:00',
  );
  const resolvedThursday = leedsRun('2026-11-02T10:00');
  resolvedThursday.ok(
    'raising.practitioner',
    { type: 'resolve', agreedOutcome: 'Agreed.', outstandingIssues: 'None.' },
    '2026-11-12T15:00',
  );
  const paused = leedsRun('2026-11-02T10:00');
  paused.ok('raising.practitioner', { type: 'pause', reason: 'Waiting.' }, '2026-11-10T10:00');
  const entries = [
    raisedFriday,
    overdue,
    dueToday,
    named(resolvedFriday.c, 'DONE-FRI'),
    named(resolvedThursday.c, 'DONE-THU'),
    named(withDeadline(paused.c, '2026-11-13T17:00:00.000Z'), 'PAUSED-1'),
  ].map(entry);

  it('gives a line manager on every challenge each section, named by case reference, each case once under its most urgent heading', () => {
    const plan = planDigest(person('raising.lineManager'), entries, monday, leedsCalendar);
    assert.equal(plan?.day, '2026-11-16');
    assert.deepEqual(cases(plan), {
      overdue: ['LATE-1'],
      dueToday: ['TODAY-1'],
      new: ['NEW-1'],
      resolvedYesterday: ['DONE-FRI'],
    });
    assert.equal(plan?.sections.dueToday?.[0]?.awaitingYou, true, 'due today and waiting for them: said on its line');
  });

  it('a practitioner sees only the challenges whose stage they own; someone with nothing to see gets none', () => {
    const plan = planDigest(person('receiving.practitioner'), entries, monday, leedsCalendar);
    assert.deepEqual(cases(plan), { overdue: ['LATE-1'], awaitingYou: ['NEW-1'] });
    assert.equal(planDigest(person('nobody'), entries, monday, leedsCalendar), undefined);
  });

  it('recipients are the people on the challenges with a non-practitioner role or the current stage, reachable', () => {
    const ids = digestRecipients(entries).map((p) => p.id);
    assert.ok(ids.includes('raising.lineManager') && ids.includes('partnership.businessUnit'));
    assert.ok(ids.includes('receiving.practitioner'), 'owns step 1 of open challenges');
    const offline = structuredClone(raisedFriday);
    offline.participants['raising.safeguardingLead'] = [{ id: 'offline', name: 'Offline', reachable: false }];
    assert.ok(!digestRecipients([entry(offline)]).some((p) => p.id === 'offline'));
  });

  const times: [string, boolean, string][] = [
    ['2026-11-16T06:30:00Z', false, 'winter: the 06:30 UTC run is 06:30 London'],
    ['2026-11-16T07:30:00Z', true, 'winter: 07:30 UTC is 07:30 London'],
    ['2026-06-15T06:30:00Z', true, 'summer: 06:30 UTC is 07:30 BST'],
    ['2026-06-15T06:29:00Z', false, 'summer: 07:29 BST'],
    ['2026-11-16T10:00:00Z', false, 'too late for the morning digest'],
    ['2026-11-14T07:30:00Z', false, 'Saturday'],
    ['2026-12-28T07:30:00Z', false, 'substitute Boxing Day bank holiday'],
  ];
  for (const [when, expected, why] of times) {
    it(`digest time at ${when}: ${expected} (${why})`, () => {
      assert.equal(isDigestTime(new Date(when), leedsCalendar), expected);
    });
  }

  it('the digest timer (06:30 and 07:30 UTC on weekdays) reaches 07:30 London on every working day of 2026 and 2027', () => {
    assert.equal(SCHEDULES.digest, '0 30 6,7 * * 1-5');
    const missed: string[] = [];
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2028-01-01T00:00:00Z'); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (!leedsCalendar.isWorkingDay(day)) continue;
      const runs = ['06:30', '07:30'].map((hhmm) => new Date(`${day}T${hhmm}:00Z`));
      if (!runs.some((run) => isDigestTime(run, leedsCalendar))) missed.push(day);
    }
    assert.deepEqual(missed, []);
  });
});
