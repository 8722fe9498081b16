/**
 * Log lines to Application Insights as OpenTelemetry log records, in the active trace (so a
 * turn's lines sit under its operation). Only when telemetry is on; the fields are already safe.
 */
import { SeverityNumber, logs, type LogAttributes } from '@opentelemetry/api-logs';
import { telemetryEnabled } from './azure-monitor';
import type { LogValue } from './redact';

const severity = { info: SeverityNumber.INFO, warn: SeverityNumber.WARN, error: SeverityNumber.ERROR } as const;

export type LogLevel = keyof typeof severity;

export function exportLog(level: LogLevel, message: string, fields: Record<string, LogValue>): void {
  if (!telemetryEnabled()) return;
  const attributes: LogAttributes = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null) attributes[key] = value;
  logs
    .getLogger('challenge')
    .emit({ severityNumber: severity[level], severityText: level.toUpperCase(), body: message, attributes });
}
