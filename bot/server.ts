/**
 * The HTTP edge: restify serving the Bot Framework endpoint, health, and (when enabled) the test
 * clock. Only what the Bot Framework sends is accepted: a JSON body, read into memory within a
 * size limit (no upload ever reaches the disk), and in production a bearer token before
 * anything else is done. Every refusal is a 4xx with a few words, never an exception's text.
 */
import restify from 'restify';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../src/logger';
import { errorFields } from '../src/telemetry/redact';
import type { ChallengeAdapter } from './adapter';
import { discard, hasBody, readJsonBody, refuse } from './http-body';
import { registerLegalPages } from './legal-pages';
import { inTurn } from '../src/telemetry/turn';

const MESSAGES = '/api/messages';
/** A bearer token as the Bot Connector sends one: a JWT, far below this size. */
const bearer = /^Bearer [\w.~+/=-]{1,16384}$/;

type RestifyError = Error & { statusCode?: number; toJSON?: () => unknown };

function plainWords(status: number): string {
  if (status === 404) return 'There is nothing here.';
  if (status === 405) return 'That method is not allowed here.';
  if (status < 500) return 'The request was not accepted.';
  return 'Something went wrong on our side.';
}

export interface ServerDeps {
  adapter: ChallengeAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** Resolves when storage answers; rejects otherwise. */
  checkStorage(): Promise<void>;
  /** Extra routes (test clock, tab API) registered by the composition root. */
  extraRoutes?: (server: restify.Server) => void;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'challenge-bot', handleUncaughtExceptions: false });
  // Every other route's body: JSON within the limit, or none. The messaging endpoint reads its own, after the token.
  server.use((req, res, next) => {
    if (req.getPath() === MESSAGES || !hasBody(req)) return next();
    void readJsonBody(req).then((read) => {
      if (read.ok) {
        req.body = read.value;
        return next();
      }
      res.send(read.status, { error: read.error });
      return next(false);
    });
  });

  server.post(MESSAGES, async (req, res) => {
    const answer = (status: number, body?: unknown) => {
      if (body === undefined) res.send(status);
      else res.send(status, body);
    };
    // A body refused unread is dropped as it arrives; the connection is not kept for more.
    const refuseUnread = (status: number, body?: unknown) => {
      res.setHeader('connection', 'close');
      answer(status, body);
    };
    const authorization = req.headers.authorization ?? '';
    // Production: no token, no work. The body is not even read.
    if (deps.adapter.authRequired && !bearer.test(authorization)) return refuseUnread(refuse(req, 401, '').status);
    const read = await readJsonBody(req);
    if (!read.ok && read.status !== 400) return refuseUnread(read.status, { error: read.error });
    if (!read.ok) return answer(deps.adapter.authRequired ? 401 : 400, { error: read.error });
    try {
      // The adapter authenticates (401), checks the envelope (400) and runs the turn, under one
      // correlation id and span (src/telemetry).
      let status: number | undefined;
      const handled = await inTurn(
        read.value,
        deps.logger,
        async () => {
          const result = await deps.adapter.handle(read.value, authorization, (context) => deps.bot.run(context));
          status = result.status;
          return result;
        },
        () => status,
      );
      answer(handled.status, handled.body);
    } catch (error) {
      deps.logger.error('messaging endpoint failed', errorFields(error));
      discard(req);
      if (!res.headersSent) answer(500, { error: 'Something went wrong on our side.' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    try {
      // A health probe must answer promptly: storage that takes longer than this counts as down.
      await Promise.race([
        deps.checkStorage(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('storage did not answer in time')), 2000).unref()),
      ]);
      res.send(200, { status: 'ok', storage: 'reachable' });
    } catch (error) {
      deps.logger.warn('health check: storage unreachable', errorFields(error));
      res.send(503, { status: 'unavailable', storage: 'unreachable' });
    }
  });

  registerLegalPages(server);
  deps.extraRoutes?.(server);
  // restify's own answers (no such route, wrong method, a handler that threw) would quote the
  // request path or the exception: only the status and a few words go back.
  server.on(
    'restifyError',
    (_req: restify.Request, _res: restify.Response, error: RestifyError, callback: () => void) => {
      const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
      if (status >= 500) deps.logger.error('request failed', errorFields(error));
      error.toJSON = () => ({ error: plainWords(status) });
      error.toString = () => plainWords(status);
      return callback();
    },
  );
  return server;
}

export async function listen(server: restify.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}
