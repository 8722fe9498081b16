/**
 * One turn: load, decide, commit. The imperative shell around the pure workflow: `decide`
 * and `apply` are passed in, so this runs with any decider (the real one, or a toy in tests).
 * A repeated idempotency key gets the stored answer; a lost race is reloaded and decided
 * again, or answered "moved on" when the actor acted on a version that is gone.
 */
import { z } from 'zod';
import type { Clock } from '../clock';
import type { Challenge, ChallengeEvent, CommandEnvelope, Decision, Refusal } from '../workflow/types';
import type { AuditStore } from './audit-store';
import type { ChallengeStore } from './challenge-store';
import { ConflictError } from './errors';
import type { PersonIndex } from './person-index';

/** The workflow's decide, with the procedure and calendar already bound by the caller. */
export type Decide = (challenge: Challenge | undefined, envelope: CommandEnvelope, now: Date) => Decision;
export type Apply = (challenge: Challenge | undefined, event: ChallengeEvent) => Challenge;

export interface CommandRunnerDeps {
  challenges: ChallengeStore;
  audit: AuditStore;
  /** Updated after each transition; a failure there is reported, not thrown (a reconcile repairs it). */
  personIndex?: PersonIndex;
  decide: Decide;
  apply: Apply;
  clock: Clock;
  /** Attempts before giving up on a busy challenge. Each lost attempt means another command won. */
  maxAttempts?: number;
  /** Waits before a retry; the default is a short random (jittered) wait. */
  backoff?: (attempt: number) => Promise<void>;
  onIndexError?: (error: unknown) => void;
}

export interface CommandResult {
  decision: Decision;
  /** The challenge after the command (or as it stands, when nothing changed). */
  challenge: Challenge | undefined;
  /** False for refusals and for repeats of an already answered idempotency key. */
  transitioned: boolean;
}

/** What is kept under an idempotency key. */
const StoredAnswerSchema = z.object({
  decision: z.looseObject({ ok: z.boolean() }),
  version: z.number().int(),
});
type StoredAnswer = { decision: Decision; version: number };

export function createCommandRunner(deps: CommandRunnerDeps) {
  return (challengeId: string, envelope: CommandEnvelope) => runCommand(deps, challengeId, envelope);
}

export async function runCommand(
  deps: CommandRunnerDeps,
  challengeId: string,
  envelope: CommandEnvelope,
): Promise<CommandResult> {
  const maxAttempts = deps.maxAttempts ?? 10;
  const backoff = deps.backoff ?? jitteredWait;
  let lastConflict: ConflictError | undefined;

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    // The answer first, then the state: a state read after the answer is never older than it.
    const answered = await deps.challenges.findAnswer(challengeId, envelope.idempotencyKey);
    const loaded = await deps.challenges.load(challengeId);
    const before = loaded?.challenge;
    if (answered !== undefined) {
      const stored = StoredAnswerSchema.parse(answered) as StoredAnswer;
      return { decision: stored.decision, challenge: before, transitioned: false };
    }

    const version = before?.version ?? 0;
    // Reminders recorded since the card was rendered do not make it stale (movedAtVersion, as decide has it):
    // an escalation offer is rendered before its own ReminderSent is recorded.
    const movedAt = before?.movedAtVersion ?? version;
    const expected = envelope.expectedVersion;
    if (expected !== undefined && (expected < movedAt || expected > version)) {
      return refuse(deps, challengeId, envelope, before, movedOn(expected, version));
    }

    const decision = deps.decide(before, envelope, deps.clock.now());
    if (!decision.ok) return refuse(deps, challengeId, envelope, before, decision.refusal);
    if (decision.events.length === 0) return { decision, challenge: before, transitioned: false };

    const after = decision.events.reduce<Challenge | undefined>(
      // The store numbers events by version: one event, one version, whatever apply does.
      (state, event) => ({ ...deps.apply(state, event), version: (state?.version ?? 0) + 1 }),
      before,
    ) as Challenge;
    const answer: StoredAnswer = { decision, version: after.version };

    try {
      await deps.challenges.commit({
        challengeId,
        etag: loaded?.etag,
        snapshot: after,
        events: decision.events,
        answer: { key: envelope.idempotencyKey, value: answer },
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Someone else wrote first. The next attempt reloads: it finds our key answered,
      // or refuses a stale expectedVersion, or decides again on the fresh state.
      lastConflict = error;
      if (attempt < maxAttempts) await backoff(attempt);
      continue;
    }

    if (deps.personIndex) {
      await deps.personIndex.update(after, before).catch((error: unknown) => deps.onIndexError?.(error));
    }
    return { decision, challenge: after, transitioned: true };
  }
  throw new ConflictError(challengeId, 'exhausted', { cause: lastConflict });
}

function movedOn(expected: number, actual: number): Refusal {
  const changes = actual - expected;
  const what = changes > 0 ? `${changes} change${changes === 1 ? ' has' : 's have'} been made` : 'it has changed';
  return {
    code: 'stale',
    reason: `This challenge has moved on: ${what} since you opened this card. Look at the latest card and try again if you still need to.`,
  };
}

async function refuse(
  deps: CommandRunnerDeps,
  challengeId: string,
  envelope: CommandEnvelope,
  challenge: Challenge | undefined,
  refusal: Refusal,
): Promise<CommandResult> {
  await deps.audit.record({
    challengeId,
    actor: { id: envelope.actor.id, name: envelope.actor.name },
    commandType: envelope.command.type,
    code: refusal.code,
    reason: refusal.reason,
    at: deps.clock.now().toISOString(),
    idempotencyKey: envelope.idempotencyKey,
  });
  return { decision: { ok: false, refusal }, challenge, transitioned: false };
}

/** Full jitter: a random wait up to 10 ms doubling per attempt, at most 250 ms. */
function jitteredWait(attempt: number): Promise<void> {
  const ceiling = Math.min(250, 10 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
