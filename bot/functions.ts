/**
 * Azure Functions v4 entry (package.json "main"): the scheduler's timers, connected to Teams
 * through the same proactive sender and outbound queue the bot uses. It lives in bot/ because
 * that sender speaks the Bot Framework; everything else is src/functions/timers.ts.
 */
import { app } from '@azure/functions';
import { loadConfig } from '../src/config';
import { registerTimers, wireScheduler } from '../src/functions/timers';
import { createAdapter } from './adapter';
import { createQueuedSender } from './queued-sender';

registerTimers(app, () =>
  wireScheduler(loadConfig(), (config, stores, logger) =>
    createQueuedSender({ config, adapter: createAdapter(config, logger), conversations: stores.conversations, logger }),
  ),
);
