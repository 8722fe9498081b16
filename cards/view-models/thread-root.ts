/**
 * The root card of a challenge's thread in the partnership channel (thread-root.json).
 * A channel is seen by many: case reference, procedure, stage, owners (professionals' roles
 * and names), deadline and status only; never the family name or the concern. Pure.
 */
import type { Procedure } from '../../src/procedures/schema';
import type { Challenge } from '../../src/workflow/types';
import { formatDay } from './format';
import { ownerLines } from './people';
import { currentStageOf, summaryOf } from './summary';

export function toThreadRootCardData(procedure: Procedure, challenge: Challenge, now: Date) {
  const s = summaryOf(procedure, challenge, now);
  return {
    ...s,
    raised: formatDay(challenge.raisedAt),
    owners: ownerLines(challenge, currentStageOf(procedure, challenge).owners),
    privacy: 'Details are on the cards sent to the people on this challenge, not in this channel.',
  };
}
export type ThreadRootCardData = ReturnType<typeof toThreadRootCardData>;
