/**
 * The scheduler as the Functions timers and `npm start` use it: tick, digest and reconcile at
 * the clock's now (a SettableClock in tests, the test clock locally). Shell.
 */
import type { Clock } from '../clock';
import { inTimerRun } from '../telemetry/timer-run';
import { runDigest, type DigestReport } from './digest-run';
import { runReconcile, type ReconcileReport } from './reconcile-run';
import type { SchedulerDeps } from './scheduler-deps';
import { runTick, type TickReport } from './tick';

export interface Scheduler {
  /** What crashed or slow turns still owe, the reminders due, then the digest when it is digest time. */
  tick(now?: Date): Promise<TickReport & { digest: DigestReport; redelivered: number }>;
  digest(now?: Date, options?: { force?: boolean }): Promise<DigestReport>;
  reconcile(now?: Date): Promise<ReconcileReport>;
}

export function createScheduler(deps: SchedulerDeps, clock: Clock): Scheduler {
  // Each run has its correlation id, span and closing log line (src/telemetry).
  return {
    tick: (now = clock.now()) =>
      inTimerRun('tick', deps.logger, async () => {
        const swept = await deps.dispatcher.sweep({ graceMs: deps.outboxGraceMs ?? 60_000 });
        const reminders = await runTick(deps, now);
        // The digest timer may have missed its run: a tick in the digest window catches up.
        const digest = await runDigest(deps, now);
        return { ...reminders, digest, redelivered: swept.done };
      }),
    digest: (now = clock.now(), options = {}) => inTimerRun('digest', deps.logger, () => runDigest(deps, now, options)),
    reconcile: (now = clock.now()) => inTimerRun('reconcile', deps.logger, () => runReconcile(deps, now)),
  };
}

/** Runs `tick` every `intervalMs` in-process (`npm start`); a run still going is not overlapped. Returns stop. */
export function startSchedulerInterval(
  scheduler: Pick<Scheduler, 'tick'>,
  intervalMs: number,
  onError: (error: unknown) => void = () => undefined,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    scheduler
      .tick()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
