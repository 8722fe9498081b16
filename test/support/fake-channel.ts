/**
 * A fake Bot Connector service on loopback: it plays the REST API the bot calls back
 * (reply, send, update, create conversation, get member) and records every request,
 * so tests assert on what the channel received. Failures can be scripted (429, 403...), and
 * a gate (a fault plan, the bench's connector policies) can answer a share of requests with
 * an error, or hang them and drop them.
 * `received` holds only what the channel took in with a 2xx: what a Teams user would see.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { checkCardsIn } from './card-check';

export interface RecordedActivity {
  kind: 'send' | 'reply' | 'update' | 'createConversation';
  conversationId: string;
  /** The activity id the channel gave it (or updated). */
  activityId: string;
  replyToId?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  activity: any;
  at: number;
}

export interface ScriptedFailure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Only requests whose path matches. */
  match?: RegExp;
}

/**
 * Decides, before the normal answer, what one request gets: a fault plan (the fault suite),
 * or the bench's connector policies (rate limits, 429 + Retry-After, hangs). Undefined:
 * answered normally and recorded.
 */
export type Gate = (request: IncomingRequest) => GateVerdict | undefined;
/**
 * An answer with this status (and headers, body) that delivers nothing, or a hang: held for
 * `hangMs`, then the connection is dropped without an answer.
 */
export type GateVerdict = { status: number; headers?: Record<string, string>; body?: unknown } | { hangMs: number };

/** A send: a post, a reply, an update or a new conversation (what a gate usually faults). */
export const isSend = (method: string, path: string): boolean =>
  (method === 'POST' || method === 'PUT') && path.startsWith('/v3/conversations');

export interface IncomingRequest {
  method: string;
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface Member {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

export class FakeChannel {
  readonly received: RecordedActivity[] = [];
  /** Raw requests, including ones answered with a scripted failure; status 0: dropped unanswered. */
  readonly requests: { method: string; path: string; status: number; at: number }[] = [];
  /** Requests held and then dropped unanswered: by a gate's hang, or because the caller went away. */
  dropped = 0;
  /** Requests held by a hang whose caller is still there to be answered. */
  heldOpen = 0;
  readonly members = new Map<string, Member>();
  private failures: ScriptedFailure[] = [];
  private hangs: { match: RegExp; released: Promise<void> }[] = [];
  private hung = 0;
  gate: Gate | undefined;
  /** Requests being answered now (a hung one counts until it is dropped). */
  inFlight = 0;
  private server: http.Server | undefined;
  private conversationsCreated = 0;
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next requests (matching `match`) fail with these answers, in order. */
  failNext(...failures: ScriptedFailure[]): void {
    this.failures.push(...failures);
  }

  /**
   * Requests whose path matches are held unanswered until the returned release is called,
   * then answered as usual (as a channel that stalls and recovers).
   */
  hang(match: RegExp): () => void {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const hang = { match, released };
    this.hangs.push(hang);
    return () => {
      this.hangs = this.hangs.filter((h) => h !== hang);
      release();
    };
  }

  /** Requests held by a hang right now. */
  hanging(): number {
    return this.hung;
  }

  clear(): void {
    this.received.length = 0;
    this.requests.length = 0;
    this.failures = [];
  }

  /** Activities sent into a conversation (sends, replies and new conversations), in order. */
  activitiesIn(conversationId: string): RecordedActivity[] {
    return this.received.filter((r) => r.conversationId === conversationId);
  }

  /** Waits until `predicate` holds over what was received (proactive sends happen after the HTTP turn). */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const v = predicate();
      if (v) return v;
      if (performance.now() > until) throw new Error('FakeChannel.waitFor: condition not met in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.inFlight++;
    try {
      await this.answer(req, res);
    } finally {
      this.inFlight--;
    }
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : undefined;
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const method = req.method ?? 'GET';

    const verdict = this.gate?.({ method, path, body });
    if (verdict && 'hangMs' in verdict) {
      this.hung += 1;
      await new Promise((resolve) => setTimeout(resolve, verdict.hangMs));
      this.hung -= 1;
      this.drop(req, res, method, path);
      return;
    }
    const hang = this.hangs.find((h) => h.match.test(path));
    if (hang) {
      this.hung += 1;
      this.heldOpen += 1;
      let gone = false;
      const left = () => {
        if (!gone) this.heldOpen -= 1;
        gone = true;
      };
      req.socket.once('close', left);
      await hang.released;
      this.hung -= 1;
      req.socket.removeListener('close', left);
      // A caller that went away while held (a process killed, a send timed out and cut) got nothing.
      if (gone || res.destroyed || req.socket.destroyed) {
        this.drop(req, res, method, path);
        return;
      }
      left();
    }
    const at = performance.now();
    const failureIndex = this.failures.findIndex((f) => !f.match || f.match.test(path));
    if (verdict || failureIndex >= 0) {
      const f = verdict ?? this.failures.splice(failureIndex, 1)[0]!;
      this.requests.push({ method, path, status: f.status, at });
      res.writeHead(f.status, { 'content-type': 'application/json', ...(f.headers ?? {}) });
      const scriptedBody = 'body' in f ? f.body : undefined;
      res.end(JSON.stringify(scriptedBody ?? { error: { code: 'Scripted', message: `scripted ${f.status}` } }));
      return;
    }
    const answer = this.route(method, path, body);
    this.requests.push({ method, path, status: answer.status, at });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body ?? {}));
  }

