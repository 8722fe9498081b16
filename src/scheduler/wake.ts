/** The wake time of a challenge for the deadline index, with its procedure and calendar looked up. Pure. */
import { getProcedure } from '../procedures';
import { calendarOf } from '../workflow/calendar-of';
import type { Challenge } from '../workflow/types';
import { nextWakeAt } from './reminders';

export function challengeWakeAt(challenge: Challenge, now: Date): Date | undefined {
  if (challenge.status !== 'open') return undefined;
  const procedure = getProcedure(challenge.procedureId);
  return nextWakeAt({ challenge, procedure, calendar: calendarOf(procedure), now });
}
