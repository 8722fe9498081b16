/**
 * The one place a working calendar is made: per procedure (England and Wales bank holidays
 * plus the partnership's own closure days), and the plain bank-holiday calendar of runs that
 * span partnerships (the digest). Built once each: calendars are immutable. Pure.
 */
import { createWorkingCalendar, type WorkingCalendar } from '../calendar';
import type { Procedure } from '../procedures/schema';

const byProcedure = new WeakMap<Procedure, WorkingCalendar>();
let bankHolidays: WorkingCalendar | undefined;

export function calendarOf(procedure: Procedure): WorkingCalendar {
  let calendar = byProcedure.get(procedure);
  if (!calendar) {
    calendar = createWorkingCalendar({ closureDays: procedure.closureDays });
    byProcedure.set(procedure, calendar);
  }
  return calendar;
}

/** Bank holidays only: for what spans partnerships, so no one partnership's closure days hold it. */
export function bankHolidayCalendar(): WorkingCalendar {
  bankHolidays ??= createWorkingCalendar();
  return bankHolidays;
}
