/**
 * One scheduler run (reminders tick, digest, reconcile) as telemetry sees it: a correlation id
 * (the one already in force, e.g. the Functions invocation's, or a fresh UUID), a span, and
 * one closing log line.
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from '../logger';
import { correlationIdFrom, currentCorrelation, withCorrelation } from './correlation';
import { inSpan } from './tracing';
import { elapsed } from './turn';

export function inTimerRun<T>(timer: string, logger: Logger | undefined, work: () => Promise<T>): Promise<T> {
  const outer = currentCorrelation();
  const correlationId = outer?.kind === 'timer' ? outer.correlationId : correlationIdFrom(undefined);
  return withCorrelation({ correlationId, kind: 'timer' }, () =>
    inSpan(`timer ${timer}`, { 'challenge.correlation_id': correlationId, 'challenge.timer': timer }, async () => {
      const started = performance.now();
      try {
        const result = await work();
        logger?.info('timer run', { timer, durationMs: elapsed(started) });
        return result;
      } catch (error) {
        logger?.error('timer run failed', { timer, error: String(error), durationMs: elapsed(started) });
        throw error;
      }
    }),
  );
}
