/**
 * When a stage is due, from the procedure's DeadlineRule (src/procedures/schema.ts).
 * Pure. Every deadline falls at the end of a working day (17:00 Europe/London).
 */
import type { DeadlineRule } from '../procedures/schema';
import { addCalendarDays, addCalendarMonths } from './local-date';
import { endOfWorkingDay, londonDate } from './london-time';
import type { WorkingCalendar } from './working-calendar';

export interface DeadlineAnchors {
  /** When the challenge was raised (day 1 of a "day N" rule). */
  raisedAt: Date;
  /** When the current stage started. */
  stageStartedAt: Date;
}

/** The deadline a rule gives, or undefined for a stage with no fixed timescale. */
export function computeDeadline(
  rule: DeadlineRule,
  anchors: DeadlineAnchors,
  calendar: WorkingCalendar,
): Date | undefined {
  switch (rule.kind) {
    case 'workingDays': {
      // The anchor day is day 0, so raised on a Friday (or Saturday), one working day is Monday.
      const anchor = londonDate(rule.from === 'raised' ? anchors.raisedAt : anchors.stageStartedAt);
      return endOfWorkingDay(calendar.addWorkingDays(anchor, rule.days));
    }
    case 'dayOfChallenge': {
      // Dudley's reading: calendar days, the day raised is day 1; a non-working day rolls forward.
      const dayN = addCalendarDays(londonDate(anchors.raisedAt), rule.day - 1);
      return endOfWorkingDay(calendar.nextWorkingDay(dayN));
    }
    case 'calendarMonths': {
      const anchor = londonDate(rule.from === 'raised' ? anchors.raisedAt : anchors.stageStartedAt);
      return endOfWorkingDay(calendar.nextWorkingDay(addCalendarMonths(anchor, rule.months)));
    }
    case 'none':
      return undefined;
  }
}