  private drop(req: http.IncomingMessage, res: http.ServerResponse, method: string, path: string): void {
    this.dropped += 1;
    this.requests.push({ method, path, status: 0, at: performance.now() });
    res.destroy();
    req.socket.destroy();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private route(method: string, path: string, body: any): { status: number; body?: unknown } {
    let m: RegExpMatchArray | null;
    const record = (r: Omit<RecordedActivity, 'at'>) => {
      checkCardsIn(r.activity, `${r.kind} to ${r.conversationId}`);
      this.received.push({ ...r, at: performance.now() });
    };
    if (method === 'POST' && (m = path.match(/^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/))) {
      const id = randomUUID();
      record({ kind: 'reply', conversationId: m[1]!, activityId: id, replyToId: m[2], activity: body });
      return { status: 200, body: { id } };
    }
    if (method === 'POST' && (m = path.match(/^\/v3\/conversations\/([^/]+)\/activities$/))) {
      const id = randomUUID();
      record({ kind: 'send', conversationId: m[1]!, activityId: id, activity: body });
      return { status: 200, body: { id } };
    }
    if (method === 'PUT' && (m = path.match(/^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/))) {
      record({ kind: 'update', conversationId: m[1]!, activityId: m[2]!, activity: body });
      return { status: 200, body: { id: m[2] } };
    }
    if (method === 'POST' && path === '/v3/conversations') {
      this.conversationsCreated += 1;
      const channelId = body?.channelData?.channel?.id as string | undefined;
      const memberId = body?.members?.[0]?.id as string | undefined;
      const activityId = randomUUID();
      // A channel post's conversation id is the channel id plus the new thread's message id, as in Teams.
      const conversationId = channelId
        ? `${channelId};messageid=${activityId}`
        : `a:personal-${memberId ?? this.conversationsCreated}`;
      if (body?.activity) {
        record({ kind: 'createConversation', conversationId, activityId, activity: body.activity });
      }
      return { status: 201, body: { id: conversationId, activityId } };
    }
    if (method === 'GET' && (m = path.match(/^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/))) {
      const member = this.members.get(m[2]!) ?? [...this.members.values()].find((x) => x.aadObjectId === m![2]);
      return member
        ? { status: 200, body: member }
        : { status: 404, body: { error: { code: 'MemberNotFoundInConversation' } } };
    }
    if (method === 'GET' && (m = path.match(/^\/v3\/conversations\/([^/]+)\/(pagedmembers|members)$/))) {
      const all = [...this.members.values()];
      return { status: 200, body: m[2] === 'pagedmembers' ? { members: all } : all };
    }
    if (method === 'DELETE') return { status: 200 };
    return { status: 404, body: { error: { code: 'NotFound', message: `${method} ${path}` } } };
  }
}
