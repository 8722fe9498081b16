/**
 * The outbound queue against a fake Teams that enforces its documented limits (answering 429
 * with Retry-After when they are broken) and throttles some first attempts anyway. Virtual time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { classify, createOutboundQueue, OutboundError, retryAfterMs, type OutboundJob } from '../../../src/outbound';
import { VirtualTime } from './virtual-time';

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly headers: Record<string, string> = {},
    readonly body?: unknown,
  ) {
    super(`HTTP ${statusCode}`);
  }
}

/** Teams as the limits describe it: per conversation 7/1 s, 8/2 s, 60/30 s, 1,800/h; per tenant 50/s. */
class FakeTeams {
  readonly delivered = new Map<string, number>();
  readonly acceptedAt = new Map<string, number[]>();
  readonly tenantAt: number[] = [];
  readonly problems: string[] = [];
  private readonly retryNotBefore = new Map<string, number>();
  private readonly seen = new Set<string>();
  limitAnswers = 0;

  constructor(
    private readonly now: () => number,
    private readonly script: (messageId: string, firstAttempt: boolean) => HttpError | undefined = () => undefined,
  ) {}

  async post(conversationId: string, messageId: string): Promise<string> {
    const t = this.now();
    const notBefore = this.retryNotBefore.get(conversationId) ?? 0;
    if (t < notBefore) this.problems.push(`${messageId} retried ${notBefore - t} ms before Retry-After`);
    const times = this.acceptedAt.get(conversationId) ?? [];
    const over = [
      [7, 1_000],
      [8, 2_000],
      [60, 30_000],
      [1_800, 3_600_000],
    ].some(([limit, window]) => times.filter((x) => x > t - (window as number)).length >= (limit as number));
    const tenantOver = this.tenantAt.filter((x) => x > t - 1_000).length >= 50;
    if (over || tenantOver) {
      this.limitAnswers++;
      return this.refuse(conversationId, new HttpError(429, { 'Retry-After': '1' }), t);
    }
    const first = !this.seen.has(messageId);
    this.seen.add(messageId);
    const scripted = this.script(messageId, first);
    if (scripted) return this.refuse(conversationId, scripted, t);
    this.acceptedAt.set(conversationId, [...times, t]);
    this.tenantAt.push(t);
    this.delivered.set(messageId, (this.delivered.get(messageId) ?? 0) + 1);
    return `activity-${messageId}`;
  }

  private refuse(conversationId: string, error: HttpError, t: number): never {
    const after = error.headers['Retry-After'];
    if (after) this.retryNotBefore.set(conversationId, t + Number(after) * 1000);
    throw error;
  }
}

function jobs(teams: FakeTeams, conversations: number, perConversation: number): OutboundJob<string>[] {
  const list: OutboundJob<string>[] = [];
  for (let m = 0; m < perConversation; m++) {
    for (let c = 0; c < conversations; c++) {
      const id = `c${c}-m${m}`;
      list.push({ conversationId: `conv-${c}`, label: id, send: () => teams.post(`conv-${c}`, id) });
    }
  }
  return list;
}

