/** What every command handler is given, and the small helpers they share. Pure. */
import type { WorkingCalendar } from '../calendar';
import type { Procedure } from '../procedures/schema';
import type { Challenge, ChallengeEvent, Command, CommandEnvelope, EventBase, Refusal } from './types';

export interface DecideContext<C extends Command = Command> {
  procedure: Procedure;
  challenge: Challenge;
  command: C;
  envelope: CommandEnvelope;
  now: Date;
  calendar: WorkingCalendar;
}

/** A handler's answer: the events to record, or why not. */
export type Verdict = ChallengeEvent[] | Refusal;

export function isRefusal(verdict: Verdict): verdict is Refusal {
  return !Array.isArray(verdict);
}

/** Who, when and which command: carried by every event of one decision. */
export function eventBase(envelope: CommandEnvelope, now: Date): EventBase {
  return {
    at: now.toISOString(),
    by: { id: envelope.actor.id, name: envelope.actor.name },
    idempotencyKey: envelope.idempotencyKey,
  };
}

function isBlankText(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** The labels of the text fields left blank, for an "invalid" refusal. */
export function blankFields(fields: Record<string, unknown>): string[] {
  return Object.entries(fields)
    .filter(([, value]) => isBlankText(value))
    .map(([label]) => `"${label}" is required`);
}
