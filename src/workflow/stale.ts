/**
 * The one rule for a card that is out of date: something a card shows has changed since the
 * version it was drawn at (a reminder sent meanwhile does not count: movedAtVersion). decide()
 * refuses a press from such a card, and the card says "moved on" when it is refreshed. Pure.
 */
import { refusal } from './refusal';
import type { Challenge, Refusal } from './types';

/** Whether a card drawn at version `seen` is out of date; a card with no version never is. */
export function isStale(challenge: Pick<Challenge, 'version' | 'movedAtVersion'>, seen: number | undefined): boolean {
  if (seen === undefined) return false;
  const movedAt = challenge.movedAtVersion ?? challenge.version;
  // A version from after the challenge's own cannot have been drawn from it: stale too.
  return seen < movedAt || seen > challenge.version;
}

export const MOVED_ON_REASON =
  'This challenge has moved on since this card was sent: here is where it stands now. Try again if you still need to.';

/** The refusal for a press from an out-of-date card; a resolved challenge is refused as closed instead. */
export function staleRefusal(challenge: Challenge, seen: number | undefined): Refusal | undefined {
  if (challenge.status === 'resolved' || !isStale(challenge, seen)) return undefined;
  return refusal('stale', MOVED_ON_REASON);
}
