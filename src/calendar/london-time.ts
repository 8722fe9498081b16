/**
 * Europe/London wall-clock time for instants, with the platform's Intl time zone data
 * (GMT in winter, BST = UTC+1 from the last Sunday of March to the last Sunday of October).
 * Pure: every function takes the instant or day it works on.
 */
import { isLocalDate, type LocalDate } from './local-date';

const TIME_ZONE = 'Europe/London';
/** The end of the working day, when deadlines fall. */
export const END_OF_WORKING_DAY = '17:00';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date): WallClock {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  const parts = formatter.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** London's offset from UTC at an instant, in ms (0 in winter, 3,600,000 in summer). */
function offsetAt(instant: Date): number {
  const w = wallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The day in London at an instant. */
export function londonDate(instant: Date): LocalDate {
  const w = wallClock(instant);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The London wall-clock time at an instant, 'HH:MM'. */
export function londonTime(instant: Date): string {
  const w = wallClock(instant);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant at which London's clocks show hhmm on day d. In the hour the clocks skip
 * (01:xx on the last Sunday of March) it gives the instant an hour later on the clock; in
 * the hour they repeat (01:xx on the last Sunday of October) the first of the two.
 */
export function londonInstant(d: LocalDate, hhmm: string): Date {
  const m = /^(\d\d):(\d\d)$/.exec(hhmm);
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) throw new RangeError(`Not an HH:MM time: ${JSON.stringify(hhmm)}`);
  if (!isLocalDate(d)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(d)}`);
  const wall = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), hour, minute);
  // Try the offset in force an hour before and after; the earlier instant that reads hhmm wins.
  const candidates = [wall - offsetAt(new Date(wall - 3_600_000)), wall - offsetAt(new Date(wall + 3_600_000))];
  const exact = candidates.filter((t) => offsetAt(new Date(t)) === wall - t).sort((a, b) => a - b);
  return new Date(exact[0] ?? Math.max(...candidates));
}

/** 17:00 London time on day d: when a deadline on that day falls. */
export function endOfWorkingDay(d: LocalDate): Date {
  return londonInstant(d, END_OF_WORKING_DAY);
}
