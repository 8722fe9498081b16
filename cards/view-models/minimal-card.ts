/**
 * The card for anyone not on the challenge (cards/templates/minimal-card.json): what stage it
 * is at and nothing more; no buttons. A press they made is refused in one fixed sentence,
 * whatever the refusal was, so the card never says more about the case than its stage. Pure.
 */
import type { Procedure } from '../../src/procedures/schema';
import type { Challenge } from '../../src/workflow/types';
import { noticeView, type CardNotice } from './notice';
import { summaryOf } from './summary';
import { NOT_ON_CHALLENGE, ONLY_PEOPLE_ON_IT_ACT } from './wording';

export function toMinimalCardData(procedure: Procedure, challenge: Challenge, now: Date, notice?: CardNotice) {
  const s = summaryOf(procedure, challenge, now);
  return {
    caseReference: s.caseReference,
    procedure: s.procedure,
    stage: s.stage,
    status: s.status,
    notice: noticeView(
      notice && { tone: notice.tone, text: notice.tone === 'done' ? notice.text : ONLY_PEOPLE_ON_IT_ACT },
    ),
    notOnChallenge: NOT_ON_CHALLENGE,
  };
}
export type MinimalCardData = ReturnType<typeof toMinimalCardData>;
