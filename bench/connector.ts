/**
 * The bench's Bot Connector: the tests' fake channel (test/support/fake-channel.ts) with a
 * policy in front of it. `faults` answers 429 + Retry-After to a share of sends and hangs one
 * in N (held, then dropped: never delivered); `teamsLimits` keeps Teams' published limits
 * (per app per tenant, per conversation) and answers 429 beyond them. Only sends count:
 * posts, replies, updates and new conversations.
 */
import { isSend, type Gate } from '../test/support/fake-channel';
import { seeded } from '../test/support/seeded';

/** The conversation a send goes to ('' for a new conversation). */
const conversationOf = (path: string) => /^\/v3\/conversations\/([^/]+)/.exec(path)?.[1] ?? '';

export interface FaultCounts {
  sends: number;
  throttled: number;
  hung: number;
}

export function faults(options: {
  throttleShare: number;
  hangEvery: number;
  hangMs: number;
  retryAfterSeconds: number;
  seed?: number;
}): { gate: Gate; counts: FaultCounts } {
  const random = seeded(options.seed ?? 9);
  const counts: FaultCounts = { sends: 0, throttled: 0, hung: 0 };
  const gate: Gate = ({ method, path }) => {
    if (!isSend(method, path)) return undefined;
    counts.sends++;
    if (counts.sends % options.hangEvery === Math.floor(options.hangEvery / 2)) {
      counts.hung++;
      return { hangMs: options.hangMs };
    }
    if (random() < options.throttleShare) {
      counts.throttled++;
      return { status: 429, headers: { 'retry-after': String(options.retryAfterSeconds) } };
    }
    return undefined;
  };
  return { gate, counts };
}

interface Limit {
  limit: number;
  windowMs: number;
}

/** Teams' documented limits, written here independently of the outbound queue's own copy. */
export const TEAMS_PER_APP: readonly Limit[] = [{ limit: 50, windowMs: 1_000 }];
export const TEAMS_PER_CONVERSATION: readonly Limit[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

class Windows {
  private readonly times = new Map<string, number[]>();
  constructor(private readonly limits: readonly Limit[]) {}
  full(key: string, now: number): boolean {
    const times = this.times.get(key) ?? [];
    return this.limits.some(({ limit, windowMs }) => times.filter((t) => t > now - windowMs).length >= limit);
  }
  record(key: string, now: number): void {
    const longest = Math.max(...this.limits.map((l) => l.windowMs));
    const times = (this.times.get(key) ?? []).filter((t) => t > now - longest);
    times.push(now);
    this.times.set(key, times);
  }
}

export interface LimitCounts {
  accepted: number;
  throttled: number;
  throttledPerApp: number;
  throttledPerConversation: number;
}

/**
 * Sends beyond the limits get 429 with Retry-After: 1 and are not counted against them.
 * With `enforce: false` nothing is refused: the windows are only kept, for `busy`.
 */
export function teamsLimits(enforce = true): { gate: Gate; counts: LimitCounts; busy(now: number): boolean } {
  const app = new Windows(TEAMS_PER_APP);
  const conversations = new Windows(TEAMS_PER_CONVERSATION);
  const seen = new Set<string>();
  const counts: LimitCounts = { accepted: 0, throttled: 0, throttledPerApp: 0, throttledPerConversation: 0 };
  const gate: Gate = ({ method, path }) => {
    if (!isSend(method, path)) return undefined;
    const now = performance.now();
    const conversation = conversationOf(path);
    const overApp = app.full('app', now);
    const overConversation = conversation !== '' && conversations.full(conversation, now);
    if (enforce && (overApp || overConversation)) {
      counts.throttled++;
      if (overApp) counts.throttledPerApp++;
      else counts.throttledPerConversation++;
      return { status: 429, headers: { 'retry-after': '1' } };
    }
    app.record('app', now);
    if (conversation) {
      conversations.record(conversation, now);
      seen.add(conversation);
    }
    counts.accepted++;
    return undefined;
  };
  // Whether some conversation is at one of its limits now (a queue keeping to them is waiting).
  const busy = (now: number) => [...seen].some((c) => conversations.full(c, now));
  return { gate, counts, busy };
}
