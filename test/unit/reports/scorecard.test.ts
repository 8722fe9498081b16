/**
 * The quarterly scorecard and the challenge log over the sample challenges, run through the
 * real workflow. Every expected figure is worked out by hand from the plan
 * (src/directory/sample-challenges.ts), not by the code under test.
 */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import { challengeLog, logCells } from '../../../src/reports/challenge-log';
import { quarterById, quarterOf, quartersBetween, yearOf } from '../../../src/reports/periods';
import { median, quarterlyScorecard, scorecardRows } from '../../../src/reports/scorecard';
import { calendarOf } from '../../../src/workflow';
import { byReference, sampleEntries } from './sample-entries';

const now = new Date('2026-12-01T10:00:00Z');
const darlington = getProcedure('darlington');
const calendar = calendarOf(darlington);

describe('reports: quarterly scorecard and challenge log', () => {
  const entries = sampleEntries();
  const dar = entries.filter((e) => e.procedure.id === 'darlington');

  it('DAR-6 quarters follow the financial year from 1 April, with midnight London boundaries', () => {
    const q3 = quarterOf(now);
    assert.equal(q3.id, '2026-Q3');
    assert.equal(q3.label, 'Q3 2026-27 (October to December 2026)');
    assert.equal(q3.from.toISOString(), '2026-09-30T23:00:00.000Z', 'midnight BST on 1 October');
    assert.equal(q3.to.toISOString(), '2027-01-01T00:00:00.000Z');
    assert.equal(quarterById('2026-Q4')!.label, 'Q4 2026-27 (January to March 2027)');
    assert.equal(quarterById('2026-Q5'), undefined);
    assert.equal(yearOf(now).label, '2026-27 (April 2026 to March 2027)');
    assert.deepEqual(
      quartersBetween(new Date('2026-09-07T09:00:00Z'), now).map((q) => q.id),
      ['2026-Q3', '2026-Q2'],
    );
  });

  it('DAR-6 the scorecard of Q3 2026-27 for Darlington equals the figures worked out by hand', () => {
    const card = quarterlyScorecard(darlington, entries, quarterById('2026-Q3')!, now, calendar);
    // Raised 5, 7, 12 Oct and 2 Nov; DAR-ASC-0199 (7 Sep) is the quarter before.
    assert.equal(card.raised, 4);
    // Resolved at stage 1 (6 Oct), stage 2 (13 Oct), stage 3 (29 Oct); DAR-GP-0103 is at stage 5.
    assert.equal(card.resolved, 3);
    assert.deepEqual(
      card.resolvedAtStage.map((s) => [s.label, s.count]),
      [
        ['Stage 1', 1],
        ['Stage 2', 1],
        ['Stage 3', 1],
        ['Stage 4', 0],
        ['Stage 5', 0],
      ],
    );
    // Working days to resolve: 1 (Mon 5 to Tue 6), 4 (Wed 7 to Tue 13), 13 (Mon 12 to Thu 29 Oct).
    assert.equal(card.medianWorkingDaysToResolve, 4);
    assert.deepEqual(card.resolvedAtFirstTwoStages, { count: 2, share: 2 / 3, stages: ['Stage 1', 'Stage 2'] });
    // Seven stage deadlines fell in the quarter; stage 1 of DAR-GP-0102 and stage 2 of DAR-ASC-0201 were missed.
    assert.deepEqual(card.deadlines, { due: 7, missed: 2, rate: 2 / 7 });
    assert.deepEqual(card.byArea, [
      { name: 'Response to a safeguarding concern', count: 2 },
      { name: 'Information sharing and communication', count: 1 },
      { name: 'Perceived levels of risk - threshold decisions', count: 1 },
    ]);
    assert.deepEqual(card.byAgencyRaisedBy, [
      { name: 'Bondgate GP Practice', count: 3 },
      { name: 'Darlington Adult Social Care', count: 1 },
    ]);
    assert.deepEqual(card.byAgencyRaisedWith, [
      { name: 'Darlington Adult Social Care', count: 3 },
      { name: 'Bondgate GP Practice', count: 1 },
    ]);
  });

  it('DAR-6 the quarter before holds only its own challenge, and an empty quarter says none', () => {
    const q2 = quarterlyScorecard(darlington, entries, quarterById('2026-Q2')!, now, calendar);
    assert.equal(q2.raised, 1);
    assert.equal(q2.resolved, 1);
    assert.equal(q2.medianWorkingDaysToResolve, 1);
    const q1 = quarterlyScorecard(darlington, entries, quarterById('2026-Q1')!, now, calendar);
    assert.equal(q1.raised, 0);
    assert.equal(q1.medianWorkingDaysToResolve, null);
    assert.equal(q1.resolvedAtFirstTwoStages.share, null);
    assert.equal(q1.deadlines.rate, null);
    assert.ok(scorecardRows(q1).some(([f, v]) => f === 'Median working days to resolve' && v === 'none resolved'));
  });

  it('DAR-6 the median of an even count is the mean of the middle two', () => {
    assert.equal(median([1, 9, 4, 2]), 3);
    assert.equal(median([]), null);
  });

  it('DAR-6 the log: a row per challenge with the log ID and date recorded, stage reached and resolved at, overdue days', () => {
    const log = challengeLog(dar, now, () => calendar);
    assert.deepEqual(
      log.map((r) => [r.caseReference, r.logId, r.stageReached, r.stageResolvedAt, r.status, r.overdueWorkingDays]),
      [
        ['DAR-ASC-0199', '', 'Stage 1', 'Stage 1', 'Resolved', 0],
        ['DAR-GP-0101', '', 'Stage 1', 'Stage 1', 'Resolved', 0],
        ['DAR-GP-0102', '', 'Stage 2', 'Stage 2', 'Resolved', 1],
        ['DAR-ASC-0201', 'DSP-2026-014', 'Stage 3', 'Stage 3', 'Resolved', 1],
        ['DAR-GP-0103', 'DSP-2026-015', 'Stage 5', '', 'Open', 0],
      ],
    );
    const row = log.find((r) => r.logId === 'DSP-2026-014')!;
    assert.equal(row.logRecordedAt, '2026-10-20T09:00:00.000Z');
    assert.equal(row.raisedByAgency, 'Darlington Adult Social Care');
    assert.equal(row.raisedWithAgency, 'Bondgate GP Practice');
    assert.deepEqual(row.areas, ['Information sharing and communication']);
    assert.match(row.outcome, /medication review was shared/);
    const cells = logCells(row, (iso) => iso.slice(0, 10));
    assert.equal(cells[0], 'DSP-2026-014');
    assert.equal(cells[3], '2026-10-12');
  });

  it('DAR-6 a stage running past its deadline counts its overdue days up to now; a paused one does not', () => {
    const open = byReference(entries, 'LCC-2026-0101');
    const later = new Date('2026-12-07T10:00:00Z'); // step 3a was due Wed 2 Dec (the one-month cap)
    const [row] = challengeLog([open], later, () => calendarOf(open.procedure));
    // Step 2: due Wed 25 Nov, escalated Thu 26 Nov (1); step 3a: due Wed 2 Dec, still open Mon 7 Dec (3).
    assert.equal(row!.overdueWorkingDays, 4);
    assert.equal(row!.overdueNow, true);
    const paused = { ...open, challenge: { ...open.challenge, status: 'paused' as const } };
    const [pausedRow] = challengeLog([paused], later, () => calendarOf(open.procedure));
    assert.equal(pausedRow!.overdueWorkingDays, 1);
    assert.equal(pausedRow!.overdueNow, false);
  });

  it('DAR-6 the log never holds the family name (DUR-10)', () => {
    const log = challengeLog(
      entries.filter((e) => e.procedure.id === 'durham'),
      now,
      (e) => calendarOf(e.procedure),
    );
    assert.equal(log.length, 3);
    assert.doesNotMatch(JSON.stringify(log), /Quartermaine|Ashworth|Brennan-Holt/);
  });
});
