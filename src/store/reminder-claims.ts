/**
 * Exactly-once sends. Before sending, a scheduler claims the send (creating a row: a second
 * scheduler gets 409 and leaves it); after the send it settles the row, and a settled send is
 * never made again. A claim whose scheduler died before settling is taken over, by ETag, once
 * its lease (by the injected clock) has run out. A send that failed for a passing reason is
 * released for the next tick, up to a few attempts.
 */
import type { TableClient } from '@azure/data-tables';
import type { Clock } from '../clock';
import { safeKey } from './keys';
import { getEntityOrUndefined, statusOf } from './tables';

export type SettledOutcome = 'sent' | 'failed' | 'unreachable';

export interface Claim {
  scope: string;
  key: string;
  etag: string;
  attempts: number;
}

export type ClaimResult =
  | { kind: 'claimed'; claim: Claim }
  /** Someone else holds a live claim: leave it to them. */
  | { kind: 'held' }
  | { kind: 'settled'; outcome: SettledOutcome };

export interface ReminderClaims {
  /** `scope` groups the rows (a challenge id, or a digest day); `key` is the send's own key. */
  claim(scope: string, key: string): Promise<ClaimResult>;
  /** Marks the send done for good. False when the lease was lost to another scheduler meanwhile. */
  settle(claim: Claim, outcome: SettledOutcome, detail?: string): Promise<boolean>;
  /** A send that failed for now: the next tick may try again, until the attempts run out (then 'failed'). */
  release(claim: Claim, detail?: string): Promise<'released' | 'failed'>;
  /** The settled outcome, or undefined when not settled. */
  outcome(scope: string, key: string): Promise<SettledOutcome | undefined>;
}

export interface ReminderClaimsOptions {
  clock: Clock;
  /** How long a claim is held before another scheduler may take it over. */
  leaseMs?: number;
  /** Attempts before a send that keeps failing is settled as failed. */
  maxAttempts?: number;
  /** Names this scheduler in the rows, for diagnosis. */
  owner?: string;
}

export const DEFAULT_LEASE_MS = 10 * 60_000;

export function createReminderClaims(table: TableClient, options: ReminderClaimsOptions): ReminderClaims {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? 3;
  const owner = options.owner ?? 'scheduler';
  const keys = (scope: string, key: string) => ({ partitionKey: safeKey(scope), rowKey: safeKey(key) });
  const now = () => options.clock.now().toISOString();

  const claimed = (scope: string, key: string, etag: string | undefined, attempts: number): ClaimResult => ({
    kind: 'claimed',
    claim: { scope, key, etag: etag ?? '*', attempts },
  });

  async function takeOver(scope: string, key: string, etag: string, attempts: number): Promise<ClaimResult> {
    try {
      const row = { ...keys(scope, key), key, state: 'claimed', claimedAt: now(), owner, attempts };
      const response = await table.updateEntity(row, 'Replace', { etag });
      return claimed(scope, key, response.etag, attempts);
    } catch (error) {
      if (statusOf(error) === 412) return { kind: 'held' };
      throw error;
    }
  }

  return {
    async claim(scope, key) {
      try {
        const row = { ...keys(scope, key), key, state: 'claimed', claimedAt: now(), owner, attempts: 0 };
        const response = await table.createEntity(row);
        return claimed(scope, key, response.etag, 0);
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const { partitionKey, rowKey } = keys(scope, key);
      const existing = await getEntityOrUndefined(table, partitionKey, rowKey);
      if (!existing) return { kind: 'held' }; // deleted between our create and read: try next tick
      const attempts = Number(existing.attempts ?? 0);
      if (existing.state === 'sent' || existing.state === 'failed' || existing.state === 'unreachable') {
        return { kind: 'settled', outcome: existing.state };
      }
      if (existing.state === 'released') return takeOver(scope, key, existing.etag, attempts);
      const claimedAt = new Date(String(existing.claimedAt)).getTime();
      if (options.clock.now().getTime() - claimedAt < leaseMs) return { kind: 'held' };
      return takeOver(scope, key, existing.etag, attempts);
    },

    async settle(claim, outcome, detail) {
      const row = {
        ...keys(claim.scope, claim.key),
        key: claim.key,
        state: outcome,
        settledAt: now(),
        owner,
        attempts: claim.attempts + 1,
        detail: detail ?? '',
      };
      try {
        await table.updateEntity(row, 'Replace', { etag: claim.etag });
        return true;
      } catch (error) {
        if (statusOf(error) === 412 || statusOf(error) === 404) return false;
        throw error;
      }
    },

    async release(claim, detail) {
      const attempts = claim.attempts + 1;
      const state = attempts >= maxAttempts ? 'failed' : 'released';
      const row = {
        ...keys(claim.scope, claim.key),
        key: claim.key,
        state,
        releasedAt: now(),
        owner,
        attempts,
        detail: detail ?? '',
      };
      try {
        await table.updateEntity(row, 'Replace', { etag: claim.etag });
      } catch (error) {
        if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
      }
      return state;
    },

    async outcome(scope, key) {
      const { partitionKey, rowKey } = keys(scope, key);
      const existing = await getEntityOrUndefined(table, partitionKey, rowKey);
      const state = existing?.state;
      return state === 'sent' || state === 'failed' || state === 'unreachable' ? state : undefined;
    },
  };
}
