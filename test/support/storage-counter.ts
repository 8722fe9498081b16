/**
 * A recording proxy on loopback in front of Azurite's Table endpoint: every Table Storage
 * request the bot (or a scheduler) makes is recorded with its method, path, table, kind and
 * the entities it returned, so a test or the bench can say "this press made N requests
 * before its answer". Give the code under test `connectionString` instead of Azurite's.
 *
 * Times are `performance.now()` of this process, taken when the request arrived: a caller
 * running in the same process splits what came before its answer from what came after
 * (proactive sends delivered later) with `before(t)` and `from(t)`.
 *
 * `hold()` makes storage stop answering (requests wait, as at a node that stalled) and
 * `release()` lets them go on to whatever is behind it now: the fault tests kill Azurite in
 * between, so what was held meets a dead port.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type StorageRequestKind =
  | 'point read'
  | 'query'
  | 'transaction'
  | 'insert'
  | 'upsert'
  | 'update'
  | 'delete'
  | 'create table'
  | 'list tables'
  | 'delete table'
  | 'other';

export interface StorageOperation {
  method: string;
  table: string;
  kind: StorageRequestKind;
}

export interface StorageRequest {
  /** performance.now() when the request arrived at the proxy. */
  at: number;
  /** performance.now() when its answer was passed back. */
  doneAt: number;
  method: string;
  /** The path after the account name, decoded, without the query string. */
  path: string;
  table: string;
  kind: StorageRequestKind;
  status: number;
  /** Entities the answer carried (a point read 1, a query page its rows). */
  entities: number;
  /** A transaction's operations, in order. */
  operations?: StorageOperation[];
}

export interface StorageSummary {
  requests: number;
  entitiesRead: number;
  byKind: Record<string, number>;
  byTable: Record<string, number>;
}

export class StorageCounter {
  readonly requests: StorageRequest[] = [];
  private server: http.Server | undefined;
  private readonly target: URL;
  private readonly account: string;
  private readonly accountKey: string;
  private inFlight = 0;
  /** Passed on to Azurite and not yet answered. */
  private upstream = 0;
  private held: (() => void)[] | undefined;
  connectionString = '';

  /** `connectionString`: Azurite's (an explicit TableEndpoint, AccountName and AccountKey). */
  constructor(connectionString: string) {
    const parts = Object.fromEntries(
      connectionString
        .split(';')
        .filter(Boolean)
        .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
    );
    if (!parts.TableEndpoint || !parts.AccountName || !parts.AccountKey) {
      throw new Error('StorageCounter needs a connection string with TableEndpoint, AccountName and AccountKey');
    }
    this.target = new URL(parts.TableEndpoint);
    this.account = parts.AccountName;
    this.accountKey = parts.AccountKey;
  }

  async start(): Promise<this> {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    this.server = http.createServer((req, res) => this.forward(req, res, agent));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const port = (this.server.address() as AddressInfo).port;
    const endpoint = `http://127.0.0.1:${port}${this.target.pathname.replace(/\/$/, '')}`;
    this.connectionString = `DefaultEndpointsProtocol=http;AccountName=${this.account};AccountKey=${this.accountKey};TableEndpoint=${endpoint};`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** New requests wait until `release()`; resolves once none of those passed on is still unanswered. */
  async hold(): Promise<void> {
    this.held ??= [];
    while (this.upstream > 0) await new Promise((r) => setTimeout(r, 5));
  }

  /** The held requests, and every later one, go on to the target again. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const go of held) go();
  }

  reset(): void {
    this.requests.length = 0;
  }

  /** Requests that arrived before `t` (e.g. the moment the caller got its HTTP answer). */
  before(t: number): StorageRequest[] {
    return this.requests.filter((r) => r.at < t);
  }

  /** Requests that arrived at or after `t`. */
  from(t: number): StorageRequest[] {
    return this.requests.filter((r) => r.at >= t);
  }

  /** Waits until no request has arrived for `quietMs` and none is in flight (sends after an answer). */
  async settle(quietMs = 300, timeoutMs = 10_000): Promise<void> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const last = Math.max(0, ...this.requests.map((r) => r.doneAt));
      const now = performance.now();
      if (this.inFlight === 0 && now - last >= quietMs) return;
      if (now > until) throw new Error('StorageCounter.settle: storage did not go quiet in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse, agent: http.Agent): void {
    const at = performance.now();
    this.inFlight++;
    const requestChunks: Buffer[] = [];
    req.on('data', (c: Buffer) => requestChunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(requestChunks);
      if (this.held) this.held.push(() => this.pass(req, res, agent, at, body));
      else this.pass(req, res, agent, at, body);
    });
  }

