/** The wake time of a challenge for the deadline index, with its procedure and calendar looked up. Pure. */
import { createWorkingCalendar, type WorkingCalendar } from '../calendar';
import { getProcedure } from '../procedures';
import type { Procedure } from '../procedures/schema';
import type { Challenge } from '../workflow/types';
import { nextWakeAt } from './reminders';

/** The procedure's working calendar: bank holidays plus its closure days. */
export function calendarFor(procedure: Procedure): WorkingCalendar {
  return createWorkingCalendar({ closureDays: procedure.closureDays });
}

export function challengeWakeAt(challenge: Challenge, now: Date): Date | undefined {
  if (challenge.status !== 'open') return undefined;
  const procedure = getProcedure(challenge.procedureId);
  return nextWakeAt({ challenge, procedure, calendar: calendarFor(procedure), now });
}
