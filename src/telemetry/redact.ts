/**
 * What may go into a log line: an allow-list, not a deny-list. A field is kept only when its
 * name says it is an identifier, a code, a count or a time and its value is a plain scalar
 * (or, for an `...Ids` field, a list of them). Everything else is dropped, so case text
 * (concern, evidence, outcomes, reasons), card data, activity text and the names of children,
 * adults or staff never reach a log, whatever a caller passes. Only the number of fields
 * dropped is logged, not their keys: a key can be data too (`{ [familyName]: 1 }`).
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

const maxString = 300;
const maxList = 50;

export type LogValue = string | number | boolean | null | string[];

function scalar(value: unknown): string | number | boolean | null | undefined {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return value.length > maxString ? `${value.slice(0, maxString)}…` : value;
  return undefined;
}

function keep(key: string, value: unknown): LogValue | undefined {
  if (reserved.has(key) || refused.test(key)) return undefined;
  if (!allowedNames.has(key) && !allowedShape.test(key)) return undefined;
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
