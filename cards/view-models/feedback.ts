/**
 * Feedback to the practitioner who raised the challenge, at every stage change and at
 * resolution (COM-4, LEE-9): what changed, where it stands, who owns it, the deadline and,
 * once resolved, the agreed outcome. Pure.
 */
import { stageOf } from '../../src/procedures/lookup';
import type { Procedure } from '../../src/procedures/schema';
import type { Challenge } from '../../src/workflow/types';
import { ownersSentence } from './people';
import { currentStageOf, openData, summaryOf } from './summary';
import { SAFETY_REMINDER } from './wording';

export interface FeedbackInput {
  procedure: Procedure;
  challenge: Challenge;
  /** What changed, in words (the workflow's feedbackToRaiser message). */
  change: string;
  now: Date;
}

/**
 * The change repeats the resolution's own words, which may each be 10,000 characters: both are
 * cut so the card stays under Teams' size limit (the stored record keeps them whole).
 */
const MAX_CHANGE = 1_000;
const MAX_RESOLUTION_TEXT = 4_000;
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function toFeedbackCardData({ procedure, challenge, change, now }: FeedbackInput) {
  const s = summaryOf(procedure, challenge, now);
  const r = challenge.resolution;
  return {
    ...s,
    // Once resolved, the outcome is in its own box just below: the change is not said twice.
    change:
      challenge.status === 'resolved' && r
        ? `Your challenge on case ${challenge.caseReference} was resolved at ${stageOf(procedure, r.stageId).label}.`
        : cut(change, MAX_CHANGE),
    owners: ownersSentence(challenge, currentStageOf(procedure, challenge).owners),
    resolution: {
      show: challenge.status === 'resolved' && r !== undefined,
      stage: r ? (procedure.stages.find((st) => st.id === r.stageId)?.label ?? r.stageId) : '',
      agreedOutcome: cut(r?.agreedOutcome ?? '', MAX_RESOLUTION_TEXT),
      outstandingIssues: cut(r?.outstandingIssues ?? '', MAX_RESOLUTION_TEXT),
    },
    safety: SAFETY_REMINDER,
    openData: openData(challenge),
  };
}
export type FeedbackCardData = ReturnType<typeof toFeedbackCardData>;
