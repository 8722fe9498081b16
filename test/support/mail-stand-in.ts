/**
 * A local stand-in for Azure Communication Services Email on loopback: it answers the REST
 * API the real client (@azure/communication-email) calls (`POST /emails:send`, then the
 * operation it returns) and keeps every message it accepted, for tests to read.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

export interface ReceivedMail {
  senderAddress: string;
  to: { address: string; displayName?: string }[];
  subject: string;
  plainText: string;
  html: string;
  /** The Authorization header's scheme: the real client signs each request (HMAC-SHA256). */
  authorization: string;
}

export class MailStandIn {
  readonly received: ReceivedMail[] = [];
  private server: http.Server | undefined;
  url = '';

  /** A connection string for the real client; the key is any base64 (the stand-in does not check it). */
  get connectionString(): string {
    return `endpoint=${this.url};accesskey=${Buffer.from('local-stand-in-key').toString('base64')}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Resolves once `count` messages have come (the client polls for each send's outcome). */
  async waitFor(count: number, timeoutMs = 15_000): Promise<void> {
    const until = performance.now() + timeoutMs;
    while (this.received.length < count) {
      if (performance.now() > until) throw new Error(`MailStandIn: ${this.received.length} of ${count} messages came`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = (req.url ?? '').split('?')[0];
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && path === '/emails:send') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        senderAddress: string;
        recipients: { to: { address: string; displayName?: string }[] };
        content: { subject: string; plainText: string; html: string };
      };
      this.received.push({
        senderAddress: body.senderAddress,
        to: body.recipients.to,
        subject: body.content.subject,
        plainText: body.content.plainText,
        html: body.content.html,
        authorization: String(req.headers.authorization ?? '').split(' ')[0] ?? '',
      });
      const id = randomUUID();
      return json(
        202,
        { id, status: 'Running' },
        {
          'operation-location': `${this.url}emails/operations/${id}?api-version=2025-09-01`,
          'retry-after': '0',
        },
      );
    }
    const operation = /^\/emails\/operations\/([^/]+)$/.exec(path ?? '');
    if (req.method === 'GET' && operation) return json(200, { id: operation[1], status: 'Succeeded' });
    json(404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
  }
}
