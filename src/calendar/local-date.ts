/**
 * A day in Europe/London written 'YYYY-MM-DD', and pure calendar arithmetic on it.
 * No time zone is involved here: a LocalDate is a date on the wall calendar.
 */
import { z } from 'zod';

/** A day in Europe/London, 'YYYY-MM-DD'. */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a well-formed, real date ('2027-02-29' is not). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = pattern.exec(value);
  if (!m) return false;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
  return fromEpochDay(day) === value;
}

/** For edges that receive a date from outside (cards, procedure data). */
export const LocalDateSchema = z.string().refine(isLocalDate, 'must be a real date, YYYY-MM-DD');

/** Days since 1970-01-01; throws on a malformed date so that a bad input never becomes a wrong deadline. */
export function toEpochDay(d: LocalDate): number {
  if (!isLocalDate(d)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(d)}`);
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS_PER_DAY;
}

export function fromEpochDay(day: number): LocalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeekOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function dayOfWeek(d: LocalDate): number {
  return dayOfWeekOfEpochDay(toEpochDay(d));
}

export function isWeekend(d: LocalDate): boolean {
  const dow = dayOfWeek(d);
  return dow === 0 || dow === 6;
}

/** d plus n calendar days (n may be negative). */
export function addCalendarDays(d: LocalDate, n: number): LocalDate {
  return fromEpochDay(toEpochDay(d) + n);
}

/** The same day n months later (n may be negative), clamped to the month's last day: 31 Jan + 1 = 28/29 Feb. */
export function addCalendarMonths(d: LocalDate, n: number): LocalDate {
  const day0 = toEpochDay(d);
  const date = new Date(day0 * MS_PER_DAY);
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return fromEpochDay(Date.UTC(year, month, day) / MS_PER_DAY);
}

/** Negative, zero or positive as a is before, the same as, or after b. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return toEpochDay(a) - toEpochDay(b);
}
