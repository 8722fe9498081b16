/**
 * The composition root: configuration in, a running bot out. Storage, the turn, the messenger,
 * routes and HTTP server are wired here and nowhere else; `npm start`, production and the
 * tests all build the bot through this one function.
 */
import type restify from 'restify';
import { systemClock, type Clock } from '../src/clock';
import type { Config } from '../src/config';
import { createLogger, type Logger } from '../src/logger';
import { createMailer } from '../src/mail/acs-mailer';
import { procedures } from '../src/procedures';
import { createStores, type Stores } from '../src/store';
import { createTurnKit, type Messenger, type TurnKit } from '../src/turn';
import { createAdapter } from './adapter';
import { ChallengeBot } from './challenge-bot';
import type { SendThrough } from './proactive-sender';
import { createQueuedSender } from './queued-sender';
import { createRoutes } from './routes';
import { createServer, listen } from './server';
import type { Services } from './services';
import { registerTab } from './tab';

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** Rate limiting and retries for proactive sends (the outbound queue). */
  through?: SendThrough;
  /** Routes added by the caller (test clock, tab API). */
  extraRoutes?: (server: restify.Server, services: Services) => void;
  /** How a press's sends are started after its commit (tests hold them to count what the answer waits for). */
  startSends?: (start: () => void) => void;
}

export interface App {
  server: restify.Server;
  services: Services;
  stores: Stores;
  messenger: Messenger;
  /** The turn as this process runs it: the scheduler of a local run shares it. */
  kit: TurnKit;
  listen(): Promise<number>;
  close(): Promise<void>;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger({ service: 'challenge-bot' });
  const clock = options.clock ?? systemClock;
  const stores = createStores({ ...config.storage, prefix: config.tablePrefix }, { clock });
  await stores.ensureTables();

  const adapter = createAdapter(config, logger);
  const messenger = createQueuedSender({
    config,
    adapter,
    conversations: stores.conversations,
    logger,
    through: options.through,
  });
  const kit = createTurnKit({
    stores,
    messenger,
    clock,
    logger,
    leaseMs: config.sendLeaseSeconds * 1000,
    mailer: createMailer(config.mail, logger),
    ...(options.startSends ? { startSends: options.startSends } : {}),
  });
  const services: Services = { clock, logger, stores, messenger, procedures, ...kit };
  const bot = new ChallengeBot(createRoutes(services));
  const server = createServer({
    adapter,
    bot,
    logger,
    checkStorage: () => stores.challenges.load('healthz').then(() => undefined),
    extraRoutes: (s) => {
      registerTab(s, services, config);
      options.extraRoutes?.(s, services);
    },
  });

  return {
    server,
    services,
    stores,
    messenger,
    kit,
    listen: () => listen(server, config.port, config.host),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
