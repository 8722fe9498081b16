/**
 * One bot turn as telemetry sees it: a correlation id (the activity's id, or a fresh UUID), a
 * span, and one closing log line. Only the activity's type, invoke name and id are read; its
 * text and values never are.
 */
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { Logger } from '../logger';
import { correlationIdFrom, withCorrelation } from './correlation';
import { inSpan } from './tracing';

const ActivityHead = z.object({
  id: z.unknown().optional(),
  type: z.string().max(64).optional().catch(undefined),
  name: z.string().max(64).optional().catch(undefined),
});

export async function inTurn<T>(
  activity: unknown,
  logger: Logger,
  work: () => Promise<T>,
  statusCode: () => number | undefined = () => undefined,
): Promise<T> {
  const head = ActivityHead.safeParse(activity);
  const { id, type = 'unknown', name } = head.success ? head.data : {};
  const correlationId = correlationIdFrom(id);
  const fields = { activityType: type, ...(name ? { invoke: name } : {}) };
  return withCorrelation({ correlationId, kind: 'turn' }, () =>
    inSpan(
      `turn ${type}${name ? ` ${name}` : ''}`,
      { 'challenge.correlation_id': correlationId, 'bot.activity.type': type },
      async () => {
        const started = performance.now();
        try {
          const result = await work();
          logger.info('turn', { ...fields, statusCode: statusCode(), durationMs: elapsed(started) });
          return result;
        } catch (error) {
          logger.error('turn threw', { ...fields, error: (error as Error)?.name, durationMs: elapsed(started) });
          throw error;
        }
      },
    ),
  );
}

export const elapsed = (since: number): number => Math.round(performance.now() - since);
