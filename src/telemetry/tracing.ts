/**
 * Spans through the OpenTelemetry API. With no SDK registered (no App Insights), the API's
 * tracer is a no-op: the spans cost next to nothing and go nowhere.
 */
import { SpanStatusCode, isSpanContextValid, trace, type Attributes } from '@opentelemetry/api';

const tracerName = 'challenge';

/** Runs `work` in a new active span (a child of the current one, e.g. the HTTP request's). */
export function inSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return trace.getTracer(tracerName).startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      // Only the error's class: its message may carry case data.
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name ?? 'Error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active trace and span ids, when a real (recording) trace is under way. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? { traceId: context.traceId, spanId: context.spanId } : undefined;
}
