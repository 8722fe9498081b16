/**
 * What only local runs get (`npm start`): the scheduler on an interval in this process and,
 * with CHALLENGE_TEST_CLOCK=1, the test clock endpoints. Production runs the timers in the
 * Function App and never has a test clock (src/config.ts refuses it).
 */
import type { OverridableClock } from '../src/clock';
import type { Config } from '../src/config';
import { createScheduler, startSchedulerInterval, type Scheduler } from '../src/functions/scheduler';
import { createSchedulerDeps } from '../src/functions/scheduler-deps';
import { errorCode, type Logger } from '../src/logger';
import type { App, AppOptions } from './app';
import { registerTestApi } from './test-api';

export interface LocalExtras {
  appOptions: AppOptions;
  /** Starts the in-process scheduler; returns its stop. */
  startScheduler(app: App): () => void;
}

export function localExtras(config: Config, clock: OverridableClock, logger: Logger): LocalExtras {
  let scheduler: Scheduler | undefined;
  const schedulerOf = (app: App): Scheduler =>
    (scheduler ??= createScheduler(
      createSchedulerDeps({
        stores: app.stores,
        messenger: app.messenger,
        clock,
        logger,
        kit: app.kit,
        outboxGraceMs: config.outboxGraceSeconds * 1000,
      }),
      clock,
    ));
  let appRef: App | undefined;
  return {
    appOptions: {
      extraRoutes: config.testClock
        ? (server) => registerTestApi(server, { clock, tick: (now) => schedulerOf(appRef!).tick(now) })
        : undefined,
    },
    startScheduler(app) {
      appRef = app;
      if (config.schedulerIntervalSeconds <= 0) return () => undefined;
      // Each tick also carries out what a crashed or slow turn still owed (the outbox).
      return startSchedulerInterval(schedulerOf(app), config.schedulerIntervalSeconds * 1000, (error) =>
        logger.warn('scheduler tick failed', { code: errorCode(error) }),
      );
    },
  };
}
