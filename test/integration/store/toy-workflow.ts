/**
 * A toy decide/apply pair for the challenge store's tests, so they do not depend on the real
 * workflow: "raise" creates a challenge, "recordReminder" appends one event, and anyone
 * but the raiser or the person it is raised with is refused.
 */
import type {
  Actor,
  Challenge,
  ChallengeEvent,
  CommandEnvelope,
  Decision,
  PersonRef,
} from '../../../src/workflow/types';

type Decide = (challenge: Challenge | undefined, envelope: CommandEnvelope, now: Date) => Decision;
type Apply = (challenge: Challenge | undefined, event: ChallengeEvent) => Challenge;

export const raiser: PersonRef = { id: 'person-raiser', name: 'Rae Ser', reachable: true };
export const receiver: PersonRef = { id: 'person-receiver', name: 'Rec Eiver', reachable: true };
export const stranger: Actor = { id: 'person-stranger', name: 'Stan Ger' };

export function raiseEnvelope(challengeId: string, key = `raise-${challengeId}`): CommandEnvelope {
  return {
    idempotencyKey: key,
    actor: { id: raiser.id, name: raiser.name },
    command: {
      type: 'raise',
      challengeId,
      caseReference: `CASE-${challengeId}`,
      subject: 'child',
      kind: 'decision',
      areas: ['Threshold decision'],
      concern: 'The referral was closed without a visit.',
      desiredOutcome: 'A strategy discussion.',
      evidence: 'Two police reports.',
      urgency: 'standard',
      raisedBy: raiser,
      raisedWith: receiver,
      participants: { 'raising.practitioner': [raiser], 'receiving.practitioner': [receiver] },
    },
  };
}

export function remindEnvelope(key: string, expectedVersion?: number, actor: Actor = raiser): CommandEnvelope {
  return {
    idempotencyKey: key,
    actor,
    expectedVersion,
    command: { type: 'recordReminder', reminderKey: key, level: 'dueSoon', to: [receiver.id] },
  };
}

export const toyDecide: Decide = (challenge, envelope, now): Decision => {
  const base = { at: now.toISOString(), by: envelope.actor, idempotencyKey: envelope.idempotencyKey };
  const { command } = envelope;
  if (command.type === 'raise') {
    if (challenge) return { ok: false, refusal: { code: 'invalid', reason: 'Already raised.' } };
    return {
      ok: true,
      effects: [],
      events: [{ ...base, type: 'ChallengeRaised', data: { ...command, procedureId: 'toy' } }],
    };
  }
  if (!challenge) return { ok: false, refusal: { code: 'invalid', reason: 'No such challenge.' } };
  if (envelope.actor.id !== challenge.raisedBy.id && envelope.actor.id !== challenge.raisedWith.id) {
    return { ok: false, refusal: { code: 'notOwner', reason: 'You are not on this challenge.' } };
  }
  if (command.type !== 'recordReminder') return { ok: false, refusal: { code: 'notAllowed', reason: 'Toy.' } };
  const event: ChallengeEvent = { ...base, type: 'ReminderSent', data: { ...command } };
  return { ok: true, effects: [], events: [event] };
};

export const toyApply: Apply = (challenge, event) => {
  if (event.type === 'ChallengeRaised') {
    const { type: _type, challengeId, procedureId, ...raised } = event.data;
    return {
      ...raised,
      id: challengeId,
      version: 1,
      procedureId,
      raisedAt: event.at,
      status: 'open',
      stageId: 'stage1',
      stages: [{ stageId: 'stage1', startedAt: event.at, deadlineVersion: 0 }],
      meetings: [],
      notifications: [],
      appliedKeys: [event.idempotencyKey],
      pausedWorkingDays: 0,
      reminderKeys: [],
    } satisfies Challenge;
  }
  if (!challenge) throw new Error('Toy apply: no challenge');
  return {
    ...challenge,
    version: challenge.version + 1,
    appliedKeys: [...challenge.appliedKeys, event.idempotencyKey],
  };
};

/** A challenge as the first snapshot, for tests that drive the store directly. */
export function toyChallenge(
  id: string,
  at = '2026-11-23T09:00:00.000Z',
): { challenge: Challenge; event: ChallengeEvent } {
  const envelope = raiseEnvelope(id);
  const decision = toyDecide(undefined, envelope, new Date(at));
  if (!decision.ok) throw new Error('toy raise refused');
  const [event] = decision.events as [ChallengeEvent];
  return { challenge: toyApply(undefined, event), event };
}
