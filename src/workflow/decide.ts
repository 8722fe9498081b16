/**
 * decide(procedure, challenge, envelope, now, calendar): the events a command makes, or a
 * refusal a practitioner understands. Pure. Checks in order: a repeated idempotency key
 * (same answer, no new events), a resolved challenge, a stale card, then state and
 * authorisation (preflight: stale.ts and guards.ts, shared with allowedCommands), then the
 * command's own payload.
 */
import type { WorkingCalendar } from '../calendar';
import type { Procedure } from '../procedures/schema';
import { apply } from './apply';
import { isRefusal, type DecideContext, type Verdict } from './context';
import {
  decideAgreeExtension,
  decideDeclineExtension,
  decidePause,
  decideRequestExtension,
  decideResume,
} from './decide-clock';
import { decideRaise } from './decide-raise';
import {
  decideAssignLogId,
  decideHandOver,
  decideRecordMeeting,
  decideRecordNotification,
  decideRecordReminder,
} from './decide-records';
import { decideEscalate, decideRecordOutcome, decideResolve } from './decide-stage';
import { effectsOf } from './effects';
import { guard, type ChallengeCommandType } from './guards';
import { refuse } from './refusal';
import { staleRefusal } from './stale';
import type { Challenge, CommandEnvelope, Decision, Refusal } from './types';

const nothing: Decision = { ok: true, events: [], effects: [] };

function dispatch(context: DecideContext): Verdict {
  const { command } = context;
  // Each handler receives the context narrowed to its own command.
  switch (command.type) {
    case 'raise':
      throw new Error('raise is decided before dispatch');
    case 'recordOutcome':
      return decideRecordOutcome({ ...context, command });
    case 'escalate':
      return decideEscalate({ ...context, command });
    case 'resolve':
      return decideResolve({ ...context, command });
    case 'pause':
      return decidePause({ ...context, command });
    case 'resume':
      return decideResume({ ...context, command });
    case 'requestExtension':
      return decideRequestExtension({ ...context, command });
    case 'agreeExtension':
      return decideAgreeExtension({ ...context, command });
    case 'declineExtension':
      return decideDeclineExtension({ ...context, command });
    case 'handOver':
      return decideHandOver({ ...context, command });
    case 'recordMeeting':
      return decideRecordMeeting({ ...context, command });
    case 'recordNotification':
      return decideRecordNotification({ ...context, command });
    case 'assignLogId':
      return decideAssignLogId({ ...context, command });
    case 'recordReminder':
      return decideRecordReminder({ ...context, command });
  }
}

function conclude(procedure: Procedure, before: Challenge | undefined, verdict: Verdict): Decision {
  if (isRefusal(verdict)) return { ok: false, refusal: verdict };
  if (verdict.length === 0) return nothing;
  const after = verdict.reduce<Challenge | undefined>(apply, before);
  if (!after) return nothing;
  return { ok: true, events: verdict, effects: effectsOf(procedure, before, after, verdict), after };
}

/** What a press is, before its payload is looked at: enough to refuse it for who, when or a stale card. */
export interface Press {
  type: ChallengeCommandType;
  actorId: string;
  /** The version of the card pressed. */
  expectedVersion?: number;
  route?: 'next' | 'immediate';
}

/**
 * The refusal a press gets whatever its payload says: a stale card, then who may give it and
 * when (guards.ts). decide() runs it first; the shell runs it alone for a press whose payload
 * did not parse, so such a press is refused (and recorded) for the same reason. Pure.
 */
export function preflight(
  procedure: Procedure,
  challenge: Challenge,
  press: Press,
  now: Date,
  calendar: WorkingCalendar,
): Refusal | undefined {
  return (
    staleRefusal(challenge, press.expectedVersion) ??
    guard(procedure, challenge, press.type, press.actorId, {
      ...(press.route ? { route: press.route } : {}),
      now,
      calendar,
    })
  );
}

export function decide(
  procedure: Procedure,
  challenge: Challenge | undefined,
  envelope: CommandEnvelope,
  now: Date,
  calendar: WorkingCalendar,
): Decision {
  const { command, actor, idempotencyKey } = envelope;
  if (challenge?.appliedKeys.includes(idempotencyKey)) return nothing;
  if (command.type === 'raise') {
    if (challenge) return refuse('invalid', 'This challenge has already been raised.');
    return conclude(procedure, undefined, decideRaise(procedure, command, envelope, now, calendar));
  }
  if (!challenge) return refuse('invalid', 'There is no such challenge.');
  if (challenge.procedureId !== procedure.id) {
    throw new Error(`Challenge ${challenge.id} follows ${challenge.procedureId}, not ${procedure.id}`);
  }
  const route = command.type === 'escalate' ? command.route : undefined;
  const press: Press = {
    type: command.type,
    actorId: actor.id,
    ...(envelope.expectedVersion !== undefined ? { expectedVersion: envelope.expectedVersion } : {}),
    ...(route ? { route } : {}),
  };
  const refusal = preflight(procedure, challenge, press, now, calendar);
  if (refusal) return { ok: false, refusal };
  return conclude(procedure, challenge, dispatch({ procedure, challenge, command, envelope, now, calendar }));
}
