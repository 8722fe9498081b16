/**
 * What every report reads: a challenge with its procedure and its stored history, and the
 * few facts about it more than one report needs (stages in order, agencies, lateness).
 * Pure: `now` and the working calendar are passed in.
 */
import { londonDate, type WorkingCalendar } from '../calendar';
import type { Procedure, Stage } from '../procedures/schema';
import { findStage } from '../workflow/stages';
import type { Challenge, ChallengeEvent, StageRecord } from '../workflow/types';

export interface ReportEntry {
  procedure: Procedure;
  challenge: Challenge;
  /** The stored history, oldest first. */
  events: readonly ChallengeEvent[];
}

/** A stage's label as the partnership names it ("Step 3a"), or its id when the procedure lost it. */
export function stageLabel(procedure: Procedure, stageId: string | undefined): string {
  if (!stageId) return '';
  return findStage(procedure, stageId)?.label ?? stageId;
}

/** The ordinary ladder from the first stage: the stages a challenge passes through when each goes on to the next. */
export function ladderOf(procedure: Procedure): Stage[] {
  const ladder: Stage[] = [];
  let stage = findStage(procedure, procedure.firstStage);
  while (stage && !ladder.includes(stage)) {
    ladder.push(stage);
    stage = stage.escalateTo[0] ? findStage(procedure, stage.escalateTo[0]) : undefined;
  }
  return ladder;
}

/** The procedure's stages in reporting order: the ladder, then any others (the immediate route). */
export function stagesInOrder(procedure: Procedure): Stage[] {
  const ladder = ladderOf(procedure);
  return [...ladder, ...procedure.stages.filter((s) => !ladder.includes(s))];
}

/** The agencies of a challenge: the raiser's, then the one it is raised with. */
export function agenciesOf(challenge: Challenge): string[] {
  return [...new Set([challenge.raisedBy.agency, challenge.raisedWith.agency].filter((a): a is string => !!a))];
}

/** When the log ID was given (DAR-6's "date recorded"), from the history. */
export function logRecordedAt(events: readonly ChallengeEvent[]): string | undefined {
  return events.find((e) => e.type === 'LogIdAssigned')?.at;
}

/** Whole working days from the day raised to the day resolved (0 when resolved the day it was raised). */
export function workingDaysToResolve(challenge: Challenge, calendar: WorkingCalendar): number | undefined {
  const resolvedAt = challenge.resolution?.resolvedAt;
  if (!resolvedAt) return undefined;
  return calendar.workingDaysBetween(londonDate(new Date(challenge.raisedAt)), londonDate(new Date(resolvedAt)));
}

export interface StageLateness {
  /** The stage record's place in the challenge's stages. */
  index: number;
  stageId: string;
  deadline: string;
  /** Whether the deadline is known to be missed at `now` (ended after it, or still running past it). */
  missed: boolean;
  /** Whether the outcome is known: the stage has ended, or the deadline has passed. */
  decided: boolean;
  /** Working days after the deadline day that the stage ran (0 when late on the day itself). */
  workingDaysLate: number;
}

/**
 * Each dated stage's lateness. A stage still running counts up to `now`, unless the challenge
 * is paused (its deadline moves on resume, so a paused stage is never overdue).
 */
export function latenessOf(challenge: Challenge, now: Date, calendar: WorkingCalendar): StageLateness[] {
  const last = challenge.stages.length - 1;
  return challenge.stages.flatMap((record: StageRecord, i) => {
    if (!record.deadline) return [];
    const deadline = new Date(record.deadline);
    const running = i === last && !record.endedAt;
    const end = record.endedAt ? new Date(record.endedAt) : running && challenge.status === 'open' ? now : undefined;
    const missed = end !== undefined && end.getTime() > deadline.getTime();
    const decided = !running || missed;
    const workingDaysLate = missed ? calendar.workingDaysBetween(londonDate(deadline), londonDate(end!)) : 0;
    return [{ index: i, stageId: record.stageId, deadline: record.deadline, missed, decided, workingDaysLate }];
  });
}

/** An instant within [from, to). */
export function within(iso: string | undefined, from: Date, to: Date): boolean {
  if (!iso) return false;
  const t = new Date(iso).getTime();
  return t >= from.getTime() && t < to.getTime();
}

/** Counts of names, most first, then by name. */
export function countBy(names: readonly string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
