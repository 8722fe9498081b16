/** Deadline rules of /work/shared/procedures.md, proven on real England and Wales dates. */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { DeadlineRule } from '../../../src/procedures/schema';
import {
  computeDeadline,
  createWorkingCalendar,
  earliest,
  endOfWorkingDay,
  londonDate,
  londonInstant,
  pausedWorkingDays,
  shiftDeadline,
} from '../../../src/calendar';

const calendar = createWorkingCalendar();
const raisedOn = (day: string, hhmm = '10:00') => {
  const at = londonInstant(day, hhmm);
  return { raisedAt: at, stageStartedAt: at };
};
const due = (rule: DeadlineRule, anchors: { raisedAt: Date; stageStartedAt: Date }) =>
  computeDeadline(rule, anchors, calendar)?.toISOString();
const oneWorkingDay: DeadlineRule = { kind: 'workingDays', days: 1, from: 'raised' };
const dayOf = (day: number): DeadlineRule => ({ kind: 'dayOfChallenge', day });

describe('calendar: deadline rules', () => {
  it('DUD-1 one working day: raised Monday is due Tuesday 17:00, raised Friday or Saturday is due Monday', () => {
    assert.equal(due(oneWorkingDay, raisedOn('2026-11-23')), '2026-11-24T17:00:00.000Z');
    assert.equal(due(oneWorkingDay, raisedOn('2026-11-27')), '2026-11-30T17:00:00.000Z');
    assert.equal(due(oneWorkingDay, raisedOn('2026-11-28')), '2026-11-30T17:00:00.000Z');
    assert.equal(due(oneWorkingDay, raisedOn('2026-12-24')), '2026-12-29T17:00:00.000Z');
  });

  it('DUD-3 "no later than day 9" counts the day raised as day 1 and rolls a weekend to Monday', () => {
    assert.equal(due(dayOf(9), raisedOn('2026-11-23')), '2026-12-01T17:00:00.000Z'); // Mon + 8 = Tue
    assert.equal(due(dayOf(9), raisedOn('2026-11-20')), '2026-11-30T17:00:00.000Z'); // day 9 is Sat 28
    assert.equal(due(dayOf(9), raisedOn('2026-12-17')), '2026-12-29T17:00:00.000Z'); // day 9 is Christmas Day
  });

  it('DUD-3 day 1 is the London day raised: 00:30 BST on 1 July is day 1 although UTC still says 30 June', () => {
    const anchors = { raisedAt: new Date('2026-06-30T23:30:00Z'), stageStartedAt: new Date('2026-06-30T23:30:00Z') };
    assert.equal(due(dayOf(9), anchors), '2026-07-09T16:00:00.000Z');
  });

  it('DUD-2 DUD-5 DUD-6 days 3, 14, 16 and 21 are calendar days from the day raised, rolled to a working day', () => {
    const raised = raisedOn('2027-03-18'); // Thursday; Easter is 26-29 March 2027
    assert.equal(due(dayOf(3), raised), '2027-03-22T17:00:00.000Z'); // Sat 20 -> Mon 22
    assert.equal(due(dayOf(14), raised), '2027-03-31T16:00:00.000Z'); // Wed 31, BST
    assert.equal(due(dayOf(16), raised), '2027-04-02T16:00:00.000Z');
    assert.equal(due(dayOf(9), raised), '2027-03-30T16:00:00.000Z'); // Fri 26 Good Friday -> Tue 30
  });

  it('DUR-2 working days per stage 1, 3, 5 and 7 sum to 16 working days from the raise', () => {
    const perStage = [1, 3, 5, 7];
    assert.equal(
      perStage.reduce((a, b) => a + b, 0),
      16,
    );
    const raisedAt = londonInstant('2026-12-14', '10:00'); // runs over Christmas and New Year
    let stageStartedAt = raisedAt;
    for (const days of perStage) {
      const deadline = computeDeadline(
        { kind: 'workingDays', days, from: 'stageStart' },
        { raisedAt, stageStartedAt },
        calendar,
      );
      assert.ok(deadline);
      stageStartedAt = deadline; // each stage takes its full time
    }
    assert.equal(stageStartedAt.toISOString(), '2027-01-08T17:00:00.000Z');
    assert.equal(calendar.workingDaysBetween('2026-12-14', londonDate(stageStartedAt)), 16);
  });

  it('NEW-1 steps 1 to 5 within 5 working days, then step 6 within 14, over Easter 2027', () => {
    const raised = raisedOn('2027-03-24');
    const step5 = computeDeadline({ kind: 'workingDays', days: 5, from: 'raised' }, raised, calendar);
    assert.equal(step5?.toISOString(), '2027-04-02T16:00:00.000Z');
    assert.ok(step5);
    const step6 = computeDeadline(
      { kind: 'workingDays', days: 14, from: 'stageStart' },
      { raisedAt: raised.raisedAt, stageStartedAt: step5 },
      calendar,
    );
    assert.equal(step6?.toISOString(), '2027-04-22T16:00:00.000Z');
  });

  it('LEE-2 no more than 10 working days between stages, over the late-May bank holiday', () => {
    const stage = {
      raisedAt: londonInstant('2027-05-10', '09:00'),
      stageStartedAt: londonInstant('2027-05-24', '15:00'),
    };
    assert.equal(due({ kind: 'workingDays', days: 10, from: 'stageStart' }, stage), '2027-06-08T16:00:00.000Z');
  });

  it('LEE-6 the whole process within one calendar month, rolled to a working day, caps a later stage deadline', () => {
    const month: DeadlineRule = { kind: 'calendarMonths', months: 1, from: 'raised' };
    assert.equal(due(month, raisedOn('2027-01-31')), '2027-03-01T17:00:00.000Z'); // 28 Feb 2027 is a Sunday
    const raised = {
      raisedAt: londonInstant('2026-11-30', '10:00'),
      stageStartedAt: londonInstant('2026-12-17', '10:00'),
    };
    const cap = computeDeadline(month, raised, calendar);
    const stage3a = computeDeadline({ kind: 'workingDays', days: 10, from: 'stageStart' }, raised, calendar);
    assert.equal(cap?.toISOString(), '2026-12-30T17:00:00.000Z');
    assert.equal(stage3a?.toISOString(), '2027-01-05T17:00:00.000Z');
    assert.equal(earliest(stage3a, cap, undefined), cap);
  });

  it('LEE-7 a pause stops the clock: the deadline moves by the working days paused', () => {
    const deadline = endOfWorkingDay('2026-11-16'); // stage started Mon 2 Nov, 10 wd
    const paused = pausedWorkingDays(
      londonInstant('2026-11-04', '10:00'),
      londonInstant('2026-11-09', '09:00'),
      calendar,
    );
    assert.equal(paused, 3); // Thu 5, Fri 6, Mon 9
    assert.equal(shiftDeadline(deadline, { workingDays: paused }, calendar).toISOString(), '2026-11-19T17:00:00.000Z');
  });

  it('LEE-7 a pause over Christmas counts only the working days stopped', () => {
    const paused = pausedWorkingDays(
      londonInstant('2026-12-23', '16:00'),
      londonInstant('2027-01-04', '09:00'),
      calendar,
    );
    assert.equal(paused, 5); // 24, 29, 30, 31 December and 4 January
    assert.equal(
      pausedWorkingDays(londonInstant('2026-12-23', '09:00'), londonInstant('2026-12-23', '16:00'), calendar),
      0,
    );
    const shifted = shiftDeadline(endOfWorkingDay('2026-12-23'), { workingDays: paused }, calendar);
    assert.equal(shifted.toISOString(), '2027-01-04T17:00:00.000Z');
  });

  it('LEE-8 an agreed extension in calendar days rolls forward to a working day', () => {
    const shifted = shiftDeadline(endOfWorkingDay('2026-12-18'), { calendarDays: 7 }, calendar);
    assert.equal(shifted.toISOString(), '2026-12-29T17:00:00.000Z'); // Fri 25 Dec -> Tue 29 Dec
    const longer = shiftDeadline(endOfWorkingDay('2027-03-24'), { workingDays: 2 }, calendar);
    assert.equal(longer.toISOString(), '2027-03-30T16:00:00.000Z'); // over Easter, into BST
  });

  it('a partnership closure day moves a deadline like a bank holiday', () => {
    const closed = createWorkingCalendar({ closureDays: ['2026-11-24'] });
    assert.equal(
      computeDeadline(oneWorkingDay, raisedOn('2026-11-23'), closed)?.toISOString(),
      '2026-11-25T17:00:00.000Z',
    );
  });

  it('a stage with no fixed timescale has no deadline; earliest of nothing is nothing', () => {
    assert.equal(due({ kind: 'none', guidance: 'as soon as possible' }, raisedOn('2026-11-23')), undefined);
    assert.equal(earliest(undefined, undefined), undefined);
    assert.equal(earliest(), undefined);
  });
});
