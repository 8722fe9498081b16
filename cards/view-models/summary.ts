/**
 * What anyone may know of a challenge, even in a channel: its case reference, procedure,
 * stage, status and deadline. Never the family name, the concern or anything about the child
 * or adult (COM-2). Pure.
 */
import { stageOf } from '../../src/procedures/lookup';
import type { Procedure, Stage } from '../../src/procedures/schema';
import type { Challenge } from '../../src/workflow/types';
import { deadlineView, type DeadlineView } from './format';

export interface ChallengeSummary {
  caseReference: string;
  procedure: string;
  stage: string;
  status: string;
  deadline: DeadlineView;
}

export function currentStageOf(procedure: Procedure, challenge: Challenge): Stage {
  return stageOf(procedure, challenge.stageId);
}

const STATUS: Record<Challenge['status'], string> = { open: 'Open', paused: 'Paused', resolved: 'Resolved' };

export function summaryOf(procedure: Procedure, challenge: Challenge, now: Date): ChallengeSummary {
  const stage = currentStageOf(procedure, challenge);
  const record = challenge.stages.filter((s) => s.stageId === stage.id).at(-1);
  const deadline =
    challenge.status === 'resolved'
      ? { text: 'None: resolved', overdue: false }
      : deadlineView(
          record?.deadline,
          now,
          challenge.status === 'open',
          stage.deadline.kind === 'none' ? 'As soon as possible' : undefined,
        );
  return {
    caseReference: challenge.caseReference,
    procedure: procedure.partnership,
    stage: `${stage.label}: ${stage.title}`,
    status: STATUS[challenge.status],
    deadline,
  };
}

/** The hidden data of an "Open" button. */
export function openData(challenge: Challenge) {
  return { verb: 'open', challengeId: challenge.id, version: challenge.version };
}
