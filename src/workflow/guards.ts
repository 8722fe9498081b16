/**
 * Whether a person may give a command to a challenge in its present state, before its
 * payload is looked at. decide() and allowedCommands() share these, so the buttons on a
 * card are exactly the commands that will not be refused for who or when. Pure.
 */
import type { WorkingCalendar } from '../calendar';
import type { OwnerRole, Procedure } from '../procedures/schema';
import { calendarOf } from './calendar-of';
import { mayEscalateAsNextLevel } from './escalation-offer';
import { openNotifications, recordableNotifications } from './notifications';
import { refusal } from './refusal';
import { describeActor, describeOwners, holdsAny, isOnChallenge, rolesOf, sideOf } from './roles';
import { currentRecord, currentStage, escalatorsOf, findStage, hasReached } from './stages';
import { SYSTEM_ACTOR_ID, type Challenge, type Command, type Refusal } from './types';

export type ChallengeCommandType = Exclude<Command['type'], 'raise'>;

/** Every command given to a raised challenge: a table, so a new command type must be added here to compile. */
const commandTypeTable: Record<ChallengeCommandType, true> = {
  recordOutcome: true,
  escalate: true,
  resolve: true,
  pause: true,
  resume: true,
  requestExtension: true,
  agreeExtension: true,
  declineExtension: true,
  handOver: true,
  recordMeeting: true,
  recordNotification: true,
  assignLogId: true,
  recordReminder: true,
};
export const CHALLENGE_COMMAND_TYPES = Object.keys(commandTypeTable) as ChallengeCommandType[];

export interface GuardOptions {
  route?: 'next' | 'immediate';
  /**
   * When the command is given: time-dependent permissions (the next level's escalation once
   * a stage is overdue) are granted only when it is known. decide() always passes it.
   */
  now?: Date;
  /** The procedure's working calendar; built from the procedure when not given. */
  calendar?: WorkingCalendar;
}

/** The only commands a paused challenge takes (LEE-7: someone may take it over meanwhile). */
const allowedWhilePaused: readonly ChallengeCommandType[] = ['resume', 'handOver', 'recordMeeting'];

function notOwner(challenge: Challenge, actorId: string, whoMay: string): Refusal {
  return refusal('notOwner', `${whoMay}; ${describeActor(challenge, actorId)}.`);
}

/**
 * The people who may agree or decline a pending extension (LEE-8): owners of the stage
 * other than the requester, and of those, the ones on a side the requester is not on when
 * there are any.
 */
export function extensionDeciders(procedure: Procedure, challenge: Challenge): string[] {
  const pending = challenge.pendingExtension;
  if (!pending) return [];
  const owners = currentStage(procedure, challenge).owners;
  const requesterSides = new Set(
    rolesOf(challenge, pending.requestedBy)
      .filter((r) => owners.includes(r))
      .map(sideOf),
  );
  const others = owners.flatMap((role) =>
    (challenge.participants[role] ?? []).filter((p) => p.id !== pending.requestedBy).map((p) => ({ id: p.id, role })),
  );
  const otherSide = others.filter((o) => !requesterSides.has(sideOf(o.role)));
  return [...new Set((otherSide.length > 0 ? otherSide : others).map((o) => o.id))];
}

function escalateGuard(
  procedure: Procedure,
  challenge: Challenge,
  actorId: string,
  options: GuardOptions,
): Refusal | undefined {
  const stage = currentStage(procedure, challenge);
  if (options.route === 'immediate') {
    const immediate = procedure.immediateRoute;
    if (!immediate) return refusal('notAllowed', `The ${procedure.partnership} procedure has no immediate route.`);
    if (stage.immediate) return refusal('notAllowed', 'This challenge is already on the immediate route.');
    if (!holdsAny(challenge, actorId, immediate.agreedBy)) {
      return notOwner(
        challenge,
        actorId,
        `Taking the immediate route is agreed by ${describeOwners(immediate.agreedBy)}`,
      );
    }
    return undefined;
  }
  if (stage.escalateTo.length === 0) {
    return refusal(
      'notAllowed',
      `${stage.label} is the last stage: the challenge can be resolved here but not escalated.`,
    );
  }
  const escalators = escalatorsOf(stage);
  if (holdsAny(challenge, actorId, escalators)) return undefined;
  const { now } = options;
  if (now && mayEscalateAsNextLevel(procedure, challenge, actorId, now, options.calendar ?? calendarOf(procedure))) {
    return undefined;
  }
  return notOwner(challenge, actorId, `Only ${describeOwners(escalators)} can escalate from ${stage.label}`);
}

