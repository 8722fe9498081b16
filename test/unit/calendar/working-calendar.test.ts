import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  addCalendarDays,
  addCalendarMonths,
  bankHolidays,
  createWorkingCalendar,
  isBankHoliday,
  isLocalDate,
  isWeekend,
  LocalDateSchema,
} from '../../../src/calendar';

const calendar = createWorkingCalendar();

describe('calendar: bank holidays (England and Wales, from date-holidays)', () => {
  it('gives 2026 with Boxing Day substituted to Monday 28 December', () => {
    assert.deepEqual([...bankHolidays(2026)].sort(), [
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
  });

  it('gives 2027 with Christmas and Boxing Day substituted to 27 and 28 December', () => {
    assert.deepEqual([...bankHolidays(2027)].sort(), [
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ]);
  });

  it('never lists a weekend day (the replaced date of a substitute is dropped)', () => {
    for (let year = 2024; year <= 2030; year++) {
      for (const d of bankHolidays(year)) {
        assert.ok(!isWeekend(d), `${d} is a weekend day`);
        assert.ok(isBankHoliday(d) && !calendar.isWorkingDay(d), d);
      }
    }
  });
});

describe('calendar: working days', () => {
  const table: { name: string; from: string; n: number; expect: string }[] = [
    {
      name: 'Christmas 2026: Thu 24 Dec + 1 skips Christmas, the weekend and the Boxing Day substitute',
      from: '2026-12-24',
      n: 1,
      expect: '2026-12-29',
    },
    {
      name: 'New Year 2027: Thu 31 Dec + 1 skips New Year and the weekend',
      from: '2026-12-31',
      n: 1,
      expect: '2027-01-04',
    },
    { name: 'Christmas to New Year: Thu 24 Dec + 4', from: '2026-12-24', n: 4, expect: '2027-01-04' },
    {
      name: 'Easter 2027: Thu 25 Mar + 1 skips Good Friday and Easter Monday',
      from: '2027-03-25',
      n: 1,
      expect: '2027-03-30',
    },
    {
      name: 'late May 2027: Fri 28 May + 1 skips the Spring bank holiday',
      from: '2027-05-28',
      n: 1,
      expect: '2027-06-01',
    },
    {
      name: 'August 2026: Fri 28 Aug + 1 skips the Summer bank holiday',
      from: '2026-08-28',
      n: 1,
      expect: '2026-09-01',
    },
    { name: 'August 2027: Fri 27 Aug + 2', from: '2027-08-27', n: 2, expect: '2027-09-01' },
    { name: 'an ordinary week: Mon + 4 is Friday', from: '2026-11-23', n: 4, expect: '2026-11-27' },
    { name: 'Saturday + 1 is Monday', from: '2026-11-28', n: 1, expect: '2026-11-30' },
    { name: 'n = 0 on a working day is the day itself', from: '2026-11-25', n: 0, expect: '2026-11-25' },
    { name: 'n = 0 on Christmas Day rolls forward to Tue 29 Dec', from: '2026-12-25', n: 0, expect: '2026-12-29' },
    { name: 'n = -1 from Tue 29 Dec counts back to Thu 24 Dec', from: '2026-12-29', n: -1, expect: '2026-12-24' },
    {
      name: 'n = -2 from Tue 30 Mar 2027 counts back over Easter to Wed 24 Mar',
      from: '2027-03-30',
      n: -2,
      expect: '2027-03-24',
    },
  ];
  for (const row of table) {
    it(`addWorkingDays: ${row.name}`, () => {
      assert.equal(calendar.addWorkingDays(row.from, row.n), row.expect);
    });
  }

  it('workingDaysBetween counts a < d <= b, and is negative backwards', () => {
    assert.equal(calendar.workingDaysBetween('2026-12-24', '2027-01-04'), 4);
    assert.equal(calendar.workingDaysBetween('2027-01-04', '2026-12-24'), -4);
    assert.equal(calendar.workingDaysBetween('2026-12-24', '2026-12-28'), 0);
    assert.equal(calendar.workingDaysBetween('2026-11-23', '2026-11-23'), 0);
    assert.equal(calendar.workingDaysBetween('2027-03-25', '2027-04-01'), 3);
  });

  it('nextWorkingDay and previousWorkingDay roll over weekends and bank holidays', () => {
    assert.equal(calendar.nextWorkingDay('2026-12-25'), '2026-12-29');
    assert.equal(calendar.nextWorkingDay('2027-05-29'), '2027-06-01');
    assert.equal(calendar.nextWorkingDay('2026-11-25'), '2026-11-25');
    assert.equal(calendar.previousWorkingDay('2027-03-29'), '2027-03-25');
  });

  it('a partnership closure day is not a working day, for that partnership only', () => {
    const closedOnChristmasEve = createWorkingCalendar({ closureDays: ['2026-12-24'] });
    assert.equal(closedOnChristmasEve.isWorkingDay('2026-12-24'), false);
    assert.equal(calendar.isWorkingDay('2026-12-24'), true);
    assert.equal(closedOnChristmasEve.addWorkingDays('2026-12-23', 1), '2026-12-29');
    assert.equal(closedOnChristmasEve.workingDaysBetween('2026-12-23', '2027-01-04'), 4);
    assert.deepEqual(closedOnChristmasEve.closureDays, ['2026-12-24']);
  });

  it('rejects a malformed date or closure day rather than guessing', () => {
    assert.throws(() => calendar.isWorkingDay('2026-2-3'), RangeError);
    assert.throws(() => calendar.addWorkingDays('2027-02-29', 1), RangeError);
    assert.throws(() => calendar.addWorkingDays('2026-11-23', 1.5), RangeError);
    assert.throws(() => createWorkingCalendar({ closureDays: ['24/12/2026'] }), RangeError);
  });
});

describe('calendar: calendar days and months', () => {
  it('adds calendar days across month and year ends', () => {
    assert.equal(addCalendarDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addCalendarDays('2028-03-01', -1), '2028-02-29');
  });

  it('adds calendar months, clamping to the month end', () => {
    assert.equal(addCalendarMonths('2027-01-31', 1), '2027-02-28');
    assert.equal(addCalendarMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addCalendarMonths('2026-11-30', 1), '2026-12-30');
    assert.equal(addCalendarMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addCalendarMonths('2027-03-31', -1), '2027-02-28');
  });

  it('knows a real date from a malformed one', () => {
    assert.equal(isLocalDate('2028-02-29'), true);
    assert.equal(isLocalDate('2027-02-29'), false);
    assert.equal(isLocalDate('2027-1-01'), false);
    assert.equal(LocalDateSchema.safeParse('2027-13-01').success, false);
  });
});
