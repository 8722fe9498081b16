/**
 * What may go into a log line: an allow-list, not a deny-list. A field is kept only when its
 * name says it is an identifier, a code, a count or a time and its value is a plain scalar
 * (or, for an `...Ids` field, a list of them). Everything else is dropped and only its key is
 * named in `redacted`, so case text (concern, evidence, outcomes, reasons), card data, activity
 * text and the names of children, adults or staff never reach a log, whatever a caller passes.
 */

/** Field names known to carry codes, counts or ids. */
const allowedNames = new Set([
  'activityType',
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
  'level',
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

/** Never kept, even when the shape would allow it (e.g. "familyNameId", "textId"). */
const refused = /name|text|concern|outcome|evidence|reason|card|body|value|note|summary|comment|detail|description|family|child|adult/i;

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
  if (refused.test(key) || !(allowedNames.has(key) || allowedShape.test(key))) return undefined;
  if (Array.isArray(value)) {
    if (!key.endsWith('Ids')) return undefined;
    const items = value.slice(0, maxList).map(scalar);
    return items.every((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      ? items.map(String)
      : undefined;
  }
  return scalar(value);
}

/** The fields that may be logged, plus `redacted`: the keys that were dropped, sorted. */
export function safeFields(fields: Record<string, unknown>): Record<string, LogValue> {
  const kept: Record<string, LogValue> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const safe = keep(key, value);
    if (safe === undefined) dropped.push(key);
    else kept[key] = safe;
  }
  if (dropped.length > 0) kept.redacted = dropped.sort();
  return kept;
}
