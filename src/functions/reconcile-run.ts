/**
 * The nightly repair: the deadline index and the person index rebuilt from the snapshots, which
 * are the truth; an outbox entry for any challenge still owing sends with none pointing at it
 * (so the next sweep carries them out); and resolved challenges past their partnership's
 * retention period purged. Shell.
 */
import { findProcedure } from '../procedures';
import { isPurgeDue } from '../scheduler';
import type { Challenge } from '../workflow/types';
import type { SchedulerDeps } from './scheduler-deps';

export interface ReconcileReport {
  at: string;
  challenges: number;
  /** Index rows no snapshot accounts for, deleted. */
  removed: number;
  /** Challenges found owing sends whose claim had lapsed: given an outbox entry. */
  owing: number;
  /** Resolved challenges purged, their retention period over. */
  purged: number;
}

export async function runReconcile(
  deps: Pick<
    SchedulerDeps,
    'challenges' | 'deadlineIndex' | 'personIndex' | 'logger' | 'owed' | 'outbox' | 'retention'
  >,
  now: Date,
): Promise<ReconcileReport> {
  const due: Challenge[] = [];
  // One pass over the snapshots feeds both indexes; one past retention is left out of both, and purged.
  async function* snapshots(): AsyncIterable<Challenge> {
    for await (const challenge of deps.challenges.snapshots()) {
      const procedure = findProcedure(challenge.procedureId);
      if (deps.retention && procedure && isPurgeDue(procedure, challenge, now)) {
        due.push(challenge);
        continue;
      }
      await deps.personIndex?.update(challenge);
      yield challenge;
    }
  }
  const { indexed, removed } = await deps.deadlineIndex.reconcile(snapshots());
  const owing = (await deps.owed?.partitionsOwing()) ?? [];
  for (const challengeId of owing)
    await deps.outbox?.open({ challengeId, idempotencyKey: `reconcile:${now.toISOString()}` });
  const purged = (await deps.retention?.purge(due, now))?.length ?? 0;
  deps.logger?.info('reconcile', { challenges: indexed, removed, owing: owing.length, purgedCount: purged });
  return { at: now.toISOString(), challenges: indexed, removed, owing: owing.length, purged };
}
