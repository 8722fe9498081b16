/**
 * The real bot as its own process, so its memory is its own: built through the composition
 * root from the environment (config/env) with only a clock and a logger given. The parent
 * talks to it over IPC: its port when it listens, the clock, a digest run, the outbox sweep, log counts.
 */
import { createApp } from '../bot/app';
import { OverridableClock } from '../src/clock';
import { loadConfig } from '../src/config';
import { createScheduler } from '../src/functions/scheduler';
import { createSchedulerDeps } from '../src/functions/scheduler-deps';
import type { Logger } from '../src/logger';
import type { ChildRequest } from './ipc';
import { answer } from './ipc';

/** Warnings and errors by message (never their fields: they may name people), for the report. */
const logged: Record<string, number> = {};
const counting: Logger = {
  info: () => undefined,
  warn: (message) => void (logged[`warn: ${message}`] = (logged[`warn: ${message}`] ?? 0) + 1),
  error: (message) => void (logged[`error: ${message}`] = (logged[`error: ${message}`] ?? 0) + 1),
  child: () => counting,
};

async function main(): Promise<void> {
  const clock = new OverridableClock();
  if (process.env.BENCH_CLOCK) clock.set(process.env.BENCH_CLOCK);
  const app = await createApp(loadConfig(process.env), { clock, logger: counting });
  const port = await app.listen();
  // The scheduler as `npm start` runs it in-process: the app's stores and messenger.
  const scheduler = createScheduler(
    createSchedulerDeps({ stores: app.stores, messenger: app.messenger, clock, logger: counting, kit: app.kit }),
    clock,
  );
  process.on('message', (request: ChildRequest) => {
    void answer(request, async () => {
      if (request.type === 'clock') {
        clock.set(request.now ?? undefined);
        return {};
      }
      if (request.type === 'digest') {
        const started = performance.now();
        const report = await scheduler.digest(new Date(request.now), { force: true });
        return { ms: performance.now() - started, sent: report.sentTo.length, undelivered: report.undelivered.length };
      }
      if (request.type === 'logs') return { logged };
      if (request.type === 'sweep') {
        // What the scheduler's tick does for sends left for later (its other work would send reminders).
        const report = await app.kit.dispatcher.sweep({ graceMs: 0 });
        return { done: report.done, left: report.left };
      }
      return {};
    });
  });
  process.send?.({ type: 'ready', port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