  private pass(req: http.IncomingMessage, res: http.ServerResponse, agent: http.Agent, at: number, body: Buffer): void {
    this.upstream++;
    const described = () => describeRequest(req.method ?? 'GET', req.url ?? '/', req.headers, body, this.account);
    const upstream = http.request(
      {
        host: this.target.hostname,
        port: this.target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: this.target.host },
        agent,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const answerBody = Buffer.concat(chunks);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(answerBody);
          this.inFlight--;
          this.upstream--;
          const what = described();
          const reads = what.kind === 'point read' || what.kind === 'query';
          this.requests.push({
            ...what,
            at,
            doneAt: performance.now(),
            status: answer.statusCode ?? 0,
            entities: reads ? entitiesIn(answer.statusCode ?? 0, answerBody) : 0,
          });
        });
      },
    );
    upstream.on('error', (error) => {
      this.inFlight--;
      this.upstream--;
      // No answer from storage (it is down): recorded with status 0, and the caller's connection dropped.
      this.requests.push({ ...described(), at, doneAt: performance.now(), status: 0, entities: 0 });
      res.destroy(error);
    });
    upstream.end(body);
  }
}

/** Counts by kind and by table (the table prefix taken off when given). */
export function summarise(requests: readonly StorageRequest[], prefix = ''): StorageSummary {
  const byKind: Record<string, number> = {};
  const byTable: Record<string, number> = {};
  for (const r of requests) {
    byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    const table = prefix && r.table.startsWith(prefix) ? r.table.slice(prefix.length) : r.table;
    byTable[table] = (byTable[table] ?? 0) + 1;
  }
  return { requests: requests.length, entitiesRead: requests.reduce((n, r) => n + r.entities, 0), byKind, byTable };
}

type Described = Pick<StorageRequest, 'method' | 'path' | 'table' | 'kind' | 'operations'>;

function describeRequest(
  method: string,
  url: string,
  headers: http.IncomingHttpHeaders,
  body: Buffer,
  account: string,
): Described {
  const rawPath = url.split('?')[0] ?? '/';
  const path = decodeURIComponent(rawPath).replace(new RegExp(`^/${account}`), '') || '/';
  if (method === 'POST' && path === '/$batch') {
    const operations = batchOperations(body.toString('utf8'), account);
    return { method, path, table: operations[0]?.table ?? '', kind: 'transaction', operations };
  }
  return { path, ...classify(method, path, headers['if-match'] !== undefined) };
}

function classify(method: string, path: string, ifMatch: boolean): StorageOperation {
  const tables = /^\/Tables(?:\('([^']*)'\))?$/.exec(path);
  if (tables) {
    const table = tables[1] ?? '';
    if (method === 'GET') return { method, table, kind: 'list tables' };
    if (method === 'POST') return { method, table, kind: 'create table' };
    if (method === 'DELETE') return { method, table, kind: 'delete table' };
    return { method, table, kind: 'other' };
  }
  const m = /^\/([^/(]+)(\((.*)\))?$/.exec(path);
  if (!m) return { method, table: '', kind: 'other' };
  const table = m[1]!;
  const keys = (m[3] ?? '').includes('RowKey');
  if (method === 'GET') return { method, table, kind: keys ? 'point read' : 'query' };
  if (method === 'POST') return { method, table, kind: 'insert' };
  if (method === 'PUT' || method === 'MERGE' || method === 'PATCH') {
    return { method, table, kind: ifMatch ? 'update' : 'upsert' };
  }
  if (method === 'DELETE') return { method, table, kind: 'delete' };
  return { method, table, kind: 'other' };
}

/** The operations of a $batch body: each changeset part holds "VERB http://host/account/table(...) HTTP/1.1". */
function batchOperations(body: string, account: string): StorageOperation[] {
  const operations: StorageOperation[] = [];
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const request = /^(GET|POST|PUT|MERGE|PATCH|DELETE) (\S+) HTTP\/1\.1$/.exec(lines[i]!);
    if (!request) continue;
    const [, method, target] = request as unknown as [string, string, string];
    const url = new URL(target, 'http://x');
    const path = decodeURIComponent(url.pathname).replace(new RegExp(`^/${account}`), '');
    // The operation's own headers follow until a blank line; If-Match there makes it an update.
    let ifMatch = false;
    for (let j = i + 1; j < lines.length && lines[j] !== ''; j++) if (/^if-match:/i.test(lines[j]!)) ifMatch = true;
    operations.push(classify(method, path, ifMatch));
  }
  return operations;
}

function entitiesIn(status: number, body: Buffer): number {
  if (status !== 200 || body.length === 0) return 0;
  const text = body.toString('utf8');
  if (!text.startsWith('{')) return 0;
  try {
    const parsed = JSON.parse(text) as { value?: unknown };
    if (Array.isArray(parsed.value)) return parsed.value.length;
    return 'odata.metadata' in parsed || 'PartitionKey' in parsed ? 1 : 0;
  } catch {
    return 0;
  }
}
