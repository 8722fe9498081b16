/** The nightly repair: the deadline index and the person index rebuilt from the snapshots, which are the truth. Shell. */
import type { Challenge } from '../workflow/types';
import type { SchedulerDeps } from './scheduler-deps';

export interface ReconcileReport {
  at: string;
  challenges: number;
  /** Index rows no snapshot accounts for, deleted. */
  removed: number;
}

export async function runReconcile(
  deps: Pick<SchedulerDeps, 'challenges' | 'deadlineIndex' | 'personIndex' | 'logger'>,
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
  deps.logger?.info('reconcile', { challenges: indexed, removed });
  return { at: now.toISOString(), challenges: indexed, removed };
}
