/**
 * The digest's sends, exactly once per person: each person's send is claimed, made and
 * settled on its own, so a failure for one never repeats the send to another. (A digest is
 * no challenge's transition; what transitions owe goes through the turn's dispatcher.) Shell.
 */
import type { ReminderClaims } from '../store/reminder-claims';
import type { Messenger, Undelivered } from '../turn';

export interface DeliveryResult {
  /** Everyone's send is settled (sent, or given up): the send as a whole can be recorded. */
  complete: boolean;
  /** Delivered by this call. */
  sentTo: string[];
  /** Settled as delivered, by this call or an earlier one. */
  deliveredTo: string[];
  undelivered: Undelivered[];
}

export interface DeliverDeps {
  claims: ReminderClaims;
  messenger: Pick<Messenger, 'sendToPerson'>;
  onUndelivered?: (what: Undelivered) => void | Promise<void>;
}

export async function deliverOnce(
  deps: DeliverDeps,
  send: { scope: string; key: string; challengeId?: string; personIds: readonly string[]; card: object },
): Promise<DeliveryResult> {
  const result: DeliveryResult = { complete: true, sentTo: [], deliveredTo: [], undelivered: [] };
  for (const personId of send.personIds) {
    const claimed = await deps.claims.claim(send.scope, `${send.key}|${personId}`);
    if (claimed.kind === 'held') {
      result.complete = false;
      continue;
    }
    if (claimed.kind === 'settled') {
      if (claimed.outcome === 'sent') result.deliveredTo.push(personId);
      continue;
    }
    const delivery = await deps.messenger
      .sendToPerson(personId, send.card)
      .catch((error: unknown) => ({ delivered: false as const, reason: 'failed' as const, detail: String(error) }));
    if (delivery.delivered) {
      await deps.claims.settle(claimed.claim, 'sent');
      result.sentTo.push(personId);
      result.deliveredTo.push(personId);
      continue;
    }
    const what: Undelivered = {
      ...(send.challengeId ? { challengeId: send.challengeId } : {}),
      key: send.key,
      personId,
      reason: delivery.reason,
      ...(delivery.detail ? { detail: delivery.detail } : {}),
    };
    if (delivery.reason === 'failed') {
      // A passing failure: the next tick tries again, until the claim's attempts run out.
      const state = await deps.claims.release(claimed.claim, delivery.detail);
      if (state === 'released') {
        result.complete = false;
        continue;
      }
    } else {
      await deps.claims.settle(
        claimed.claim,
        delivery.reason === 'blocked' ? 'failed' : 'unreachable',
        delivery.detail,
      );
    }
    result.undelivered.push(what);
    await deps.onUndelivered?.(what);
  }
  return result;
}
