/**
 * The proactive sender behind the outbound queue: the one way the bot and the Functions app
 * reach Teams on their own initiative. The queue's rate-limit windows run on real time,
 * whatever clock the business logic is given.
 */
import type { CloudAdapter } from 'botbuilder';
import { systemClock } from '../src/clock';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import { createOutboundQueue, statusCodeOf } from '../src/outbound';
import type { ConversationStore } from '../src/store';
import type { Messenger } from '../src/turn';
import { createProactiveSender, type SendThrough } from './proactive-sender';

export function createQueuedSender(deps: {
  config: Config;
  adapter: CloudAdapter;
  conversations: ConversationStore;
  logger: Logger;
  /** Replaces the queue (tests that must not wait on real-time rate limits). */
  through?: SendThrough;
}): Messenger {
  const { logger } = deps;
  const queue = createOutboundQueue({
    clock: systemClock,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    attemptTimeoutMs: deps.config.sendTimeoutSeconds * 1000,
    onRetry: (job, error, attempt, waitMs) =>
      logger.warn('proactive send will be retried', {
        conversationId: job.conversationId,
        attempt,
        waitMs,
        statusCode: statusCodeOf(error),
      }),
    onFailed: (job, error) =>
      logger.error('proactive send failed for good', {
        conversationId: job.conversationId,
        kind: error.kind,
        statusCode: error.statusCode,
        code: error.code,
      }),
  });
  return createProactiveSender({
    adapter: deps.adapter,
    appId: deps.config.bot.appId ?? '',
    conversations: deps.conversations,
    logger,
    through: deps.through ?? ((conversationId, send) => queue.through(conversationId, send)),
  });
}