describe('outbound queue', () => {
  it('delivers every message once when Teams answers 429 with Retry-After, keeping to its limits', async () => {
    const time = new VirtualTime();
    // Every 4th message is throttled on its first attempt (Retry-After 3 s); every 9th gets a 502, every 11th a 412.
    const teams = new FakeTeams(
      () => time.clock.now().getTime(),
      (id, first) => {
        const n = Number(id.split('-m')[1]) * 10 + Number(id.slice(1, id.indexOf('-')));
        if (!first) return undefined;
        if (n % 4 === 0) return new HttpError(429, { 'Retry-After': '3' });
        if (n % 9 === 0) return new HttpError(502);
        if (n % 11 === 0) return new HttpError(412);
        return undefined;
      },
    );
    const failed: string[] = [];
    const queue = createOutboundQueue({
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.5,
      onFailed: (job) => void failed.push(job.label ?? ''),
    });
    const all = jobs(teams, 5, 40);
    const results = await time.run(Promise.all(all.map((job) => queue.send(job))));

    assert.equal(results.length, 200);
    assert.deepEqual(failed, []);
    assert.equal(teams.delivered.size, 200, 'every message delivered');
    assert.ok(
      [...teams.delivered.values()].every((count) => count === 1),
      'none twice',
    );
    assert.deepEqual(teams.problems, [], 'no retry came before its Retry-After');
    assert.equal(teams.limitAnswers, 0, 'the queue itself never broke a Teams limit');
  });

  it('keeps to the per-conversation and per-tenant windows in its own pacing', async () => {
    const time = new VirtualTime();
    const teams = new FakeTeams(() => time.clock.now().getTime());
    const queue = createOutboundQueue({ clock: time.clock, sleep: time.sleep, random: () => 0.5 });
    await time.run(
      Promise.all(
        [...jobs(teams, 1, 100), ...jobs(teams, 120, 1)].map((job) =>
          queue.send({ ...job, conversationId: job.conversationId === 'conv-0' ? 'busy' : job.conversationId }),
        ),
      ),
    );
    const busy = [...teams.acceptedAt.values()].flat().length;
    assert.equal(busy, 220);
    assert.equal(teams.limitAnswers, 0);
  });

  it('treats 403 MessageWritesBlocked as final: not retried, reported as blocked and as failed', async () => {
    const time = new VirtualTime();
    let attempts = 0;
    const blocked: string[] = [];
    const failed: string[] = [];
    const queue = createOutboundQueue({
      clock: time.clock,
      sleep: time.sleep,
      onBlocked: (job) => void blocked.push(job.label ?? ''),
      onFailed: (job, error) => void failed.push(`${job.label}:${error.kind}`),
    });
    const send = async (): Promise<string> => {
      attempts++;
      throw new HttpError(403, {}, { error: { code: 'MessageWritesBlocked', message: 'Thread is blocked.' } });
    };
    const error = await time
      .run(queue.send({ conversationId: 'a', label: 'reminder-1', send }))
      .catch((e: unknown) => e);
    assert.ok(error instanceof OutboundError);
    assert.equal(error.kind, 'blocked');
    assert.equal(error.statusCode, 403);
    assert.equal(attempts, 1);
    assert.deepEqual(blocked, ['reminder-1']);
    assert.deepEqual(failed, ['reminder-1:blocked']);
  });

  it('reports a send that keeps failing after its attempts, and a final error at once', async () => {
    const time = new VirtualTime();
    const failed: string[] = [];
    const queue = createOutboundQueue({
      clock: time.clock,
      sleep: time.sleep,
      maxAttempts: 4,
      onFailed: (job, error) => void failed.push(`${job.label}:${error.attempts}`),
    });
    let gateway = 0;
    let bad = 0;
    const a = queue.send({
      conversationId: 'a',
      label: 'gateway',
      send: async () => {
        gateway++;
        throw new HttpError(504);
      },
    });
    const b = queue.send({
      conversationId: 'b',
      label: 'bad',
      send: async () => {
        bad++;
        throw new HttpError(400);
      },
    });
    await time.run(Promise.allSettled([a, b]));
    assert.equal(gateway, 4);
    assert.equal(bad, 1);
    assert.deepEqual(failed.sort(), ['bad:1', 'gateway:4']);
  });

  it('cuts an attempt that took too long (its signal aborts) before the retry, so only one of them can land', async () => {
    const signals: AbortSignal[] = [];
    const delivered: number[] = [];
    // The queue's own waits pass in an instant of virtual time; the attempt's timeout is real.
    let t = 0;
    const queue = createOutboundQueue({
      clock: { now: () => new Date(t) },
      sleep: async (ms) => {
        t += ms;
      },
      random: () => 0,
      attemptTimeoutMs: 20,
    });
    const result = await queue.send({
      conversationId: 'conv',
      send: (signal) => {
        signals.push(signal);
        const attempt = signals.length;
        // The first attempt hangs and would land late unless cut; the second answers at once.
        if (attempt === 2) return Promise.resolve('second');
        return new Promise<string>((resolve, reject) => {
          const late = setTimeout(() => (delivered.push(attempt), resolve('late')), 60);
          signal.addEventListener('abort', () => (clearTimeout(late), reject(signal.reason)));
        });
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(result, 'second');
    assert.equal(signals.length, 2);
    assert.equal(signals[0]!.aborted, true, 'the attempt that timed out was told to stop');
    assert.equal(signals[1]!.aborted, false);
    assert.deepEqual(delivered, [], 'and did not land');
  });

  it('reads Retry-After as seconds, as an HTTP date, from headers.get, or from retryAfter', () => {
    const now = Date.parse('2026-11-16T10:00:00Z');
    assert.equal(retryAfterMs({ headers: { 'retry-after': '2' } }, now), 2000);
    assert.equal(
      retryAfterMs({ response: { headers: new Headers({ 'Retry-After': 'Mon, 16 Nov 2026 10:00:05 GMT' }) } }, now),
      5000,
    );
    assert.equal(retryAfterMs({ retryAfter: 1.5 }, now), 1500);
    assert.equal(retryAfterMs({ headers: {} }, now), undefined);
  });

  it('retries a connection dropped or timed out mid-request; a 400 is final', () => {
    assert.equal(classify({ code: 'REQUEST_SEND_ERROR', message: 'socket hang up' }), 'retry');
    assert.equal(classify({ code: 'ECONNRESET' }), 'retry');
    assert.equal(classify({ code: 'ETIMEDOUT' }), 'retry');
    assert.equal(classify(new HttpError(400)), 'final');
  });
});
