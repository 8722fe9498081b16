/**
 * One turn, one path, for every command (a card button, a raise, the scheduler's reminder):
 * load the challenge and the answer its key already has (one partition read), check the press
 * (the workflow's one stale rule and guards), decide, then commit in one transaction the
 * snapshot, the events, the idempotency answer and the rows of everything the transition
 * owes (owed.ts), move the deadline index, and return. What is owed is carried out after the
 * answer by the dispatcher, so a slow or failing channel never holds a press. The same press
 * delivered many times gets the same answer and makes one transition.
 */
import type { Clock } from '../clock';
import { errorCode, type Logger } from '../logger';
import { findProcedure } from '../procedures';
import type { Procedure } from '../procedures/schema';
import { ConflictError, type AuditStore, type ChallengeStore, type DeadlineIndex, type Outbox } from '../store';
import { calendarOf } from '../workflow/calendar-of';
import { decide, preflight, type Press } from '../workflow/decide';
import type { Challenge, ChallengeEvent, Command, CommandEnvelope, Decision, Effect, Refusal } from '../workflow/types';
import type { DispatchReport, Dispatcher } from './dispatcher';
import { owedOf } from './owed';
import type { ChannelTarget } from './ports';

/** What a handler makes of a press once the challenge is loaded: a command, or why it is not one. */
export type Built = { command: Command } | { fieldErrors: Record<string, string> } | { refusal: Refusal };

export interface TurnRequest {
  challengeId: string;
  /** For a raise, the procedure chosen; otherwise the challenge's own is used. */
  procedure?: Procedure;
  actor: CommandEnvelope['actor'];
  idempotencyKey: string;
  /** The version of the card pressed, when it was a card. */
  expectedVersion?: number;
  /** The command, or how to build it from the loaded challenge (forms, hand-overs need it). */
  command: Command | ((loaded: { challenge: Challenge; procedure: Procedure }) => Built);
  /** For a built command: which command it would be, so it is refused for who or when before it is built. */
  press?: Pick<Press, 'type' | 'route'>;
  /** Whose card the answer replaces: their own card and feedback are not sent again. */
  presserId?: string;
  /** Where a new challenge's thread goes. */
  channel?: ChannelTarget;
  /** 'after' (a press): the owed sends start behind the answer. 'await': the caller waits for them (the scheduler). */
  sends?: 'after' | 'await';
}

export type TurnResult =
  | {
      kind: 'done';
      procedure: Procedure;
      challenge: Challenge;
      events: ChallengeEvent[];
      effects: Effect[];
      /** True when this press had been answered before (a redelivery or a double press). */
      repeat: boolean;
      /** With sends 'await': what the dispatcher did. */
      dispatched?: DispatchReport;
    }
  | { kind: 'unchanged'; procedure: Procedure; challenge: Challenge }
  | { kind: 'refused'; procedure?: Procedure; challenge?: Challenge; refusal: Refusal }
  | { kind: 'invalid'; procedure: Procedure; challenge: Challenge; fieldErrors: Record<string, string> }
  | { kind: 'notFound' }
  /** Storage did not answer in time: nothing this turn decided was stored. */
  | { kind: 'unavailable' };

export interface TurnService {
  execute(request: TurnRequest): Promise<TurnResult>;
  /** Loads a challenge to show it (refresh, open): one read. */
  view(
    challengeId: string,
  ): Promise<{ procedure: Procedure; challenge: Challenge } | { kind: 'notFound' | 'unavailable' }>;
}

export interface TurnDeps {
  challenges: ChallengeStore;
  outbox: Outbox;
  audit: AuditStore;
  deadlineIndex: DeadlineIndex;
  dispatcher: Dispatcher;
  clock: Clock;
  logger: Logger;
  /** Attempts before giving up on a busy challenge; each lost one means another command won. */
  maxAttempts?: number;
  backoff?: (attempt: number) => Promise<void>;
  /** How long a press may wait for storage before it is told nothing was saved. */
  storageDeadlineMs?: number;
  /**
   * How the sends of a press are started once it is committed: by default on the next turn of
   * the event loop, behind the answer. A test that counts what the answer itself waits for holds
   * them until it has the answer.
   */
  startSends?: (start: () => void) => void;
}

