/**
 * A challenge's timeline: every stage of its procedure's ladder with its dates, those done,
 * the one it is at, and the ones to come with the dates they would get if each stage ran to
 * its deadline (projected with the same rules decide() applies when a stage is entered), plus
 * the whole-process limits (LEE-6, NEW-1, DUR-2) and, when given the history, the spans it was
 * paused. Pure: the stage card, the raise confirmation and the tab all draw from this.
 */
import type { WorkingCalendar } from '../calendar';
import type { Procedure, Stage } from '../procedures/schema';
import { ruleDeadline, stageTiming } from './deadlines';
import { findStage } from './stages';
import type { Challenge, ChallengeEvent } from './types';

export type TimelineState = 'done' | 'now' | 'toCome';

export interface TimelineStage {
  stageId: string;
  label: string;
  title: string;
  state: TimelineState;
  /** When it started (done, now) or would start (toCome, projected). */
  startedAt?: string;
  endedAt?: string;
  endedBy?: 'escalated' | 'resolved';
  /** Its deadline: the one in force (done, now) or the one it would get (toCome). */
  deadline?: string;
  /** The latest it may start without being late, where the procedure sets one (DUD-2, DUD-6). */
  startBy?: string;
  startedLate?: boolean;
  /** True for the dates of a stage to come: what the rules give if each stage before it runs to its deadline. */
  projected: boolean;
}

export interface ProcessLimit {
  /** The procedure's words, e.g. "The whole process takes no more than one month". */
  label: string;
  rule?: string;
  deadline: string;
  /** Stage ids the limit covers. */
  stages: string[];
}

export interface PausedSpan {
  from: string;
  /** Undefined while still paused. */
  until?: string;
}

export interface Timeline {
  stages: TimelineStage[];
  limits: ProcessLimit[];
  paused: PausedSpan[];
  /**
   * Why stages to come carry no dates: 'paused' (the deadline moves on resume), 'noDeadline'
   * (a stage before them has no fixed timescale), or undefined when they are dated or none are left.
   */
  undatedBecause?: 'paused' | 'noDeadline';
}

/** The stages a challenge would pass through from `stage` if each went on to the next level. */
function ladderAfter(procedure: Procedure, stage: Stage): Stage[] {
  const seen = new Set<string>([stage.id]);
  const ladder: Stage[] = [];
  let next = stage.escalateTo[0] ? findStage(procedure, stage.escalateTo[0]) : undefined;
  while (next && !seen.has(next.id)) {
    seen.add(next.id);
    ladder.push(next);
    next = next.escalateTo[0] ? findStage(procedure, next.escalateTo[0]) : undefined;
  }
  return ladder;
}

function pausedSpans(challenge: Challenge, events: readonly ChallengeEvent[] | undefined): PausedSpan[] {
  const spans: PausedSpan[] = [];
  for (const event of events ?? []) {
    if (event.type === 'Paused') spans.push({ from: event.at });
    if (event.type === 'Resumed') {
      const open = spans.at(-1);
      if (open && open.until === undefined) open.until = event.at;
    }
  }
  if (challenge.status === 'paused' && challenge.pausedAt && !spans.some((s) => s.from === challenge.pausedAt)) {
    spans.push({ from: challenge.pausedAt });
  }
  return spans;
}

export function timelineOf(input: {
  procedure: Procedure;
  challenge: Challenge;
  now: Date;
  calendar: WorkingCalendar;
  /** The stored history, for the paused spans; without it only a pause in progress is shown. */
  events?: readonly ChallengeEvent[];
}): Timeline {
  const { procedure, challenge, now, calendar } = input;
  const raisedAt = new Date(challenge.raisedAt);
  const stages: TimelineStage[] = challenge.stages.map((record, i) => {
    const stage = findStage(procedure, record.stageId);
    const current = i === challenge.stages.length - 1 && challenge.status !== 'resolved';
    return {
      stageId: record.stageId,
      label: stage?.label ?? record.stageId,
      title: stage?.title ?? '',
      state: current ? 'now' : 'done',
      startedAt: record.startedAt,
      ...(record.endedAt ? { endedAt: record.endedAt } : {}),
      ...(record.endedBy ? { endedBy: record.endedBy } : {}),
      ...(record.deadline ? { deadline: record.deadline } : {}),
      ...(record.startBy ? { startBy: record.startBy } : {}),
      ...(record.startedLate !== undefined ? { startedLate: record.startedLate } : {}),
      projected: false,
    };
  });

  let undatedBecause: Timeline['undatedBecause'];
  const at = findStage(procedure, challenge.stageId);
  if (at && challenge.status !== 'resolved') {
    const last = challenge.stages.at(-1);
    // A stage to come starts when the one before it runs out, or now if that has already passed.
    let startsAt: Date | undefined = last?.deadline ? new Date(last.deadline) : undefined;
    if (challenge.status === 'paused') undatedBecause = 'paused';
    else if (!startsAt) undatedBecause = 'noDeadline';
    for (const stage of ladderAfter(procedure, at)) {
      const dated = undatedBecause === undefined && startsAt !== undefined;
      const start = dated ? new Date(Math.max(startsAt!.getTime(), now.getTime())) : undefined;
      const timing = start
        ? stageTiming(procedure, stage, raisedAt, start, challenge.pausedWorkingDays, calendar)
        : undefined;
      stages.push({
        stageId: stage.id,
        label: stage.label,
        title: stage.title,
        state: 'toCome',
        ...(start ? { startedAt: start.toISOString() } : {}),
        ...(timing?.deadline ? { deadline: timing.deadline } : {}),
        ...(timing?.startBy ? { startBy: timing.startBy, startedLate: timing.startedLate } : {}),
        projected: true,
      });
      if (dated && !timing?.deadline) undatedBecause = 'noDeadline';
      startsAt = timing?.deadline ? new Date(timing.deadline) : undefined;
    }
  }

  const firstStart = challenge.stages[0]?.startedAt ? new Date(challenge.stages[0].startedAt) : raisedAt;
  const limits: ProcessLimit[] = procedure.caps.flatMap((cap) => {
    const deadline = ruleDeadline(cap.rule, raisedAt, firstStart, challenge.pausedWorkingDays, calendar);
    return deadline
      ? [
          {
            label: cap.label,
            ...(cap.rule_id ? { rule: cap.rule_id } : {}),
            deadline: deadline.toISOString(),
            stages: [...cap.stages],
          },
        ]
      : [];
  });

  return {
    stages,
    limits,
    paused: pausedSpans(challenge, input.events),
    ...(undatedBecause && stages.some((s) => s.state === 'toCome') ? { undatedBecause } : {}),
  };
}
