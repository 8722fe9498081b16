/**
 * The nightly repair: the deadline index and the person index rebuilt from the snapshots, which
 * are the truth, and an outbox entry for any challenge still owing sends with none pointing at
 * it (so the next sweep carries them out). Shell.
 */
import type { Challenge } from '../workflow/types';
import type { SchedulerDeps } from './scheduler-deps';

export interface ReconcileReport {
  at: string;
  challenges: number;
  /** Index rows no snapshot accounts for, deleted. */
  removed: number;
  /** Challenges found owing sends whose claim had lapsed: given an outbox entry. */
  owing: number;
}

export async function runReconcile(
  deps: Pick<SchedulerDeps, 'challenges' | 'deadlineIndex' | 'personIndex' | 'logger' | 'owed' | 'outbox'>,
  now: Date,
): Promise<ReconcileReport> {
  // One pass over the snapshots feeds both indexes.
  async function* snapshots(): AsyncIterable<Challenge> {
    for await (const challenge of deps.challenges.snapshots()) {
      await deps.personIndex?.update(challenge);
      yield challenge;
    }
  }
  const { indexed, removed } = await deps.deadlineIndex.reconcile(snapshots());
  const owing = (await deps.owed?.partitionsOwing()) ?? [];
  for (const challengeId of owing)
    await deps.outbox?.open({ challengeId, idempotencyKey: `reconcile:${now.toISOString()}` });
  deps.logger?.info('reconcile', { challenges: indexed, removed, owing: owing.length });
  return { at: now.toISOString(), challenges: indexed, removed, owing: owing.length };
}
