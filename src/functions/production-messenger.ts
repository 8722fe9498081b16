/**
 * THE HOOK THE LEAD CONNECTS: the messenger the Functions app sends through in production.
 * It must be bot/'s proactive sender (bot/proactive-sender.ts) with the outbound queue
 * (src/outbound) as its `through`, built from the same config as the bot. It lives in bot/
 * because it needs botbuilder; src/ cannot import it, so it is registered here at start-up.
 */
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Stores } from '../store';
import type { SchedulerMessenger } from './messenger';

export type MessengerFactory = (config: Config, stores: Stores, logger: Logger) => SchedulerMessenger;

let factory: MessengerFactory | undefined;

/** Called once by the Functions entry's composition (e.g. a bot/functions-messenger.ts imported by the host). */
export function connectProductionMessenger(create: MessengerFactory): void {
  factory = create;
}

export function createProductionMessenger(config: Config, stores: Stores, logger: Logger): SchedulerMessenger {
  if (!factory) {
    throw new Error(
      'No messenger connected for the Functions app: call connectProductionMessenger() with bot/ proactive sender (issue 5 follow-up).',
    );
  }
  return factory(config, stores, logger);
}

/** Delivers what crashed bot turns still owe (bot/deliver.ts's outbox sweep); returns how many. */
export type OutboxSweep = () => Promise<number>;
export type OutboxSweepFactory = (config: Config, stores: Stores, logger: Logger) => OutboxSweep;

let sweepFactory: OutboxSweepFactory | undefined;

/** Registered by bot/functions-messenger.ts with the messenger, for the same reason. */
export function connectOutboxSweep(create: OutboxSweepFactory): void {
  sweepFactory = create;
}

export function createOutboxSweep(config: Config, stores: Stores, logger: Logger): OutboxSweep {
  if (!sweepFactory) {
    throw new Error('No outbox sweep connected for the Functions app: import bot/functions-messenger first.');
  }
  return sweepFactory(config, stores, logger);
}
