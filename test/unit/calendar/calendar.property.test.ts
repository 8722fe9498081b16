/** Properties of the calendar over 2024 to 2030 (fast-check). */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'mocha';
import type { DeadlineRule } from '../../../src/procedures/schema';
import {
  computeDeadline,
  createWorkingCalendar,
  dayOfWeek,
  endOfWorkingDay,
  londonDate,
  londonInstant,
  londonTime,
  pausedWorkingDays,
  shiftDeadline,
  type LocalDate,
} from '../../../src/calendar';
import { fromEpochDay, toEpochDay } from '../../../src/calendar/local-date';

const firstDay = toEpochDay('2024-01-01');
const lastDay = toEpochDay('2030-12-31');
const aDay = fc.integer({ min: firstDay, max: lastDay }).map(fromEpochDay);
const anInstant = fc
  .integer({ min: firstDay * 86_400_000, max: (lastDay + 1) * 86_400_000 - 1 })
  .map((ms) => new Date(ms));
const aTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const someClosureDays = fc.uniqueArray(aDay, { maxLength: 6 });
const aRule: fc.Arbitrary<DeadlineRule> = fc.oneof(
  fc.record({
    kind: fc.constant('workingDays' as const),
    days: fc.integer({ min: 1, max: 30 }),
    from: fc.constantFrom('raised' as const, 'stageStart' as const),
  }),
  fc.record({ kind: fc.constant('dayOfChallenge' as const), day: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('calendarMonths' as const),
    months: fc.integer({ min: 1, max: 3 }),
    from: fc.constantFrom('raised' as const, 'stageStart' as const),
  }),
);

/** An independent oracle for British Summer Time: from the last Sunday of March to the last Sunday of October. */
function lastSunday(year: number, month: '03' | '10'): LocalDate {
  let day = 31;
  while (dayOfWeek(`${year}-${month}-${day}`) !== 0) day--;
  return `${year}-${month}-${day}`;
}
const inSummerTimeAt1700 = (d: LocalDate): boolean => {
  const year = Number(d.slice(0, 4));
  return d >= lastSunday(year, '03') && d < lastSunday(year, '10');
};

describe('calendar: properties (2024 to 2030)', () => {
  it('a deadline never falls on a non-working day, and always at 17:00 London', () => {
    fc.assert(
      fc.property(
        aRule,
        anInstant,
        fc.integer({ min: 0, max: 20 }),
        someClosureDays,
        (rule, raisedAt, later, closureDays) => {
          const calendar = createWorkingCalendar({ closureDays });
          const stageStartedAt = new Date(raisedAt.getTime() + later * 86_400_000);
          const deadline = computeDeadline(rule, { raisedAt, stageStartedAt }, calendar);
          assert.ok(deadline);
          assert.ok(calendar.isWorkingDay(londonDate(deadline)), `${rule.kind} due on ${londonDate(deadline)}`);
          assert.equal(londonTime(deadline), '17:00');
          if (rule.kind === 'workingDays') {
            const anchor = rule.from === 'raised' ? raisedAt : stageStartedAt;
            assert.equal(calendar.workingDaysBetween(londonDate(anchor), londonDate(deadline)), rule.days);
          }
        },
      ),
    );
  });

  it('adding n working days to a working day and counting back gives n', () => {
    fc.assert(
      fc.property(aDay, fc.integer({ min: -60, max: 60 }), someClosureDays, (day, n, closureDays) => {
        const calendar = createWorkingCalendar({ closureDays });
        const d = calendar.nextWorkingDay(day);
        const moved = calendar.addWorkingDays(d, n);
        assert.ok(calendar.isWorkingDay(moved));
        assert.equal(calendar.workingDaysBetween(d, moved), n);
      }),
    );
  });

  it('a pause of k working days moves a working-day deadline by exactly k working days', () => {
    fc.assert(
      fc.property(
        anInstant,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 15 }),
        aTime,
        aTime,
        (raisedAt, days, pauseAfter, k, pausedTime, resumedTime) => {
          const calendar = createWorkingCalendar();
          const rule: DeadlineRule = { kind: 'workingDays', days, from: 'raised' };
          const deadline = computeDeadline(rule, { raisedAt, stageStartedAt: raisedAt }, calendar);
          assert.ok(deadline);
          const pauseDay = calendar.addWorkingDays(londonDate(raisedAt), Math.min(pauseAfter, days));
          const resumeDay = calendar.addWorkingDays(pauseDay, k);
          const paused = pausedWorkingDays(
            londonInstant(pauseDay, pausedTime),
            londonInstant(resumeDay, resumedTime),
            calendar,
          );
          assert.equal(paused, k);
          const shifted = shiftDeadline(deadline, { workingDays: paused }, calendar);
          assert.equal(calendar.workingDaysBetween(londonDate(deadline), londonDate(shifted)), k);
          assert.equal(londonTime(shifted), '17:00');
          const longer = { ...rule, days: days + k };
          assert.equal(
            shifted.getTime(),
            computeDeadline(longer, { raisedAt, stageStartedAt: raisedAt }, calendar)?.getTime(),
          );
        },
      ),
    );
  });

  it('a calendar-day extension lands on a working day at the same London time', () => {
    fc.assert(
      fc.property(aDay, fc.integer({ min: 0, max: 40 }), someClosureDays, (day, days, closureDays) => {
        const calendar = createWorkingCalendar({ closureDays });
        const shifted = shiftDeadline(endOfWorkingDay(calendar.nextWorkingDay(day)), { calendarDays: days }, calendar);
        assert.ok(calendar.isWorkingDay(londonDate(shifted)));
        assert.equal(londonTime(shifted), '17:00');
      }),
    );
  });

  it('londonInstant and londonDate/londonTime round-trip (the hour the clocks skip reads an hour later)', () => {
    fc.assert(
      fc.property(aDay, aTime, (day, time) => {
        const instant = londonInstant(day, time);
        assert.equal(londonDate(instant), day);
        const read = londonTime(instant);
        if (read !== time) {
          assert.equal(day, lastSunday(Number(day.slice(0, 4)), '03'));
          assert.ok(time.startsWith('01:') && read === `02:${time.slice(3)}`, `${day} ${time} read ${read}`);
        }
      }),
    );
    fc.assert(
      fc.property(anInstant, (raw) => {
        const instant = new Date(Math.floor(raw.getTime() / 60_000) * 60_000);
        const back = londonInstant(londonDate(instant), londonTime(instant));
        // In the hour October repeats, the wall clock names the first of the two instants.
        const gap = instant.getTime() - back.getTime();
        assert.ok(gap === 0 || (gap === 3_600_000 && londonTime(instant).startsWith('01:')), instant.toISOString());
      }),
    );
  });

  it('17:00 London is 17:00 UTC in winter and 16:00 UTC in summer, across the last Sundays of March and October', () => {
    fc.assert(
      fc.property(aDay, (day) => {
        const utcHour = endOfWorkingDay(day).getUTCHours();
        assert.equal(utcHour, inSummerTimeAt1700(day) ? 16 : 17, day);
      }),
    );
    for (let year = 2024; year <= 2030; year++) {
      for (const change of [lastSunday(year, '03'), lastSunday(year, '10')]) {
        for (const d of [fromEpochDay(toEpochDay(change) - 1), change, fromEpochDay(toEpochDay(change) + 1)]) {
          assert.equal(endOfWorkingDay(d).getUTCHours(), inSummerTimeAt1700(d) ? 16 : 17, d);
          assert.equal(londonTime(endOfWorkingDay(d)), '17:00');
        }
      }
    }
  });
});
