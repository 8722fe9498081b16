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
import { createStores } from '../store';
import { createProductionMessenger } from './production-messenger';
import { SCHEDULES } from './schedules';
import { createScheduler, type Scheduler } from './scheduler';
import { createSchedulerDeps } from './scheduler-deps';

let wired: Promise<Scheduler> | undefined;

function scheduler(): Promise<Scheduler> {
  wired ??= (async () => {
    const config = loadConfig();
    const logger = createLogger({ service: 'challenge-functions' });
    const stores = createStores({ ...config.storage, prefix: config.tablePrefix }, { clock: systemClock });
    await stores.ensureTables();
    const messenger = createProductionMessenger(config, stores, logger);
    return createScheduler(createSchedulerDeps({ stores, messenger, clock: systemClock, logger }), systemClock);
  })();
  wired.catch(() => {
    wired = undefined; // a failed start is tried again on the next run
  });
  return wired;
}

function handler(run: (s: Scheduler) => Promise<unknown>) {
  return async (timer: Timer, context: InvocationContext): Promise<void> => {
    if (timer.isPastDue) context.log('timer is past due: running now (runs are safe to run late)');
    const result = await run(await scheduler());
    context.log(JSON.stringify(result));
  };
}

app.timer('reminders', { schedule: SCHEDULES.reminders, handler: handler((s) => s.tick()) });
app.timer('digest', { schedule: SCHEDULES.digest, handler: handler((s) => s.digest()) });
app.timer('reconcile', { schedule: SCHEDULES.reconcile, handler: handler((s) => s.reconcile()) });
