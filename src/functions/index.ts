/**
 * Azure Functions v4 entry: the scheduler's timer triggers. Reminders every 15 minutes, the
 * digest on weekday mornings, the reconcile nightly. Every run is safe to repeat or to run
 * late (the host does not retry a failed run). Wired from the environment, once per host.
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import '../../bot/functions-messenger';
import { systemClock } from '../clock';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startTelemetry } from '../telemetry/azure-monitor';
import { withCorrelation } from '../telemetry/correlation';
import { createStores } from '../store';
import { createOutboxSweep, createProductionMessenger, type OutboxSweep } from './production-messenger';
import { SCHEDULES } from './schedules';
import { createScheduler, type Scheduler } from './scheduler';
import { createSchedulerDeps } from './scheduler-deps';

interface Wired {
  scheduler: Scheduler;
  sweepOutbox: OutboxSweep;
}

let wired: Promise<Wired> | undefined;

function wiring(): Promise<Wired> {
  wired ??= (async () => {
    const config = loadConfig();
    await startTelemetry(config, 'challenge-functions'); // once per host process, before any work
    const logger = createLogger({ service: 'challenge-functions' });
    const stores = createStores({ ...config.storage, prefix: config.tablePrefix }, { clock: systemClock });
    await stores.ensureTables();
    const messenger = createProductionMessenger(config, stores, logger);
    return {
      scheduler: createScheduler(createSchedulerDeps({ stores, messenger, clock: systemClock, logger }), systemClock),
      sweepOutbox: createOutboxSweep(config, stores, logger),
    };
  })();
  wired.catch(() => {
    wired = undefined; // a failed start is tried again on the next run
  });
  return wired;
}

function handler(run: (w: Wired) => Promise<unknown>) {
  return async (timer: Timer, context: InvocationContext): Promise<void> => {
    if (timer.isPastDue) context.log('timer is past due: running now (runs are safe to run late)');
    // The invocation id is the run's correlation id (the scheduler's own span and log line carry it).
    const result = await withCorrelation({ correlationId: context.invocationId, kind: 'timer' }, async () =>
      run(await wiring()),
    );
    context.log(JSON.stringify(result));
  };
}

app.timer('reminders', {
  schedule: SCHEDULES.reminders,
  // Each run also delivers what a crashed bot turn still owed (the outbox).
  handler: handler(async (w) => ({ ...(await w.scheduler.tick()), redelivered: await w.sweepOutbox() })),
});
app.timer('digest', { schedule: SCHEDULES.digest, handler: handler((w) => w.scheduler.digest()) });
app.timer('reconcile', { schedule: SCHEDULES.reconcile, handler: handler((w) => w.scheduler.reconcile()) });
