/**
 * Connects the Functions app's scheduler to Teams: the same proactive sender the bot uses,
 * behind the outbound queue, and the outbox sweep that delivers what a crashed bot turn still
 * owed. Imported by src/functions/index.ts so botbuilder stays in bot/.
 */
import { systemClock } from '../src/clock';
import type { Config } from '../src/config';
import { connectOutboxSweep, connectProductionMessenger } from '../src/functions/production-messenger';
import type { Logger } from '../src/logger';
import type { Stores } from '../src/store';
import { createAdapter } from './adapter';
import { sweepOutbox } from './deliver';
import { createQueuedSender } from './queued-sender';
import { createServices } from './services';

function sender(config: Config, stores: Stores, logger: Logger) {
  return createQueuedSender({
    config,
    adapter: createAdapter(config, logger),
    conversations: stores.conversations,
    logger,
  });
}

connectProductionMessenger(sender);

connectOutboxSweep((config, stores, logger) => {
  const services = createServices({ clock: systemClock, logger, stores, messenger: sender(config, stores, logger) });
  return () => sweepOutbox(services);
});
