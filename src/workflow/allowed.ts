/**
 * The commands a person may give a challenge now: exactly those decide() would not refuse
 * for who they are or the state it is in. The cards show these as buttons. Pure.
 */
import type { WorkingCalendar } from '../calendar';
import type { Procedure } from '../procedures/schema';
import { calendarOf } from './calendar-of';
import { CHALLENGE_COMMAND_TYPES, guard, type ChallengeCommandType } from './guards';
import type { Challenge } from './types';

/**
 * `now` (and the procedure's calendar, the one decide() is given) for time-dependent
 * permissions: the next level may escalate once the stage is overdue long enough.
 */
export function allowedCommands(
  procedure: Procedure,
  challenge: Challenge,
  personId: string,
  now: Date,
  calendar: WorkingCalendar = calendarOf(procedure),
): ChallengeCommandType[] {
  return CHALLENGE_COMMAND_TYPES.filter((type) =>
    type === 'escalate'
      ? !guard(procedure, challenge, type, personId, { route: 'next', now, calendar }) ||
        !guard(procedure, challenge, type, personId, { route: 'immediate' })
      : !guard(procedure, challenge, type, personId, { now, calendar }),
  );
}

/** Whether the person may take the immediate route (NEW-8) now: a separate button on the card. */
export function mayTakeImmediateRoute(procedure: Procedure, challenge: Challenge, personId: string): boolean {
  return !guard(procedure, challenge, 'escalate', personId, { route: 'immediate' });
}
