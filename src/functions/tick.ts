/**
 * One scheduler tick: read the index rows whose time has come, and for each challenge record
 * the reminders due through the turn (each a recordReminder command whose sends are committed
 * with it and then made), and move its wake on. Safe to run late, twice at once, or after a
 * missed one: what is due is decided from the state and `now`, the reminder's key makes its
 * record once, and each owed send is claimed by ETag. Shell.
 */
import { errorCode } from '../logger';
import { nextWakeAt, planReminders } from '../scheduler';
import type { DueRow } from '../store/deadline-index';
import type { Undelivered } from '../turn';
import { calendarOf } from '../workflow/calendar-of';
import { SYSTEM_ACTOR_ID, type Challenge, type ReminderLevel } from '../workflow/types';
import type { SchedulerDeps } from './scheduler-deps';

export interface SentReminder {
  key: string;
  challengeId: string;
  caseReference: string;
  level: ReminderLevel;
  /** Person ids this tick delivered to. */
  to: string[];
  /** Recorded in the challenge's history. */
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
      report.errors.push({ challengeId: row.challengeId, error: errorCode(error) });
      deps.logger?.error('scheduler tick failed for a challenge', {
        challengeId: row.challengeId,
        code: errorCode(error),
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
  const calendar = calendarOf(procedure);

  for (const reminder of planReminders({ challenge, procedure, calendar, now })) {
    // Recorded first, with the sends it owes committed beside it; then sent. The key makes it once.
    const result = await deps.turns.execute({
      challengeId: challenge.id,
      actor: { id: SYSTEM_ACTOR_ID, name: 'Reminders' },
      idempotencyKey: reminder.key,
      command: {
        type: 'recordReminder',
        reminderKey: reminder.key,
        level: reminder.level,
        to: reminder.to.map((p) => p.id),
      },
      sends: 'await',
    });
    if (result.kind !== 'done') continue;
    challenge = result.challenge;
    const sentTo = (result.dispatched?.delivered ?? [])
      .filter((d) => d.reminderKey === reminder.key)
      .map((d) => d.personId);
    report.undelivered.push(...(result.dispatched?.undelivered ?? []));
    if (result.repeat) continue;
    report.sent.push({
      key: reminder.key,
      challengeId: challenge.id,
      caseReference: challenge.caseReference,
      level: reminder.level,
      to: sentTo,
      recorded: true,
    });
  }

  const wake = nextWakeAt({ challenge, procedure, calendar, now });
  await deps.deadlineIndex.set(challenge.id, wake, challenge.version);
  await deps.deadlineIndex.dropIfStale(row);
}
