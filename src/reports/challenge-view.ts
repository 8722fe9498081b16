/**
 * One challenge as the tab shows it to someone allowed to see it: where it stands, who holds
 * it now, and its timeline (timelineOf, the stage card's own) with working days left or
 * overdue for each dated stage. The family name only for people on it (DUR-10). Pure.
 */
import { londonDate, type WorkingCalendar } from '../calendar';
import type { Procedure } from '../procedures/schema';
import { describeRole, peopleIn, rolesOf } from '../workflow/roles';
import { currentStage } from '../workflow/stages';
import { timelineOf, type ProcessLimit, type PausedSpan, type TimelineStage } from '../workflow/timeline';
import type { Challenge, ChallengeEvent } from '../workflow/types';
import { seesFamilyName } from './access';
import { stageLabel } from './entries';
import { printableDocuments } from './printable-form';

export interface TimelineStageView extends TimelineStage {
  /** For the stage it is at: whole working days to its deadline (0 = due today); undefined when overdue or undated. */
  workingDaysLeft?: number;
  /** For the stage it is at, past its deadline: whole working days since the deadline day (0 = late today). */
  workingDaysOverdue?: number;
  overdue: boolean;
  /** A stage done after its deadline. */
  late: boolean;
}

export interface ChallengeView {
  challengeId: string;
  version: number;
  caseReference: string;
  /** Only for people on the challenge. */
  familyName?: string;
  partnership: string;
  procedureId: string;
  status: 'open' | 'paused' | 'resolved';
  stage: string;
  raisedAt: string;
  raisedBy: string;
  raisedWith: string;
  areas: string[];
  logId: string;
  /** The owners of the stage it is at: who holds it now. */
  heldBy: { name: string; role: string; agency: string }[];
  /** The viewer's own part, in words; empty for a partnership lead who is not on it. */
  yourRoles: string[];
  awaitingYou: boolean;
  timeline: { stages: TimelineStageView[]; limits: ProcessLimit[]; paused: PausedSpan[]; undatedBecause?: string };
  resolution?: { stage: string; resolvedAt: string; agreedOutcome: string };
  /** The partnership's own printable documents for it. */
  documents: { id: string; title: string }[];
}

export function challengeView(input: {
  procedure: Procedure;
  challenge: Challenge;
  events: readonly ChallengeEvent[];
  viewerId: string;
  now: Date;
  calendar: WorkingCalendar;
}): ChallengeView {
  const { procedure, challenge, events, viewerId, now, calendar } = input;
  const timeline = timelineOf({ procedure, challenge, now, calendar, events });
  const today = londonDate(now);
  const stages = timeline.stages.map((s): TimelineStageView => {
    const deadline = s.deadline ? new Date(s.deadline) : undefined;
    const live = s.state === 'now' && challenge.status === 'open';
    const overdue = !!deadline && live && now > deadline;
    const late = s.state === 'done' && !!deadline && !!s.endedAt && new Date(s.endedAt) > deadline;
    return {
      ...s,
      overdue,
      late,
      ...(deadline && live && !overdue
        ? { workingDaysLeft: calendar.workingDaysBetween(today, londonDate(deadline)) }
        : {}),
      ...(overdue ? { workingDaysOverdue: calendar.workingDaysBetween(londonDate(deadline!), today) } : {}),
    };
  });
  const roles = rolesOf(challenge, viewerId);
  const owners = currentStage(procedure, challenge).owners;
  return {
    challengeId: challenge.id,
    version: challenge.version,
    caseReference: challenge.caseReference,
    ...(challenge.familyName && seesFamilyName(challenge, viewerId) ? { familyName: challenge.familyName } : {}),
    partnership: procedure.partnership,
    procedureId: procedure.id,
    status: challenge.status,
    stage: `${stageLabel(procedure, challenge.stageId)}: ${procedure.stages.find((s) => s.id === challenge.stageId)?.title ?? ''}`,
    raisedAt: challenge.raisedAt,
    raisedBy: [challenge.raisedBy.name, challenge.raisedBy.agency].filter(Boolean).join(', '),
    raisedWith: [challenge.raisedWith.name, challenge.raisedWith.agency].filter(Boolean).join(', '),
    areas: [...challenge.areas],
    logId: challenge.logId ?? '',
    heldBy:
      challenge.status === 'resolved'
        ? []
        : peopleIn(challenge.participants, owners).map((p) => ({
            name: p.name,
            role: p.role ?? '',
            agency: p.agency ?? '',
          })),
    yourRoles: roles.map(describeRole),
    awaitingYou: challenge.status !== 'resolved' && roles.some((r) => owners.includes(r)),
    timeline: {
      stages,
      limits: timeline.limits,
      paused: timeline.paused,
      ...(timeline.undatedBecause ? { undatedBecause: timeline.undatedBecause } : {}),
    },
    ...(challenge.resolution
      ? {
          resolution: {
            stage: stageLabel(procedure, challenge.resolution.stageId),
            resolvedAt: challenge.resolution.resolvedAt,
            agreedOutcome: challenge.resolution.agreedOutcome,
          },
        }
      : {}),
    documents: printableDocuments(procedure).map((d) => ({ id: d.id, title: d.title })),
  };
}
