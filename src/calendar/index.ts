/** The calendar: working days and deadlines for England and Wales, in Europe/London time. Pure. */
export {
  addCalendarDays,
  addCalendarMonths,
  compareLocalDates,
  dayOfWeek,
  isLocalDate,
  isWeekend,
  LocalDateSchema,
  type LocalDate,
} from './local-date';
export { bankHolidays, isBankHoliday } from './bank-holidays';
export { createWorkingCalendar, type WorkingCalendar, type WorkingCalendarOptions } from './working-calendar';
export { END_OF_WORKING_DAY, endOfWorkingDay, londonDate, londonInstant, londonTime } from './london-time';
export { computeDeadline, type DeadlineAnchors } from './deadline-rule';
export { earliest, pausedWorkingDays, shiftDeadline, type DeadlineShift } from './deadline-shift';
export { formatDay, formatInstant, formatWhen } from './format';
