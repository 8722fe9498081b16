/**
 * The card for anyone not on the challenge (cards/templates/minimal-card.json): what stage it
 * is at and nothing more; no buttons. Pure.
 */
import type { Procedure } from '../../src/procedures/schema';
import type { Challenge } from '../../src/workflow/types';
import { summaryOf } from './summary';
import { noticeStyle, type CardNotice } from './notice';
import { NOT_ON_CHALLENGE } from './wording';

export function toMinimalCardData(procedure: Procedure, challenge: Challenge, now: Date, notice?: CardNotice) {
  const s = summaryOf(procedure, challenge, now);
  return {
    notice: notice?.text ?? '',
    noticeStyle: noticeStyle(notice),
    caseReference: s.caseReference,
    procedure: s.procedure,
    stage: s.stage,
    status: s.status,
    notOnChallenge: NOT_ON_CHALLENGE,
  };
}
export type MinimalCardData = ReturnType<typeof toMinimalCardData>;
