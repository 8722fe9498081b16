/**
 * decide(procedure, challenge, envelope, now, calendar): the events a command makes, or a
 * refusal a practitioner understands. Pure. Checks in order: a repeated idempotency key
 * (same answer, no new events), a resolved challenge, a stale card, then state and
 * authorisation (guards.ts, shared with allowedCommands), then the command's own payload.
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
import { guard } from './guards';
import { refuse } from './refusal';
import type { Challenge, CommandEnvelope, Decision } from './types';

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
  return { ok: true, events: verdict, effects: effectsOf(procedure, before, after, verdict) };
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
  // Reminders sent since the card was rendered do not make it stale (movedAtVersion).
  const movedAt = challenge.movedAtVersion ?? challenge.version;
  if (challenge.status !== 'resolved' && envelope.expectedVersion !== undefined && envelope.expectedVersion < movedAt) {
    return refuse('stale', 'This challenge has moved on since this card was sent: open the latest card and try again.');
  }
  const route = command.type === 'escalate' ? command.route : undefined;
  const refusal = guard(procedure, challenge, command.type, actor.id, { ...(route ? { route } : {}), now, calendar });
  if (refusal) return { ok: false, refusal };
  return conclude(procedure, challenge, dispatch({ procedure, challenge, command, envelope, now, calendar }));
}
