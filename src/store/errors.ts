/** Typed failures of the store, so callers never read HTTP status codes. */
import { statusOf } from './tables';

/**
 * Someone else wrote first: a stale ETag (412) or a row that already exists (409).
 * Nothing of the failed write was stored; reload and decide again.
 */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    readonly challengeId: string,
    readonly kind: 'stale' | 'duplicate' | 'exhausted',
    options?: { cause?: unknown },
  ) {
    super(`Challenge ${challengeId} was changed by someone else (${kind}).`, options);
  }
}

/** A value too big for one entity (1 MiB) or one transaction (4 MiB, 100 rows). */
export class EntityTooLargeError extends Error {
  override readonly name = 'EntityTooLargeError';
  constructor(what: string, detail: string) {
    super(`${what} is too large to store: ${detail}.`);
  }
}

/** Turns a 412/409 from Tables into a ConflictError; anything else is rethrown as is. */
export function conflictOrThrow(challengeId: string, error: unknown): never {
  const status = statusOf(error);
  if (status === 412) throw new ConflictError(challengeId, 'stale', { cause: error });
  if (status === 409) throw new ConflictError(challengeId, 'duplicate', { cause: error });
  throw error;
}
