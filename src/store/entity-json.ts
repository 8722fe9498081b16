/**
 * JSON values in table entities. A string property holds at most 32K UTF-16 characters
 * (64 KiB) and an entity at most 1 MiB, so the JSON is split over `json0`, `json1`, ...
 * and put back together on read; beyond the entity limit it fails clearly.
 */
import { EntityTooLargeError } from './errors';

const chunkChars = 32_000;
/** 15 x 32,000 UTF-16 characters is about 960 KB: room left for keys and other columns. */
const maxChunks = 15;
export const maxJsonChars = chunkChars * maxChunks;

export type JsonColumns = Record<string, string | number>;

export function toJsonColumns(value: unknown, what: string): JsonColumns {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`${what} is not JSON-serialisable.`);
  if (json.length > maxJsonChars) {
    throw new EntityTooLargeError(what, `${json.length} characters of JSON, the limit is ${maxJsonChars}`);
  }
  const columns: JsonColumns = {};
  let index = 0;
  for (let start = 0; start < json.length || index === 0; index++) {
    let end = Math.min(start + chunkChars, json.length);
    // Never split a surrogate pair: half a pair would not survive UTF-8 on the wire.
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end--;
    columns[`json${index}`] = json.slice(start, end);
    start = end;
  }
  columns.jsonChunks = index;
  return columns;
}

export function fromJsonColumns(entity: Record<string, unknown>, what: string): unknown {
  const chunks = entity.jsonChunks;
  if (typeof chunks !== 'number' || !Number.isInteger(chunks) || chunks < 1) {
    throw new Error(`${what}: the stored row has no JSON columns.`);
  }
  let json = '';
  for (let index = 0; index < chunks; index++) {
    const part = entity[`json${index}`];
    if (typeof part !== 'string') throw new Error(`${what}: JSON column json${index} is missing.`);
    json += part;
  }
  return JSON.parse(json);
}

/** Rough bytes on the wire of a set of JSON columns, for the 4 MiB transaction limit. */
export function jsonBytes(columns: JsonColumns): number {
  return Object.values(columns).reduce<number>((sum, v) => sum + (typeof v === 'string' ? v.length * 2 : 8), 0);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
