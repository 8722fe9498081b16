/** The HTTP edge: restify serving the Bot Framework endpoint, health, and (when enabled) the test clock. */
import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../src/logger';
import { registerLegalPages } from './legal-pages';
import { inTurn } from '../src/telemetry/turn';

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** Resolves when storage answers; rejects otherwise. */
  checkStorage(): Promise<void>;
  /** Extra routes (test clock, tab API) registered by the composition root. */
  extraRoutes?: (server: restify.Server) => void;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'challenge-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }));

  server.post('/api/messages', async (req, res) => {
    // CloudAdapter authenticates the request (401 without a valid token in production) and runs the turn,
    // under one correlation id and span (src/telemetry).
    await inTurn(
      req.body,
      deps.logger,
      () => deps.adapter.process(req, res, (context) => deps.bot.run(context)),
      () => res.statusCode,
    );
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
      deps.logger.warn('health check: storage unreachable', { error: (error as Error).message });
      res.send(503, { status: 'unavailable', storage: 'unreachable' });
    }
  });

  registerLegalPages(server);
  deps.extraRoutes?.(server);
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
