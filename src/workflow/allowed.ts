/**
 * The commands a person may give a challenge now: exactly those decide() would not refuse
 * for who they are or the state it is in. The cards show these as buttons. Pure.
 */
import type { Procedure } from '../procedures/schema';
import { guard, type ChallengeCommandType } from './guards';
import type { Challenge } from './types';

const commandTypes: readonly ChallengeCommandType[] = [
  'recordOutcome',
  'escalate',
  'resolve',
  'pause',
  'resume',
  'requestExtension',
  'agreeExtension',
  'declineExtension',
  'handOver',
  'recordMeeting',
  'recordNotification',
  'assignLogId',
  'recordReminder',
];

/** `now` is taken so that time-dependent permissions can join without changing callers. */
export function allowedCommands(
  procedure: Procedure,
  challenge: Challenge,
  personId: string,
  _now: Date,
): ChallengeCommandType[] {
  return commandTypes.filter((type) =>
    type === 'escalate'
      ? !guard(procedure, challenge, type, personId, { route: 'next' }) ||
        !guard(procedure, challenge, type, personId, { route: 'immediate' })
      : !guard(procedure, challenge, type, personId),
  );
}

/** Whether the person may take the immediate route (NEW-8) now: a separate button on the card. */
export function mayTakeImmediateRoute(procedure: Procedure, challenge: Challenge, personId: string): boolean {
  return !guard(procedure, challenge, 'escalate', personId, { route: 'immediate' });
}
