/**
 * The one outbound queue every proactive send goes through. SDK-agnostic: a job carries its
 * own `send()` (bot/ gives the Bot Framework call). It keeps to Teams' limits per conversation
 * and per tenant, retries throttling and gateway errors with backoff and jitter (honouring
 * Retry-After, and holding the whole conversation for it), treats a blocked app as final and
 * reports it, and reports every send that finally failed, so nothing is silently lost.
 * Time comes from the injected clock and sleep, so tests run in virtual time.
 */
import type { Clock } from '../clock';
import { CONVERSATION_LIMITS, SlidingWindowLimiter, TENANT_LIMITS, type RateLimit } from './rate-limiter';
import { backoffMs, classify, retryAfterMs, statusCodeOf, type BackoffOptions } from './retry-policy';

export interface OutboundJob<T = unknown> {
  conversationId: string;
  tenantId?: string;
  /** What is being sent, for the failure report: ids and kinds only, never a name. */
  label?: string;
  /**
   * One attempt. `signal` is aborted once the attempt has taken too long: whatever it started
   * (and any retry of its own underneath) must stop then, or it could still deliver after the
   * queue's retry has, and the message arrives twice.
   */
  send(signal: AbortSignal): Promise<T>;
}

/** A send that will not be made: `blocked` (app uninstalled or blocked) or `failed` (final error, or retries spent). */
export class OutboundError extends Error {
  override readonly name = 'OutboundError';
  readonly statusCode: number | undefined;
  readonly code: string | undefined;
  constructor(
    readonly kind: 'blocked' | 'failed',
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(`Send ${kind} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${errorText(cause)}`, { cause });
    this.statusCode = statusCodeOf(cause);
    const code = (cause as { code?: unknown } | undefined)?.code;
    this.code = typeof code === 'string' ? code : undefined;
  }
}

export interface OutboundQueueOptions {
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. */
  random?: () => number;
  /** Attempts per job, the first included. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  conversationLimits?: readonly RateLimit[];
  tenantLimits?: readonly RateLimit[];
  /** The app is blocked or uninstalled for this conversation: the bot tells the raising side. */
  onBlocked?: (job: OutboundJob, error: OutboundError) => void | Promise<void>;
  /** A send that finally failed (the bot writes it to the audit table). Also called for blocked sends. */
  onFailed?: (job: OutboundJob, error: OutboundError) => void | Promise<void>;
  onRetry?: (job: OutboundJob, error: unknown, attempt: number, waitMs: number) => void;
  /**
   * How long one attempt may take before it counts as a failed one (and is retried): a channel
   * that hangs holds its conversation for this long at most, and no other conversation at all.
   */
  attemptTimeoutMs?: number;
}

/** An attempt that took too long: retried like a dropped connection. */
export class SendTimeout extends Error {
  override readonly name = 'SendTimeout';
  readonly code = 'ETIMEDOUT';
  constructor(ms: number) {
    super(`no answer in ${ms} ms`);
  }
}

export interface OutboundQueue {
  /** Resolves with the send's result once delivered; rejects with an OutboundError when it never will be. */
  send<T>(job: OutboundJob<T>): Promise<T>;
  /** The shape bot/proactive-sender.ts takes: `(conversationId, send) => Promise<T>`. */
  through<T>(conversationId: string, send: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

const DEFAULT_TENANT = 'default';

export function createOutboundQueue(options: OutboundQueueOptions): OutboundQueue {
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 6;
  const backoff = options.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
  const conversations = new SlidingWindowLimiter(options.conversationLimits ?? CONVERSATION_LIMITS);
  const tenants = new SlidingWindowLimiter(options.tenantLimits ?? TENANT_LIMITS);
  /** A conversation the channel told to wait (Retry-After) waits as a whole. */
  const heldUntil = new Map<string, number>();
  const now = () => options.clock.now().getTime();
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 15_000;

  /** The attempt, or a SendTimeout once it has taken too long; then the attempt's signal stops what it started. */
  function timed<T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const abandon = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new SendTimeout(attemptTimeoutMs);
        abandon.abort(error);
        reject(error);
      }, attemptTimeoutMs);
      timer.unref?.();
    });
    return Promise.race([attempt(abandon.signal), timeout]).finally(() => clearTimeout(timer));
  }

  async function slot(job: OutboundJob): Promise<void> {
    const tenant = job.tenantId ?? DEFAULT_TENANT;
    for (;;) {
      const t = now();
      const held = Math.max(0, (heldUntil.get(job.conversationId) ?? 0) - t);
      const wait = Math.max(held, conversations.waitFor(job.conversationId, t), tenants.waitFor(tenant, t));
      if (wait <= 0) {
        // No await between the check and the record: nobody else can take this slot.
        conversations.record(job.conversationId, t);
        tenants.record(tenant, t);
        return;
      }
      await options.sleep(wait);
    }
  }

  async function give(job: OutboundJob, error: OutboundError): Promise<never> {
    if (error.kind === 'blocked') await options.onBlocked?.(job, error);
    await options.onFailed?.(job, error);
    throw error;
  }

  /** One send at a time per conversation: messages keep their order, and a 429 stops the ones behind it. */
  const lanes = new Map<string, Promise<void>>();

  async function send<T>(job: OutboundJob<T>): Promise<T> {
    const ahead = lanes.get(job.conversationId) ?? Promise.resolve();
    let release = (): void => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const lane = ahead.then(() => mine);
    lanes.set(job.conversationId, lane);
    await ahead;
    try {
      return await attempts(job);
    } finally {
      release();
      if (lanes.get(job.conversationId) === lane) lanes.delete(job.conversationId);
    }
  }

  async function attempts<T>(job: OutboundJob<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await slot(job);
      try {
        return await timed((signal) => job.send(signal));
      } catch (error) {
        const verdict = classify(error);
        if (verdict === 'blocked') return give(job, new OutboundError('blocked', attempt, error));
        if (verdict === 'final' || attempt >= maxAttempts)
          return give(job, new OutboundError('failed', attempt, error));
        const retryAfter = retryAfterMs(error, now());
        if (retryAfter !== undefined) {
          heldUntil.set(job.conversationId, Math.max(heldUntil.get(job.conversationId) ?? 0, now() + retryAfter));
        }
        const wait = backoffMs(attempt, random(), backoff, retryAfter);
        options.onRetry?.(job, error, attempt, wait);
        await options.sleep(wait);
      }
    }
  }

  return {
    send,
    through: (conversationId, run) => send({ conversationId, send: run }),
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
