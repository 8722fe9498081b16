/**
 * Carries out what a transition asks for (the workflow's effects, plain data): stage cards to
 * the new owners, feedback to the raiser (COM-4), partnership notifications, a reply in the
 * case's thread with its root card brought up to date, and "contact them by other means"
 * when someone cannot be reached in Teams.
 */
import type { OwnerRole, Procedure } from '../src/procedures/schema';
import type { ChallengeThread } from '../src/store';
import { sideOf, type Challenge, type ChallengeEvent, type Effect, type PersonRef } from '../src/workflow';
import { cardFor, feedbackCard, threadEventCard, threadRootCard, unreachableCard } from './card-views';
import type { ChannelTarget } from './messenger';
import type { Services } from './services';

export interface TransitionOutcome {
  procedure: Procedure;
  challenge: Challenge;
  events: readonly ChallengeEvent[];
  effects: readonly Effect[];
  /** Where a new challenge's thread goes (raise only). */
  channel?: ChannelTarget;
  /** Who pressed: their stage card is the invoke's answer, so it is not sent to them again. */
  presserId?: string;
}

export async function carryOut(services: Services, outcome: TransitionOutcome): Promise<void> {
  const { procedure, challenge } = outcome;
  const unreachable: PersonRef[] = [];
  const send = async (person: PersonRef, card: object) => {
    const delivery = await services.messenger.sendToPerson(person.id, card);
    if (!delivery.delivered) unreachable.push(person);
  };
  // A stage owner the procedure also notifies (Leeds stage 4's business unit) gets their card once.
  const carded = new Set<string>(outcome.presserId ? [outcome.presserId] : []);
  const sendCard = async (person: PersonRef) => {
    if (carded.has(person.id)) return;
    carded.add(person.id);
    await send(person, await cardFor(services, procedure, challenge, person.id));
  };

  await updateThread(services, outcome);

  for (const effect of outcome.effects) {
    switch (effect.type) {
      case 'sendStageCard':
        for (const person of effect.to) await sendCard(person);
        break;
      case 'feedbackToRaiser':
        await send(effect.to, feedbackCard(services, procedure, challenge, effect.message));
        break;
      case 'notifyPartnership':
        for (const person of effect.to) await sendCard(person);
        break;
      case 'contactByOtherMeans':
        for (const person of effect.tell)
          await send(person, unreachableCard(challenge.caseReference, effect.unreachable));
        break;
      case 'threadUpdate':
        break; // the thread follows the events (updateThread), so the summary needs no send of its own
    }
  }

  const unknown = dedupe(unreachable).filter((p) => !p.external);
  if (unknown.length > 0) await tellRaisingSide(services, challenge, unknown);
}

/** The raising side's owners learn who could not be reached, so they use phone or email instead. */
async function tellRaisingSide(services: Services, challenge: Challenge, unreachable: PersonRef[]): Promise<void> {
  const raising = (Object.keys(challenge.participants) as OwnerRole[])
    .filter((role) => sideOf(role) === 'raising')
    .flatMap((role) => challenge.participants[role] ?? []);
  // The raising side as it stands now (raising.practitioner and the rest): someone who handed over is not told.
  const tell = dedupe(raising).filter((p) => !unreachable.some((u) => u.id === p.id));
  const card = unreachableCard(challenge.caseReference, unreachable);
  for (const person of tell.slice(0, 5)) await services.messenger.sendToPerson(person.id, card);
  services.logger.info('people not reachable in Teams', { challengeId: challenge.id, count: unreachable.length });
}

async function updateThread(services: Services, outcome: TransitionOutcome): Promise<void> {
  const { procedure, challenge, events } = outcome;
  const root = threadRootCard(services, procedure, challenge);
  const raised = events.some((e) => e.type === 'ChallengeRaised');
  if (raised) {
    if (!outcome.channel) return;
    try {
      await services.messenger.startThread(challenge.id, outcome.channel, root);
    } catch (error) {
      services.logger.warn('could not start the challenge thread', { challengeId: challenge.id, error: String(error) });
    }
    return;
  }
  const thread: ChallengeThread | undefined = await services.stores.conversations.getThread(challenge.id);
  if (!thread) return;
  for (const event of events) {
    if (event.type === 'ReminderSent') continue;
    await services.messenger.replyInThread(thread, threadEventCard(procedure, challenge, event));
  }
  await services.messenger.updateThreadRoot(thread, root);
}

function dedupe(people: PersonRef[]): PersonRef[] {
  return [...new Map(people.map((p) => [p.id, p])).values()];
}
