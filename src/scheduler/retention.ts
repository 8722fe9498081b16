/**
 * When a resolved challenge has been kept as long as its partnership keeps them (the
 * procedure's `retention`, data) and is to be purged. Open and paused challenges are never due. Pure.
 */
import { addCalendarMonths, compareLocalDates, londonDate, type LocalDate } from '../calendar';
import type { Procedure } from '../procedures/schema';
import type { Challenge } from '../workflow/types';

/** The first day (Europe/London) the challenge may be purged; undefined while it is not resolved. */
export function purgeDay(procedure: Pick<Procedure, 'retention'>, challenge: Challenge): LocalDate | undefined {
  if (challenge.status !== 'resolved' || !challenge.resolution) return undefined;
  const resolvedOn = londonDate(new Date(challenge.resolution.resolvedAt));
  return addCalendarMonths(resolvedOn, procedure.retention.monthsAfterResolved);
}

export function isPurgeDue(procedure: Pick<Procedure, 'retention'>, challenge: Challenge, now: Date): boolean {
  const day = purgeDay(procedure, challenge);
  return day !== undefined && compareLocalDates(londonDate(now), day) >= 0;
}
