/**
 * Moving deadlines: pauses that stop the clock (LEE-7), agreed extensions (LEE-8), and
 * overall caps (LEE-6). Pure.
 */
import { addCalendarDays } from './local-date';
import { londonDate, londonInstant, londonTime } from './london-time';
import type { WorkingCalendar } from './working-calendar';

/**
 * The working days on which the clock was stopped: those w with
 * londonDate(pausedAt) < w <= londonDate(resumedAt). Paused and resumed on the same day: 0.
 */
export function pausedWorkingDays(pausedAt: Date, resumedAt: Date, calendar: WorkingCalendar): number {
  return Math.max(0, calendar.workingDaysBetween(londonDate(pausedAt), londonDate(resumedAt)));
}

export interface DeadlineShift {
  /** Working days to move by (negative moves earlier); the deadline stays on a working day. */
  workingDays?: number;
  /** Calendar days to move by, then rolled forward to a working day. */
  calendarDays?: number;
}

/**
 * The deadline moved by working days, then by calendar days, keeping its London time of
 * day (17:00 for every rule-made deadline) and landing on a working day.
 */
export function shiftDeadline(deadline: Date, by: DeadlineShift, calendar: WorkingCalendar): Date {
  let day = londonDate(deadline);
  if (by.workingDays) day = calendar.addWorkingDays(day, by.workingDays);
  if (by.calendarDays) day = addCalendarDays(day, by.calendarDays);
  return londonInstant(calendar.nextWorkingDay(day), londonTime(deadline));
}

/** The earliest of the dates given, ignoring undefined (a stage deadline under an overall cap). */
export function earliest(...dates: (Date | undefined)[]): Date | undefined {
  let first: Date | undefined;
  for (const d of dates) if (d && (!first || d.getTime() < first.getTime())) first = d;
  return first;
}
