/**
 * The card one person gets for a challenge: the stage card with their own buttons when they
 * are on it, the minimal card when they are not. What the bot sends 1:1 and answers a press,
 * a `refresh` or an `open` with. Pure.
 */
import { renderCard, type AdaptiveCard } from './render';
import { toMinimalCardData } from './view-models/minimal-card';
import { toStageCardData, type StageCardInput } from './view-models/stage-card';
import { isOnChallenge, viewerOf } from './view-models/viewer';

export type { CardNotice } from './view-models/notice';
export type { FormErrors } from './view-models/stage-actions';

export interface StageCardForInput extends Omit<StageCardInput, 'viewer'> {
  personId: string;
}

export function stageCardFor(input: StageCardForInput): AdaptiveCard {
  const { procedure, challenge, personId, now } = input;
  if (!isOnChallenge(challenge, personId)) {
    return renderCard('minimal-card', toMinimalCardData(procedure, challenge, now, input.notice));
  }
  return renderCard('stage-card', toStageCardData({ ...input, viewer: viewerOf(procedure, challenge, personId, now) }));
}