/** Refuses for state or authorisation, or returns undefined when the person may go ahead. */
export function guard(
  procedure: Procedure,
  challenge: Challenge,
  type: ChallengeCommandType,
  actorId: string,
  options: GuardOptions = {},
): Refusal | undefined {
  if (challenge.status === 'resolved') {
    return refusal('closed', 'This challenge has been resolved; nothing more can be done on it.');
  }
  if (challenge.status === 'paused' && !allowedWhilePaused.includes(type)) {
    return refusal('paused', 'This challenge is paused: resume it first.');
  }
  const stage = currentStage(procedure, challenge);
  const owners = (roles: readonly OwnerRole[], doing: string): Refusal | undefined =>
    holdsAny(challenge, actorId, roles)
      ? undefined
      : notOwner(challenge, actorId, `${stage.label} is owned by ${describeOwners(roles)}${doing}`);
  const record = currentRecord(challenge);

  switch (type) {
    case 'recordOutcome':
    case 'pause':
      return owners(stage.owners, '');
    case 'resume':
      if (challenge.status !== 'paused') return refusal('notAllowed', 'This challenge is not paused.');
      return owners(stage.owners, '');
    case 'resolve': {
      const resolvers: OwnerRole[] = [...new Set<OwnerRole>([...stage.owners, 'raising.practitioner'])];
      return holdsAny(challenge, actorId, resolvers)
        ? undefined
        : notOwner(challenge, actorId, `Only ${describeOwners(resolvers)} can resolve it at ${stage.label}`);
    }
    case 'escalate':
      return escalateGuard(procedure, challenge, actorId, options);
    case 'requestExtension':
      if (!record?.deadline) return refusal('notAllowed', `${stage.label} has no deadline to extend.`);
      if (challenge.pendingExtension) return refusal('notAllowed', 'An extension is already waiting to be agreed.');
      return owners(stage.owners, '');
    case 'agreeExtension':
    case 'declineExtension': {
      const pending = challenge.pendingExtension;
      if (!pending) return refusal('notAllowed', 'No extension is waiting to be agreed.');
      if (pending.requestedBy === actorId) {
        return refusal('notAllowed', `You asked for this extension: another owner of ${stage.label} must agree it.`);
      }
      if (extensionDeciders(procedure, challenge).includes(actorId)) return undefined;
      const requesterRoles = rolesOf(challenge, pending.requestedBy);
      const other = stage.owners.filter((r) => !requesterRoles.includes(r));
      return notOwner(challenge, actorId, `This extension is for ${describeOwners(other)} to agree`);
    }
    case 'handOver':
    case 'recordMeeting':
      return isOnChallenge(challenge, actorId)
        ? undefined
        : refusal('notOwner', 'Only people on this challenge can do that; you are not on this challenge.');
    case 'recordNotification':
      if (openNotifications(procedure, challenge).length === 0) {
        return refusal('notAllowed', 'No notification form is due on this challenge.');
      }
      return recordableNotifications(procedure, challenge, actorId).length > 0
        ? undefined
        : owners(stage.owners, ' and the notification is theirs to send');
    case 'assignLogId': {
      const log = procedure.log;
      if (!log) return refusal('notAllowed', 'This partnership keeps no challenge log.');
      if (challenge.logId) return refusal('notAllowed', `This challenge already has log ID ${challenge.logId}.`);
      if (!hasReached(procedure, challenge, log.fromStage)) {
        const from = findStage(procedure, log.fromStage)?.label ?? log.fromStage;
        return refusal('notAllowed', `A log ID is given from ${from} on.`);
      }
      return holdsAny(challenge, actorId, log.assignedBy)
        ? undefined
        : notOwner(challenge, actorId, `Log IDs are given by ${describeOwners(log.assignedBy)}`);
    }
    case 'recordReminder':
      return actorId === SYSTEM_ACTOR_ID ? undefined : refusal('notAllowed', 'Reminders are sent by the scheduler.');
  }
}
