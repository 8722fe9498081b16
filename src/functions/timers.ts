/**
 * The scheduler's Azure Functions v4 timer triggers: reminders every 15 minutes (each run also
 * carries out what crashed or slow turns still owe), the digest on weekday mornings, the
 * reconcile nightly. Every run is safe to repeat or to run late (the host does not retry a
 * failed run). Registered by the Functions entry (bot/functions.ts) with a factory that wires
 * the scheduler once per host process, so nothing here is filled in by a side effect.
 */
import type { InvocationContext, Timer, TimerFunctionOptions } from '@azure/functions';
import type { Config } from '../config';
import { createLogger, type Logger } from '../logger';
import { createMailer } from '../mail/acs-mailer';
import { createStores, type Stores } from '../store';
import { startTelemetry } from '../telemetry/azure-monitor';
import { withCorrelation } from '../telemetry/correlation';
import type { Messenger } from '../turn';
import { systemClock } from '../clock';
import { SCHEDULES } from './schedules';
import { createScheduler, type Scheduler } from './scheduler';
import { createSchedulerDeps } from './scheduler-deps';

export interface FunctionsHost {
  timer(name: string, options: TimerFunctionOptions): void;
}

/** How the Functions app reaches Teams: given by bot/, which alone speaks the Bot Framework. */
export type MessengerFactory = (config: Config, stores: Stores, logger: Logger) => Messenger;

/** The scheduler of one host process: stores, one messenger (one outbound queue, one rate limiter), one turn. */
export async function wireScheduler(config: Config, messengerFor: MessengerFactory): Promise<Scheduler> {
  await startTelemetry(config, 'challenge-functions'); // once per host process, before any work
  const logger = createLogger({ service: 'challenge-functions' });
  const stores = createStores({ ...config.storage, prefix: config.tablePrefix }, { clock: systemClock });
  await stores.ensureTables();
  const messenger = messengerFor(config, stores, logger);
  const deps = createSchedulerDeps({
    stores,
    messenger,
    clock: systemClock,
    logger,
    leaseMs: config.sendLeaseSeconds * 1000,
    outboxGraceMs: config.outboxGraceSeconds * 1000,
    mailer: createMailer(config.mail, logger),
  });
  return createScheduler(deps, systemClock);
}

export function registerTimers(host: FunctionsHost, scheduler: () => Promise<Scheduler>): void {
  let wired: Promise<Scheduler> | undefined;
  const once = (): Promise<Scheduler> => {
    wired ??= scheduler();
    wired.catch(() => {
      wired = undefined; // a failed start is tried again on the next run
    });
    return wired;
  };
  const handler = (run: (s: Scheduler) => Promise<unknown>) => async (timer: Timer, context: InvocationContext) => {
    if (timer.isPastDue) context.log('timer is past due: running now (runs are safe to run late)');
    // The invocation id is the run's correlation id (the scheduler's own span and log line carry it).
    const result = await withCorrelation({ correlationId: context.invocationId, kind: 'timer' }, async () =>
      run(await once()),
    );
    context.log(JSON.stringify(result));
  };
  host.timer('reminders', { schedule: SCHEDULES.reminders, handler: handler((s) => s.tick()) });
  host.timer('digest', { schedule: SCHEDULES.digest, handler: handler((s) => s.digest()) });
  host.timer('reconcile', { schedule: SCHEDULES.reconcile, handler: handler((s) => s.reconcile()) });
}
