/**
 * What may go into a log line: an allow-list, not a deny-list. A field is kept only when its
 * name says it is an identifier, a code, a count or a time and its value is a plain scalar
 * (or, for an `...Ids` field, a list of them). Everything else is dropped, so case text
 * (concern, evidence, outcomes, reasons), card data, activity text and the names of children,
 * adults or staff never reach a log, whatever a caller passes. Only the number of fields
 * dropped is logged, not their keys: a key can be data too (`{ [familyName]: 1 }`).
 * A string value must look like an id, a code or a time (no spaces, bounded), and an `error`
 * is reduced to its class name: an exception's message often quotes what the caller sent.
 */

/** Field names known to carry codes, counts or ids. */
const allowedNames = new Set([
  'activityType',
  'appInsights',
  'attempt',
  'challenges',
  'code',
  'complete',
  'count',
  'day',
  'due',
  'durationMs',
  'endpoint',
  'error',
  'invoke',
  'kind',
  'mode',
  'port',
  'removed',
  'sent',
  'service',
  'stageId',
  'status',
  'statusCode',
  'timer',
  'verb',
]);

/** Names that say "identifier, count, time or code": challengeId, personIds, waitMs, raisedAt, statusCode. */
const allowedShape = /^[a-z][A-Za-z0-9]*(Id|Ids|Count|Ms|At|Code|Version)$/;

/** The line's own fields, which a caller's field must not overwrite. */
const reserved = new Set(['at', 'level', 'message', 'redacted']);

/** Never kept, even when the shape would allow it (e.g. "familyNameId", "textId"). */
const refused =
  /name|text|concern|outcome|evidence|reason|card|body|value|note|summary|comment|detail|description|family|child|adult/i;

const maxList = 50;

/** An id, a code or a time as systems write them: "c-1", "29:1abc", "2026-11-23T10:00:00Z", "/api/messages". */
const idShaped = /^[\w:.@;=|+/%#$-]{1,200}$/;

/** The class name an exception's text starts with ("TypeError: …" → "TypeError"), if any. */
const errorName = /^([A-Za-z][\w.]{0,63})(?::|$)/;

export type LogValue = string | number | boolean | null | string[];

function scalar(value: unknown): string | number | boolean | null | undefined {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return idShaped.test(value) ? value : undefined;
  return undefined;
}

/** An exception as a log may hold it: its class name, its code and its HTTP status; never its message. */
export function errorFields(error: unknown): { error: string; errorCode?: string; statusCode?: number } {
  if (!(error instanceof Error)) return { error: typeof error === 'string' ? errorKind(error) : typeof error };
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return {
    error: errorKind(error.name),
    ...(typeof code === 'string' && idShaped.test(code) && code.length <= 64 ? { errorCode: code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
  };
}

function errorKind(text: string): string {
  return errorName.exec(text)?.[1] ?? 'Error';
}

function keep(key: string, value: unknown): LogValue | undefined {
  if (reserved.has(key) || refused.test(key)) return undefined;
  if (!allowedNames.has(key) && !allowedShape.test(key)) return undefined;
  if (key === 'error') return value instanceof Error ? errorFields(value).error : errorKind(String(value));
  if (Array.isArray(value)) {
    if (!key.endsWith('Ids')) return undefined;
    const items = value.slice(0, maxList).map(scalar);
    return items.every((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      ? items.map(String)
      : undefined;
  }
  return scalar(value);
}

/** The fields that may be logged, plus `redacted`: how many were dropped. */
export function safeFields(fields: Record<string, unknown>): Record<string, LogValue> {
  const kept: Record<string, LogValue> = {};
  let dropped = 0;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const safe = keep(key, value);
    if (safe === undefined) dropped++;
    else kept[key] = safe;
  }
  if (dropped > 0) kept.redacted = dropped;
  return kept;
}
