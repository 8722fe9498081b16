/**
 * PartitionKey and RowKey values. Keys may not hold / \ # ? or control characters and are
 * at most 1 KiB, so free text (idempotency keys, external ids) is percent-encoded, and
 * hashed when it would be too long.
 */
import { createHash } from 'node:crypto';

const maxKeyChars = 400;

export function safeKey(value: string): string {
  const encoded = value.replace(
    /[/\\#?%\u0000-\u001f\u007f-\u009f]/g,
    (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`,
  );
  if (encoded.length <= maxKeyChars) return encoded;
  return `sha256-${createHash('sha256').update(value).digest('hex')}`;
}

/** Zero-padded so that RowKey order is version order. */
export function versionKey(version: number): string {
  if (!Number.isSafeInteger(version) || version < 0) throw new RangeError(`Bad version ${version}`);
  return String(version).padStart(10, '0');
}
