/**
 * The correlation id of the work in hand: one per bot turn, one per scheduler run. It rides
 * on AsyncLocalStorage, so every log line written while that work runs (in any module, through
 * any await) carries it without being handed a logger that knows it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface Correlation {
  correlationId: string;
  kind: 'turn' | 'timer';
}

const storage = new AsyncLocalStorage<Correlation>();

export function currentCorrelation(): Correlation | undefined {
  return storage.getStore();
}

/** Runs `work` with this correlation; what it starts (awaits, timers, promises) inherits it. */
export function withCorrelation<T>(correlation: Correlation, work: () => T): T {
  return storage.run(correlation, work);
}

/** An id as a channel gives it (e.g. Teams' "1:1abc...", "f:123") is used as it is; anything else is replaced. */
const plausibleId = /^[\w:.@;=|-]{1,128}$/;

export function correlationIdFrom(candidate: unknown): string {
  return typeof candidate === 'string' && plausibleId.test(candidate) ? candidate : randomUUID();
}
