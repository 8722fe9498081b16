/**
 * A stage's deadline, fixed when the stage is entered: the earliest of its own rule and
 * every cap that lists it (LEE-6, NEW-1, DUR-2), and whether it started late against its
 * startBy rule (DUD-2, DUD-6). Pure.
 */
import { computeDeadline, earliest, shiftDeadline, type WorkingCalendar } from '../calendar';
import type { DeadlineRule, Procedure, Stage } from '../procedures/schema';

export interface StageTiming {
  deadline?: string;
  startBy?: string;
  startedLate?: boolean;
}

/** Rules counted from the day raised, which a pause (LEE-7) must push back. */
function anchoredOnRaise(rule: DeadlineRule): boolean {
  return rule.kind === 'dayOfChallenge' || (rule.kind !== 'none' && rule.from === 'raised');
}

/**
 * The instant a rule gives for a stage entered at `startedAt`. Rules anchored on the day
 * raised move by the working days the clock has already been stopped for.
 */
export function ruleDeadline(
  rule: DeadlineRule,
  raisedAt: Date,
  startedAt: Date,
  pausedWorkingDays: number,
  calendar: WorkingCalendar,
): Date | undefined {
  const due = computeDeadline(rule, { raisedAt, stageStartedAt: startedAt }, calendar);
  if (!due || pausedWorkingDays <= 0 || !anchoredOnRaise(rule)) return due;
  return shiftDeadline(due, { workingDays: pausedWorkingDays }, calendar);
}

export function stageTiming(
  procedure: Procedure,
  stage: Stage,
  raisedAt: Date,
  startedAt: Date,
  pausedWorkingDays: number,
  calendar: WorkingCalendar,
): StageTiming {
  const due = (rule: DeadlineRule) => ruleDeadline(rule, raisedAt, startedAt, pausedWorkingDays, calendar);
  const caps = procedure.caps.filter((c) => c.stages.includes(stage.id)).map((c) => due(c.rule));
  const deadline = earliest(due(stage.deadline), ...caps);
  const startBy = stage.startBy ? due(stage.startBy) : undefined;
  return {
    ...(deadline ? { deadline: deadline.toISOString() } : {}),
    ...(startBy ? { startBy: startBy.toISOString(), startedLate: startedAt.getTime() > startBy.getTime() } : {}),
  };
}
