/**
 * Structured logs as one JSON line each. Callers pass ids and codes, never names of children
 * or adults: `safeFields` (src/telemetry/redact.ts) keeps only id-, code- and count-shaped
 * fields, so case text cannot be logged even by mistake. Each line carries the correlation id
 * of the turn or scheduler run in hand and, when Application Insights is on, its trace ids;
 * it is also sent there as a log record.
 */
import { currentCorrelation } from './telemetry/correlation';
import { exportLog, type LogLevel } from './telemetry/log-export';
import { safeFields } from './telemetry/redact';
import { activeTraceIds } from './telemetry/tracing';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export function createLogger(
  base: Record<string, unknown> = {},
  write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  clock: () => string = () => new Date().toISOString(),
): Logger {
  const log =
    (level: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      const correlation = currentCorrelation();
      // A correlation id given explicitly (a child logger's) wins over the one in force.
      const safe = safeFields({ correlationId: correlation?.correlationId, ...activeTraceIds(), ...base, ...fields });
      write(JSON.stringify({ at: clock(), level, message, ...safe }));
      exportLog(level, message, safe);
    };
  return {
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => createLogger({ ...base, ...fields }, write, clock),
  };
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

/**
 * An error as a code for the logs: its code, HTTP status or class name, never its message
 * (which may carry the caller's own text).
 */
export function errorCode(error: unknown): string {
  const e = error as { code?: unknown; statusCode?: unknown; name?: unknown } | undefined;
  if (typeof e?.code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(e.code)) return e.code;
  if (typeof e?.statusCode === 'number') return `http-${e.statusCode}`;
  return typeof e?.name === 'string' && /^[A-Za-z]{1,64}$/.test(e.name) ? e.name : 'error';
}
