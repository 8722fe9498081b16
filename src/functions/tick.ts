/**
 * One scheduler tick: read the index rows whose time has come, and for each challenge send the
 * reminders due (claimed, sent, settled, then recorded in its history), and move its wake on.
 * Safe to run late, twice at once, or after a missed one: what is due is decided from the
 * state and `now`, and each send is claimed exactly once. Shell.
 */
import { nextWakeAt, planReminders } from '../scheduler';
import type { DueRow } from '../store/deadline-index';
import { SYSTEM_ACTOR_ID, type Challenge, type ReminderLevel } from '../workflow/types';
import { deliverOnce } from './deliver';
import type { Undelivered } from './messenger';
import type { SchedulerDeps } from './scheduler-deps';

export interface SentReminder {
  key: string;
  challengeId: string;
  caseReference: string;
  level: ReminderLevel;
  /** Person ids this tick delivered to. */
  to: string[];
  /** Recorded in the challenge's history (all its sends settled). */
  recorded: boolean;
}

export interface TickReport {
  at: string;
  /** Index rows read. */
  due: number;
  sent: SentReminder[];
  undelivered: Undelivered[];
  errors: { challengeId: string; error: string }[];
}

export async function runTick(deps: SchedulerDeps, now: Date): Promise<TickReport> {
  const report: TickReport = { at: now.toISOString(), due: 0, sent: [], undelivered: [], errors: [] };
  const rows = await deps.deadlineIndex.due(now, deps.maxDuePerTick ?? 500);
  report.due = rows.length;
  for (const row of rows) {
    try {
      await tickChallenge(deps, row, now, report);
    } catch (error) {
      // One challenge's trouble must not stop the others; its row stays due for the next tick.
      report.errors.push({ challengeId: row.challengeId, error: String(error) });
      deps.logger?.error('scheduler tick failed for a challenge', {
        challengeId: row.challengeId,
        error: String(error),
      });
    }
  }
  return report;
}

async function tickChallenge(deps: SchedulerDeps, row: DueRow, now: Date, report: TickReport): Promise<void> {
  const loaded = await deps.challenges.load(row.challengeId);
  if (!loaded) {
    await deps.deadlineIndex.set(row.challengeId, undefined, Number.MAX_SAFE_INTEGER);
    await deps.deadlineIndex.dropIfStale(row);
    return;
  }
  let challenge: Challenge = loaded.challenge;
  const procedure = deps.procedureOf(challenge.procedureId);
  const calendar = deps.calendarOf(procedure);

  for (const reminder of planReminders({ challenge, procedure, calendar, now })) {
    const card = deps.reminderCard(reminder, challenge, procedure, now);
    const delivery = await deliverOnce(
      {
        claims: deps.claims,
        messenger: deps.messenger,
        ...(deps.onUndelivered ? { onUndelivered: deps.onUndelivered } : {}),
      },
      {
        scope: challenge.id,
        key: reminder.key,
        challengeId: challenge.id,
        personIds: reminder.to.map((p) => p.id),
        card,
      },
    );
    report.undelivered.push(...delivery.undelivered);
    let recorded = false;
    if (delivery.complete) {
      const result = await deps.record(challenge.id, {
        command: { type: 'recordReminder', reminderKey: reminder.key, level: reminder.level, to: delivery.deliveredTo },
        actor: { id: SYSTEM_ACTOR_ID, name: 'Reminders' },
        idempotencyKey: reminder.key,
      });
      recorded = result.decision.ok;
      if (result.challenge) challenge = result.challenge;
    }
    if (delivery.sentTo.length > 0 || recorded) {
      report.sent.push({
        key: reminder.key,
        challengeId: challenge.id,
        caseReference: challenge.caseReference,
        level: reminder.level,
        to: delivery.sentTo,
        recorded,
      });
    }
  }

  const wake = nextWakeAt({ challenge, procedure, calendar, now });
  await deps.deadlineIndex.set(challenge.id, wake, challenge.version);
  await deps.deadlineIndex.dropIfStale(row);
}