/** What is kept under an idempotency key: enough to give every repeat the same answer. */
interface StoredAnswer {
  decision: { ok: true; events: ChallengeEvent[]; effects: Effect[] };
  version: number;
}

function isStoredAnswer(value: unknown): value is StoredAnswer {
  const v = value as StoredAnswer | undefined;
  return Boolean(v && typeof v === 'object' && v.decision?.ok === true && Array.isArray(v.decision.events));
}

class StorageTimeout extends Error {
  override readonly name = 'StorageTimeout';
}

export function createTurnService(deps: TurnDeps): TurnService {
  const maxAttempts = deps.maxAttempts ?? 10;
  const backoff = deps.backoff ?? jitteredWait;
  const deadlineMs = deps.storageDeadlineMs ?? 4_000;

  const refuse = async (
    request: TurnRequest,
    refusal: Refusal,
    commandType: string,
    procedure?: Procedure,
    challenge?: Challenge,
  ): Promise<TurnResult> => {
    await deps.audit.record({
      challengeId: request.challengeId,
      actor: { id: request.actor.id, name: request.actor.name },
      commandType,
      code: refusal.code,
      reason: refusal.reason,
      at: deps.clock.now().toISOString(),
      idempotencyKey: request.idempotencyKey,
    });
    return { kind: 'refused', refusal, ...(procedure ? { procedure } : {}), ...(challenge ? { challenge } : {}) };
  };

  async function attempt(request: TurnRequest): Promise<TurnResult | 'conflict'> {
    const { loaded, answer } = await deps.challenges.loadForCommand(request.challengeId, request.idempotencyKey);
    const before = loaded?.challenge;
    const procedure = before ? findProcedure(before.procedureId) : request.procedure;
    if (!procedure) return { kind: 'notFound' };

    // A repeat first: a press answered before is answered the same, whatever happened since.
    if (before && (answer !== undefined || before.appliedKeys.includes(request.idempotencyKey))) {
      const stored = answer ?? (await deps.challenges.findAnswer(request.challengeId, request.idempotencyKey));
      if (isStoredAnswer(stored)) {
        const { events, effects } = stored.decision;
        return { kind: 'done', procedure, challenge: before, events, effects, repeat: true };
      }
    }

    const now = deps.clock.now();
    const calendar = calendarOf(procedure);
    let command: Command;
    if (typeof request.command === 'function') {
      if (!before) return { kind: 'notFound' };
      const press = request.press;
      if (press) {
        const early = preflight(
          procedure,
          before,
          {
            ...press,
            actorId: request.actor.id,
            ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
          },
          now,
          calendar,
        );
        if (early) return refuse(request, early, press.type, procedure, before);
      }
      const built = request.command({ challenge: before, procedure });
      if ('refusal' in built) return refuse(request, built.refusal, press?.type ?? 'command', procedure, before);
      if ('fieldErrors' in built)
        return { kind: 'invalid', procedure, challenge: before, fieldErrors: built.fieldErrors };
      command = built.command;
    } else command = request.command;
    if (!before && command.type !== 'raise') return { kind: 'notFound' };

    const envelope: CommandEnvelope = {
      command,
      actor: request.actor,
      idempotencyKey: request.idempotencyKey,
      ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
    };
    const decision: Decision = decide(procedure, before, envelope, now, calendar);
    if (!decision.ok) return refuse(request, decision.refusal, command.type, procedure, before);
    if (decision.events.length === 0 || !decision.after) {
      return before ? { kind: 'unchanged', procedure, challenge: before } : { kind: 'notFound' };
    }
    const after = decision.after;
    const owed = owedOf({
      procedure,
      before,
      after,
      events: decision.events,
      effects: decision.effects,
      ...(request.presserId ? { presserId: request.presserId } : {}),
      ...(request.channel ? { channel: request.channel } : {}),
    });
    const stored: StoredAnswer = {
      decision: { ok: true, events: decision.events, effects: decision.effects },
      version: after.version,
    };

    const indexWarning = (error: unknown) =>
      deps.logger.warn('deadline index update failed; the nightly reconcile repairs it', {
        challengeId: after.id,
        code: errorCode(error),
      });
    // The new wake row alongside the commit (a leftover from a lost commit is dropped by the tick).
    const indexing = deps.deadlineIndex.prepare(after).catch((error: unknown) => {
      indexWarning(error);
      return undefined;
    });
    // Written before the commit: a crash between the commit and the sends leaves it for the sweep.
    const entry =
      owed.length > 0
        ? await deps.outbox.open({ challengeId: request.challengeId, idempotencyKey: request.idempotencyKey })
        : undefined;
    let committed;
    try {
      committed = await deps.challenges.commit({
        challengeId: request.challengeId,
        etag: loaded?.etag,
        snapshot: after,
        events: decision.events,
        answer: { key: request.idempotencyKey, value: stored },
        owed,
        owedClaimedUntil: deps.dispatcher.claimUntil(),
      });
    } catch (error) {
      await indexing;
      if (error instanceof ConflictError) return 'conflict'; // the next attempt reloads and sees who won
      throw error;
    }
    await (await indexing)?.finish().catch(indexWarning);

    const done = {
      kind: 'done' as const,
      procedure,
      challenge: after,
      events: decision.events,
      effects: decision.effects,
      repeat: false,
    };
    if (committed.owed.length === 0) return done;
    if (request.sends === 'await') {
      return { ...done, dispatched: await deps.dispatcher.deliver(after, committed.owed, entry, { held: true }) };
    }
    // Behind the answer: the presser's card is drawn and sent before the sends take the CPU.
    const later = () => deps.dispatcher.deliverSoon(after, committed.owed, entry);
    const sending = deps.startSends
      ? new Promise<unknown>((resolve) =>
          deps.startSends!(() => resolve(deps.dispatcher.deliver(after, committed.owed, entry, { held: true }))),
        )
      : later();
    void sending.catch((error: unknown) =>
      deps.logger.warn('sends after the answer failed; the sweep carries them out', {
        challengeId: after.id,
        code: errorCode(error),
      }),
    );
    return done;
  }

  async function run(request: TurnRequest): Promise<TurnResult> {
    for (let n = 1; n <= maxAttempts; n++) {
      const result = await attempt(request);
      if (result !== 'conflict') return result;
      if (n < maxAttempts) await backoff(n);
    }
    throw new ConflictError(request.challengeId, 'exhausted');
  }

  /** A press is told within the deadline that storage did not answer, never left hanging. */
  async function withinDeadline<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StorageTimeout()), deadlineMs);
      timer.unref?.();
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  const unavailable = (error: unknown, challengeId: string): { kind: 'unavailable' } => {
    if (!(error instanceof StorageTimeout) && !isStorageFailure(error)) throw error;
    deps.logger.warn('storage did not answer a turn', { challengeId, code: errorCode(error) });
    return { kind: 'unavailable' };
  };

  return {
    async execute(request) {
      const work = run(request);
      if (request.sends === 'await') return work;
      try {
        return await withinDeadline(work);
      } catch (error) {
        return unavailable(error, request.challengeId);
      }
    },
    async view(challengeId) {
      try {
        const loaded = await withinDeadline(deps.challenges.load(challengeId));
        const procedure = loaded ? findProcedure(loaded.challenge.procedureId) : undefined;
        return loaded && procedure ? { procedure, challenge: loaded.challenge } : { kind: 'notFound' };
      } catch (error) {
        return unavailable(error, challengeId);
      }
    },
  };
}

/** Storage could not be reached or kept failing: a network error, or a 5xx after its retries. */
function isStorageFailure(error: unknown): boolean {
  const e = error as { code?: unknown; statusCode?: unknown; name?: unknown } | undefined;
  if (typeof e?.statusCode === 'number') return e.statusCode >= 500;
  return e?.name === 'RestError' || (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code));
}

/** Full jitter: a random wait up to 10 ms doubling per attempt, at most 250 ms. */
function jitteredWait(attempt: number): Promise<void> {
  const ceiling = Math.min(250, 10 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
