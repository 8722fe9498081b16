/** Challenges for the scheduler tests, raised through the real workflow, with a deadline set where a test needs one. */
import { getProcedure } from '../../../src/procedures';
import type { Procedure } from '../../../src/procedures/schema';
import { calendarOf } from '../../../src/workflow';
import { planReminders, type PlannedReminder } from '../../../src/scheduler';
import type { Challenge } from '../../../src/workflow';
import { Run } from '../workflow/helpers';

export const leeds: Procedure = getProcedure('leeds');
export const leedsCalendar = calendarOf(leeds);

/** A Leeds challenge raised at `raisedAt` (London winter = UTC), at step 1. */
export function leedsRun(raisedAt: string): Run {
  const run = new Run(leeds);
  run.raise(raisedAt);
  return run;
}

/** The challenge with its current stage's deadline (and deadline version) replaced. */
export function withDeadline(
  challenge: Challenge,
  deadline: string,
  deadlineVersion = 1,
  startedAt?: string,
): Challenge {
  const stages = challenge.stages.map((s, i) =>
    i === challenge.stages.length - 1 ? { ...s, deadline, deadlineVersion, ...(startedAt ? { startedAt } : {}) } : s,
  );
  return { ...challenge, stages };
}

/** "level#occurrence→recipient ids", for short, readable assertions. */
export function summarise(reminders: readonly PlannedReminder[]): string[] {
  return reminders.map((r) => `${r.level}#${r.occurrence}→${r.to.map((p) => p.id).join('+')}`).sort();
}

export function plan(challenge: Challenge, now: string, sent: readonly string[] = []): string[] {
  return summarise(planReminders({ challenge, procedure: leeds, calendar: leedsCalendar, now: new Date(now), sent }));
}
