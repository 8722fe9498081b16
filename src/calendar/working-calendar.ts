/**
 * Working days for England and Wales: Monday to Friday, not a bank holiday, not one of
 * the partnership's own closure days. Pure: a calendar is a value built from its options.
 */
import { bankHolidayEpochDays } from './bank-holidays';
import { dayOfWeekOfEpochDay, fromEpochDay, toEpochDay, type LocalDate } from './local-date';

export interface WorkingCalendarOptions {
  /** Partnership closure days on top of bank holidays (procedure `closureDays`). */
  closureDays?: readonly LocalDate[];
}

export interface WorkingCalendar {
  readonly closureDays: readonly LocalDate[];
  isWorkingDay(d: LocalDate): boolean;
  /** d itself when it is a working day, else the first working day after it. */
  nextWorkingDay(d: LocalDate): LocalDate;
  /** d itself when it is a working day, else the last working day before it. */
  previousWorkingDay(d: LocalDate): LocalDate;
  /**
   * The nth working day after d (d is day 0). n = 0 gives d rolled forward to a working
   * day; a negative n counts back: the |n|th working day before d.
   */
  addWorkingDays(d: LocalDate, n: number): LocalDate;
  /** The number of working days w with a < w <= b; negative (-(b < w <= a)) when b is before a. */
  workingDaysBetween(a: LocalDate, b: LocalDate): number;
}

const MS_PER_DAY = 86_400_000;

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const closureDays = [...(options.closureDays ?? [])];
  const closed = new Set(closureDays.map(toEpochDay)); // also rejects a malformed closure day

  function isWorking(day: number): boolean {
    const dow = dayOfWeekOfEpochDay(day);
    if (dow === 0 || dow === 6 || closed.has(day)) return false;
    const year = new Date(day * MS_PER_DAY).getUTCFullYear();
    return !bankHolidayEpochDays(year).has(day);
  }

  function step(day: number, direction: 1 | -1): number {
    let d = day;
    while (!isWorking(d)) d += direction;
    return d;
  }

  function addWorkingDays(d: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
    let day = toEpochDay(d);
    if (n === 0) return fromEpochDay(step(day, 1));
    const direction = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; left--) day = step(day + direction, direction);
    return fromEpochDay(day);
  }

  function workingDaysBetween(a: LocalDate, b: LocalDate): number {
    const from = toEpochDay(a);
    const to = toEpochDay(b);
    const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (isWorking(day)) count++;
    return sign * count;
  }

  return {
    closureDays,
    isWorkingDay: (d) => isWorking(toEpochDay(d)),
    nextWorkingDay: (d) => fromEpochDay(step(toEpochDay(d), 1)),
    previousWorkingDay: (d) => fromEpochDay(step(toEpochDay(d), -1)),
    addWorkingDays,
    workingDaysBetween,
  };
}
