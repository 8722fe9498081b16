/**
 * Dates on cards: the one format of src/calendar/format.ts, and a deadline as seen at `now`.
 * Pure: every instant is passed in.
 */
import { formatInstant } from '../../src/calendar/format';
export { formatDay, formatInstant, formatWhen } from '../../src/calendar/format';

export interface DeadlineView {
  /** 'Fri 8 Jan 2027, 5pm', or the procedure's guidance when the stage has no fixed deadline. */
  text: string;
  overdue: boolean;
}

/** A stage deadline as seen at `now`; a paused or resolved challenge is never overdue. */
export function deadlineView(
  deadline: string | undefined,
  now: Date,
  live: boolean,
  noDeadline = 'No fixed deadline',
): DeadlineView {
  if (!deadline) return { text: noDeadline, overdue: false };
  return { text: formatInstant(deadline), overdue: live && new Date(deadline).getTime() < now.getTime() };
}
