/** Telemetry: correlation ids, spans, safe log fields and the Application Insights switch. */
export { createTelemetrySwitch, startTelemetry, telemetryEnabled, type Telemetry } from './azure-monitor';
export { correlationIdFrom, currentCorrelation, withCorrelation, type Correlation } from './correlation';
export { safeFields, type LogValue } from './redact';
export { inTimerRun } from './timer-run';
export { activeTraceIds, inSpan } from './tracing';
export { inTurn } from './turn';
