/**
 * What a transition owes beyond its own partition, as rows committed with it: each card to a
 * person, each post in the case's thread, the person index when the people on it change.
 * Derived from the workflow's effects and the events. Pure. The presser's own card is the
 * invoke's answer, so neither their stage card nor their feedback is owed again.
 */
import { z } from 'zod';
import { reachedByEmail } from '../mail/mailer';
import type { Procedure } from '../procedures/schema';
import type { Challenge, ChallengeEvent, Effect, PersonRef } from '../workflow/types';
import { ChannelTargetSchema, type ChannelTarget } from './ports';

const PersonRefSchema = z.looseObject({ id: z.string().min(1), name: z.string(), reachable: z.boolean() });
const person = PersonRefSchema as unknown as z.ZodType<PersonRef>;

export const OwedSchema = z.discriminatedUnion('kind', [
  /** The person's own card for the challenge as it stands when it is sent. */
  z.object({ kind: z.literal('stageCard'), to: person }),
  z.object({ kind: z.literal('feedback'), to: person, message: z.string() }),
  z.object({ kind: z.literal('unreachableNotice'), to: person, unreachable: z.array(person) }),
  /** Someone Teams cannot reach, who has an address: the notice by email (off unless configured). */
  z.object({ kind: z.literal('emailNotice'), to: person }),
  z.object({
    kind: z.literal('reminder'),
    to: person,
    level: z.enum(['dueSoon', 'overdue', 'escalationOffer', 'raiserOverdue']),
    reminderKey: z.string(),
  }),
  z.object({ kind: z.literal('threadStart'), channel: ChannelTargetSchema }),
  /** One reply per event, drawn from the event (a copy: the row stands alone for the sweep). */
  z.object({
    kind: z.literal('threadReply'),
    event: z.looseObject({ type: z.string(), at: z.string() }) as unknown as z.ZodType<ChallengeEvent>,
  }),
  z.object({ kind: z.literal('threadRoot') }),
  /** The people on the challenge changed: their "my challenges" rows, dropping those who left. */
  z.object({ kind: z.literal('personIndex'), formerIds: z.array(z.string()) }),
]);
export type Owed = z.infer<typeof OwedSchema>;
export type OwedKind = Owed['kind'];

export interface TransitionFacts {
  procedure: Procedure;
  before: Challenge | undefined;
  after: Challenge;
  events: readonly ChallengeEvent[];
  effects: readonly Effect[];
  /** Whose card the answer replaces: a person pressing a button on their own card. */
  presserId?: string;
  /** Where a new challenge's thread goes (raise only). */
  channel?: ChannelTarget;
}

function peopleIds(challenge: Challenge | undefined): string[] {
  if (!challenge) return [];
  const ids = new Set<string>([challenge.raisedBy.id, challenge.raisedWith.id]);
  for (const people of Object.values(challenge.participants)) for (const p of people ?? []) ids.add(p.id);
  return [...ids];
}

export function owedOf(facts: TransitionFacts): Owed[] {
  const { before, after, events, effects, presserId } = facts;
  const owed: Owed[] = [];

  const formerIds = peopleIds(before);
  const nowIds = peopleIds(after);
  const changed = formerIds.length !== nowIds.length || nowIds.some((id) => !formerIds.includes(id));
  if (changed || events.some((e) => e.type === 'HandedOver')) owed.push({ kind: 'personIndex', formerIds });

  if (events.some((e) => e.type === 'ChallengeRaised')) {
    if (facts.channel) owed.push({ kind: 'threadStart', channel: facts.channel });
  } else {
    const posted = events.filter((e) => e.type !== 'ReminderSent');
    for (const event of posted) owed.push({ kind: 'threadReply', event });
    if (posted.length > 0) owed.push({ kind: 'threadRoot' });
  }

  // A stage owner the procedure also notifies (Leeds stage 4's business unit) gets their card once.
  const carded = new Set<string>(presserId ? [presserId] : []);
  const card = (to: PersonRef) => {
    if (carded.has(to.id)) return;
    carded.add(to.id);
    owed.push({ kind: 'stageCard', to });
  };
  for (const effect of effects) {
    switch (effect.type) {
      case 'sendStageCard':
      case 'notifyPartnership':
        effect.to.forEach(card);
        break;
      case 'feedbackToRaiser':
        if (effect.to.id !== presserId) owed.push({ kind: 'feedback', to: effect.to, message: effect.message });
        break;
      case 'contactByOtherMeans':
        for (const to of effect.tell) owed.push({ kind: 'unreachableNotice', to, unreachable: effect.unreachable });
        for (const to of effect.unreachable.filter(reachedByEmail)) owed.push({ kind: 'emailNotice', to });
        break;
      case 'sendReminder':
        for (const to of effect.to)
          owed.push({ kind: 'reminder', to, level: effect.level, reminderKey: effect.reminderKey });
        break;
    }
  }
  return owed;
}

/** Which sends must keep their order: a thread's posts in one lane, each person's cards in theirs. */
export function laneOf(owed: Owed): string {
  switch (owed.kind) {
    case 'personIndex':
      return 'index';
    case 'threadStart':
    case 'threadReply':
    case 'threadRoot':
      return 'thread';
    case 'emailNotice':
      return `email:${owed.to.id}`;
    default:
      return `person:${owed.to.id}`;
  }
}
