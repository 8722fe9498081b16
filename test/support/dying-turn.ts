/**
 * A turn whose process dies right after its commit: what it owes is stored (born claimed by
 * it, a claim that has already lapsed, as it would have by the time anyone sweeps) and never sent.
 */
import type { Clock } from '../../src/clock';
import { silentLogger } from '../../src/logger';
import type { Stores } from '../../src/store';
import { createTurnService, type TurnService } from '../../src/turn/turn-service';

export function dyingTurn(stores: Stores, clock: Clock): TurnService {
  return createTurnService({
    challenges: stores.challenges,
    outbox: stores.outbox,
    audit: stores.audit,
    deadlineIndex: stores.deadlineIndex,
    dispatcher: {
      deliver: () => new Promise(() => undefined),
      deliverSoon: () => new Promise(() => undefined),
      sweep: () => Promise.reject(new Error('a dead process sweeps nothing')),
      idle: async () => undefined,
      claimUntil: () => new Date(0).toISOString(),
    },
    clock,
    logger: silentLogger,
  });
}
