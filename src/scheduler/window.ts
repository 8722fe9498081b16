/**
 * When a reminder may go out: on a working day, inside the procedure's Europe/London window
 * (08:00-18:00 by default). Anything due outside it is held until the window next opens. Pure.
 */
import { londonDate, londonInstant, londonTime, type WorkingCalendar } from '../calendar';
import type { ReminderPolicy } from '../procedures/schema';

export type SendWindow = ReminderPolicy['window'];

export function isSendable(at: Date, calendar: WorkingCalendar, window: SendWindow): boolean {
  if (!calendar.isWorkingDay(londonDate(at))) return false;
  const time = londonTime(at);
  return time >= window.from && time < window.to;
}

/** `at` itself when a reminder may be sent then, else the next opening of the window. */
export function nextSendable(at: Date, calendar: WorkingCalendar, window: SendWindow): Date {
  const day = londonDate(at);
  if (calendar.isWorkingDay(day)) {
    const time = londonTime(at);
    if (time < window.from) return londonInstant(day, window.from);
    if (time < window.to) return at;
  }
  return londonInstant(calendar.addWorkingDays(day, 1), window.from);
}
