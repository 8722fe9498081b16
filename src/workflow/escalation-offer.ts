/**
 * The escalation offer (issue 5): once a stage is overdue by the reminder policy's
 * `copyNextLevelAfterOverdueWorkingDays`, the next stage's owners are offered a one-press
 * escalation, so they may escalate it themselves, not only the stage's escalators.
 * The scheduler sends the offer at the same count of working days. Pure.
 */
import { londonDate, type WorkingCalendar } from '../calendar';
import type { Procedure } from '../procedures/schema';
import { holdsAny } from './roles';
import { currentRecord, currentStage, findStage } from './stages';
import type { Challenge } from './types';

/** The calendar decide() is given for this procedure: bank holidays plus its closure days. */
/**
 * Whole working days the current stage's deadline has passed by at `now`: 0 on the deadline
 * day itself (once past), -1 before the deadline or when the stage has none.
 */
export function workingDaysOverdue(challenge: Challenge, now: Date, calendar: WorkingCalendar): number {
  const record = currentRecord(challenge);
  if (!record?.deadline || record.stageId !== challenge.stageId) return -1;
  const deadline = new Date(record.deadline);
  if (now < deadline) return -1;
  return calendar.workingDaysBetween(londonDate(deadline), londonDate(now));
}

/** Whether the person may escalate the open challenge as the next level, the stage being long enough overdue. */
export function mayEscalateAsNextLevel(
  procedure: Procedure,
  challenge: Challenge,
  personId: string,
  now: Date,
  calendar: WorkingCalendar,
): boolean {
  const policy = procedure.reminders;
  if (!policy.nextLevelMayEscalateWhenOverdue || challenge.status !== 'open') return false;
  const next = findStage(procedure, currentStage(procedure, challenge).escalateTo[0] ?? '');
  if (!next || !holdsAny(challenge, personId, next.owners)) return false;
  return workingDaysOverdue(challenge, now, calendar) >= policy.copyNextLevelAfterOverdueWorkingDays;
}
