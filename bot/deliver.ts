/**
 * A command and the sends it owes, as one unit: an outbox entry is opened before the command
 * runs and settled once its effects are carried out, so a crash between the commit and the
 * sends leaves the entry for the sweep. The sweep re-derives the effects from the stored
 * events and carries them out (at least once: a send made just before a crash may repeat).
 */
import type { Procedure } from '../src/procedures/schema';
import type { CommandResult, OutboxEntry } from '../src/store';
import { apply, effectsOf, type Challenge, type CommandEnvelope } from '../src/workflow';
import { findProcedure } from '../src/procedures';
import { carryOut } from './effects';
import type { ChannelTarget } from './messenger';
import type { Services } from './services';

export async function runAndDeliver(
  services: Services,
  procedure: Procedure,
  challengeId: string,
  envelope: CommandEnvelope,
  extras: { channel?: ChannelTarget } = {},
): Promise<CommandResult> {
  const entry = await services.stores.outbox.open({ challengeId, idempotencyKey: envelope.idempotencyKey, ...extras });
  const result = await services.run(procedure, challengeId, envelope);
  if (result.transitioned && result.decision.ok && result.challenge) {
    await carryOut(services, {
      procedure,
      challenge: result.challenge,
      events: result.decision.events,
      effects: result.decision.effects,
      channel: extras.channel,
      // One card per person per event: the presser's card is replaced by the answer, not sent again.
      presserId: envelope.actor.id,
    });
  }
  // Reached only when every send was made (or nothing was owed); a throw above leaves the entry.
  await services.stores.outbox.settle(entry);
  return result;
}

/** Carries out what orphaned entries still owe; returns how many were delivered. */
export async function sweepOutbox(services: Services, options: { graceMs?: number } = {}): Promise<number> {
  const { outbox } = services.stores;
  let delivered = 0;
  for (const entry of await outbox.orphans(options.graceMs ?? 60_000)) {
    try {
      if (await redeliver(services, entry)) delivered += 1;
      await outbox.settle(entry);
    } catch (error) {
      services.logger.warn('outbox redelivery failed; kept for the next sweep', {
        challengeId: entry.challengeId,
        error: String(error),
      });
    }
  }
  return delivered;
}

async function redeliver(services: Services, entry: OutboxEntry): Promise<boolean> {
  const loaded = await services.stores.challenges.load(entry.challengeId);
  const procedure = loaded ? findProcedure(loaded.challenge.procedureId) : undefined;
  if (!loaded || !procedure) return false;
  const history = await services.stores.challenges.events(entry.challengeId);
  const first = history.findIndex((e) => e.idempotencyKey === entry.idempotencyKey);
  if (first < 0) return false; // refused, or never committed: nothing is owed
  const events = history.filter((e) => e.idempotencyKey === entry.idempotencyKey);
  const fold = (upTo: number): Challenge | undefined =>
    history.slice(0, upTo).reduce<Challenge | undefined>(apply, undefined);
  const before = fold(first);
  const after = fold(first + events.length);
  if (!after) return false;
  await carryOut(services, {
    procedure,
    challenge: loaded.challenge,
    events,
    effects: effectsOf(procedure, before, after, events),
    channel: entry.channel,
  });
  return true;
}
