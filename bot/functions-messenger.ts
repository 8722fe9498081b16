/**
 * Connects the Functions app's scheduler to Teams: the same proactive sender the bot uses,
 * behind the outbound queue. Imported by src/functions/index.ts so botbuilder stays in bot/.
 */
import { systemClock } from '../src/clock';
import { createOutboundQueue } from '../src/outbound';
import { connectProductionMessenger } from '../src/functions/production-messenger';
import { createAdapter } from './adapter';
import { createProactiveSender } from './proactive-sender';

connectProductionMessenger((config, stores, logger) => {
  const queue = createOutboundQueue({
    clock: systemClock,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    onFailed: (job, error) =>
      logger.error('scheduled send failed for good', {
        conversationId: job.conversationId,
        kind: error.kind,
        statusCode: error.statusCode,
      }),
  });
  return createProactiveSender({
    adapter: createAdapter(config, logger),
    appId: config.bot.appId ?? '',
    conversations: stores.conversations,
    logger,
    through: (conversationId, send) => queue.through(conversationId, send),
  });
});
