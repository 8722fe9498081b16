/**
 * Driving the real bot over HTTP as Teams clients would: read the card a person received,
 * press one of its buttons (Action.Execute with the card's own data and inputs, after the
 * automatic refresh Teams does when the card is shown), and see what the channel received.
 */
import assert from 'node:assert/strict';
import type { ChallengeThread } from '../../../src/store';
import type { ChallengeEvent } from '../../../src/workflow';
import { invokeAction, message, teamsUserId } from '../../support/activities';
import { startHarness, type Harness } from '../../support/bot-harness';
import type { RecordedActivity } from '../../support/fake-channel';

/**
 * The bot with sends made at once: Teams' rate limits are the outbound queue's own tests'
 * subject, and here they would only make the suite wait in real time.
 */
export function startBot(name: string, now: string): Promise<Harness> {
  return startHarness(name, { now, app: { through: (_conversationId, send) => send() } });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Card = Record<string, any>;
type Input = { id: string; type: string; label?: string; value?: string; choices?: { value: string }[] };

export const text = (x: unknown): string => JSON.stringify(x);

export function cardOf(
  activity: { attachments?: { contentType: string; content: unknown }[] } | undefined,
): Card | undefined {
  return activity?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as
    Card | undefined;
}

/** Inputs of a card's own body, not those inside its Action.ShowCard sub-cards. */
export function inputsIn(node: unknown, found: Input[] = []): Input[] {
  if (Array.isArray(node)) node.forEach((n) => inputsIn(n, found));
  else if (node && typeof node === 'object') {
    const o = node as Card;
    if (typeof o.type === 'string' && o.type.startsWith('Input.')) found.push(o as Input);
    for (const [k, v] of Object.entries(o)) if (k !== 'card' && k !== 'refresh') inputsIn(v, found);
  }
  return found;
}

interface Execute {
  verb: string;
  data: Record<string, unknown>;
  /** The inputs a client sends with it: its own card's and its parents'. */
  scope: Input[];
}

/** Every Action.Execute a person can press on the card (the refresh action is not a button). */
export function executes(card: Card, scope: Input[] = []): Execute[] {
  const own = [...scope, ...inputsIn(card)];
  const found: Execute[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Card;
    if (o.type === 'Action.Execute') found.push({ verb: o.verb, data: o.data ?? {}, scope: own });
    if (o.type === 'Action.ShowCard') return found.push(...executes(o.card, own));
    for (const [k, v] of Object.entries(o)) if (k !== 'refresh' && k !== 'fallback') walk(v);
  };
  walk(card.body);
  walk(card.actions);
  return found;
}

export const buttonsOf = (card: Card): string[] => [...new Set(executes(card).map((e) => e.verb))];

/** A made-up but plausible answer to a form field a person fills in. */
function answer(input: Input, who: string, today: string): string {
  if (input.type === 'Input.Date') return today;
  if (input.type === 'Input.Toggle') return 'true';
  if (input.type === 'Input.ChoiceSet') return input.choices?.[0]?.value ?? '';
  return `${(input.label ?? input.id).replace(/ \(required\)$/, '')}: as discussed and recorded by ${who}.`;
}

/**
 * The data a client sends when `verb` is pressed on `card`: the button's data, then every input
 * in scope (its current value, or what the person typed). Inputs are named by their id or
 * the id without the verb prefix; naming one the card does not have is a test error.
 * `fill` answers every required input left empty, as a person completing a form would.
 */
export function dataFor(
  card: Card,
  verb: string,
  typed: Record<string, string> = {},
  who = 'someone',
  today = '2026-11-23',
  fill = false,
) {
  const button = executes(card).find((e) => e.verb === verb);
  if (!button) throw new Error(`the card has no "${verb}" button; it has ${buttonsOf(card).join(', ') || 'none'}`);
  const values: Record<string, string> = {};
  for (const input of button.scope) values[input.id] = input.value ?? '';
  for (const [name, value] of Object.entries(typed)) {
    const id = [name, `${verb}.${name}`].find((n) => button.scope.some((i) => i.id === n));
    if (!id) throw new Error(`the "${verb}" form has no input "${name}"`);
    values[id] = value;
  }
  if (fill) {
    for (const input of button.scope) {
      const required = /\(required\)$/.test(input.label ?? '');
      if (required && values[input.id] === '') values[input.id] = answer(input, who, today);
    }
  }
  return { ...values, ...button.data };
}

/** Who a 1:1 conversation belongs to, by the Teams convention the fake channel follows. */
const personalId = (conversationId: string) => conversationId.match(/^a:personal-(.+)$/)?.[1];

export const isStageCard = (card: Card | undefined) => card?.refresh?.action?.verb === 'refresh';
export const isFeedbackCard = (card: Card | undefined) => /^Your challenge /.test(card?.body?.[0]?.text ?? '');

/** What the channel received during one step. */
export class Outcome {
  constructor(
    private readonly h: Harness,
    readonly received: RecordedActivity[],
    readonly thread: ChallengeThread | undefined,
    readonly card: Card,
    readonly events: ChallengeEvent[],
    /** Who pressed: their card is the invoke's answer (`card`). */
    readonly presser: string,
  ) {}

  private name(id: string): string {
    return this.h.directory.people.find((p) => p.id === id)?.name ?? id;
  }

  /** Cards sent 1:1, by the recipient's name. */
  personal(filter: (card: Card) => boolean = () => true): Map<string, Card[]> {
    const byName = new Map<string, Card[]>();
    for (const r of this.received) {
      const id = personalId(r.conversationId);
      const card = cardOf(r.activity);
      if (!id || !card || r.kind === 'update' || !filter(card)) continue;
      const name = this.name(id);
      byName.set(name, [...(byName.get(name) ?? []), card]);
    }
    return byName;
  }

  /** Names of the people sent a stage card (their own view of the challenge) 1:1. */
  stageCardsTo(): string[] {
    return [...this.personal(isStageCard).keys()].sort();
  }

  /**
   * Who holds a fresh card for the challenge after this step: `owners`, where the presser among
   * them holds it as the answer to their press (so it is not sent them again).
   */
  assertCardsWith(owners: readonly string[], label: string): void {
    const presser = owners.find((n) => n === this.presser);
    assert.deepEqual(this.stageCardsTo(), owners.filter((n) => n !== presser).sort(), `stage cards at ${label}`);
    if (presser) assert.ok(isStageCard(this.card), `${presser}'s answer is their card at ${label}`);
  }

  feedbackTo(name: string): Card[] {
    return this.personal(isFeedbackCard).get(name) ?? [];
  }

  noticesTo(name: string): Card[] {
    return this.personal((c) => !isStageCard(c) && !isFeedbackCard(c)).get(name) ?? [];
  }

  /** Posts in the challenge's thread (replies), in order. */
  threadPosts(): Card[] {
    if (!this.thread) return [];
    return this.received
      .filter((r) => r.conversationId === this.thread!.conversationId && r.kind !== 'update')
      .map((r) => cardOf(r.activity)!)
      .filter(Boolean);
  }

  /** Updates of the thread's root card in place (PUT of the root activity). */
  rootUpdates(): Card[] {
    if (!this.thread) return [];
    return this.received
      .filter(
        (r) =>
          r.kind === 'update' &&
          r.conversationId === this.thread!.conversationId &&
          r.activityId === this.thread!.rootActivityId,
      )
      .map((r) => cardOf(r.activity)!);
  }

  /** Everything posted to a channel: new threads, thread posts and root updates. */
  channelPosts(): RecordedActivity[] {
    return this.received.filter((r) => !personalId(r.conversationId));
  }
}

export interface RaiseInput {
  raiser: string;
  caseReference: string;
  /** A directory person's name, or an external professional. */
  raisedWith: string | { external: { name: string; role: string; agency: string; email: string } };
  /** Raise-form inputs by id; areas defaults to the first of the partnership's list. */
  inputs?: Record<string, string>;
}

/**
 * One challenge followed through its procedure: the latest card each person holds, and a
 * press that refreshes it first (as Teams does when the card is shown) and records what the
 * channel received.
 */
export class Walk {
  challengeId = '';
  /** The card each person holds now, by name. */
  readonly cards = new Map<string, Card>();
  /** Everything the channel received over the whole walk. */
  readonly log: RecordedActivity[] = [];
  private seenEvents = 0;

  constructor(readonly h: Harness) {}

  private today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(this.h.clock.now());
  }

  /** Asks for the raise form by typing, fills it in as shown and presses Raise. */
  async raise(input: RaiseInput): Promise<Outcome> {
    const { h } = this;
    h.channel.clear();
    await h.post(message(h.channel.url, h.user(input.raiser), 'raise challenge'));
    this.log.push(...h.channel.received);
    const form = cardOf(h.channel.received.at(-1)?.activity);
    assert.ok(form, 'the raise form');
    const areas = inputsIn(form).find((i) => i.id === 'areas')?.choices?.[0]?.value;
    const raisedWith: Record<string, string> =
      typeof input.raisedWith === 'string'
        ? { raisedWith: h.directory.people.find((p) => p.name === input.raisedWith)!.id }
        : {
            raisedWith: 'external',
            externalName: input.raisedWith.external.name,
            externalRole: input.raisedWith.external.role,
            externalAgency: input.raisedWith.external.agency,
            externalEmail: input.raisedWith.external.email,
          };
    const data = dataFor(form, 'raise', {
      caseReference: input.caseReference,
      areas: areas ?? '',
      concern: 'The referral was closed with no assessment although the school logged three incidents.',
      desiredOutcome: 'A strategy discussion and a child and family assessment.',
      evidence: 'Three incidents in two weeks, logged by the school, and the health visitor’s report.',
      ...raisedWith,
      ...input.inputs,
    });
    this.challengeId = String(data.challengeId);
    return this.send(input.raiser, 'raise', data);
  }

  /** The automatic refresh Teams does when a card listing the person in refresh.userIds is shown. */
  async refresh(who: string): Promise<Card> {
    const held = this.cards.get(who);
    assert.ok(held, `${who} holds no card for this challenge`);
    assert.ok(isStageCard(held), `${who}'s card refreshes`);
    assert.ok(held.refresh.userIds.includes(teamsUserId(this.h.user(who))), `${who} is listed for refresh`);
    const { body } = await this.h.post(
      invokeAction(this.h.channel.url, this.h.user(who), 'refresh', held.refresh.action.data, undefined, 'automatic'),
    );
    const card = (body as { value: Card }).value;
    this.cards.set(who, card);
    return card;
  }

  /** `who` presses `verb` on the card they hold, refreshed first; required inputs not typed are answered. */
  async press(
    who: string,
    verb: string,
    typed: Record<string, string> = {},
    options: { refresh?: boolean } = {},
  ): Promise<Outcome> {
    const card = options.refresh === false ? this.cards.get(who) : await this.refresh(who);
    assert.ok(card, `${who} holds no card for this challenge`);
    const fill = verb === 'recordOutcome' || verb === 'recordNotification';
    return this.send(who, verb, dataFor(card, verb, typed, who, this.today(), fill));
  }

  /** Posts one invoke with this data and collects what followed. */
  async send(who: string, verb: string, data: Record<string, unknown>): Promise<Outcome> {
    const { h } = this;
    h.channel.clear();
    const { status, body } = await h.post(invokeAction(h.channel.url, h.user(who), verb, data));
    assert.equal(status, 200);
    const card = (body as { value: Card }).value;
    const all = this.challengeId ? await h.app.stores.challenges.events(this.challengeId) : [];
    const events = all.slice(this.seenEvents);
    this.seenEvents = all.length;
    const thread = this.challengeId ? await h.app.stores.conversations.getThread(this.challengeId) : undefined;
    const outcome = new Outcome(h, [...h.channel.received], thread, card, events, who);
    // One card per person per event: the presser's card is the answer, never sent again.
    assert.deepEqual(outcome.personal(isStageCard).get(who) ?? [], [], `${who} is not sent their card again`);
    this.log.push(...h.channel.received);
    if (isStageCard(card)) this.cards.set(who, card);
    for (const [name, cards] of outcome.personal(isStageCard)) this.cards.set(name, cards.at(-1)!);
    return outcome;
  }
}

/**
 * The checks every move to a new stage must pass: the new owners (and anyone the procedure
 * notifies) get their card 1:1 and nobody else does; the raiser hears of it (COM-4); the
 * thread gets the events and its root card shows the new stage; the history records it.
 */
export function assertMovedTo(
  o: Outcome,
  expected: { label: string; from: string; cardsTo: string[]; raiser: string; caseReference: string },
): void {
  // One card per person per event: a presser who owns the new stage has it as the answer, not twice.
  assertOneCardForThePresser(o);
  const others = expected.cardsTo.filter((name) => name !== o.presser);
  assert.deepEqual(o.stageCardsTo(), [...others].sort(), `stage cards at ${expected.label}`);
  assert.match(
    text(o.card),
    new RegExp(`${expected.caseReference}: ${expected.label},`),
    "the presser's card moved on",
  );
  for (const [name, cards] of o.personal(isStageCard)) {
    assert.match(
      text(cards.at(-1)),
      new RegExp(`${expected.caseReference}: ${expected.label},`),
      `${name}'s card shows ${expected.label}`,
    );
  }
  const feedback = o.feedbackTo(expected.raiser);
  if (o.presser === expected.raiser) {
    // The raiser pressed: their answer says it, and no feedback card repeats it (COM-4).
    assert.equal(feedback.length, 0, 'no feedback card to the raiser who pressed');
    assert.equal(noticeOf(o.card)?.style, 'good', 'the raiser is told it is done');
  } else {
    assert.equal(feedback.length, 1, `one feedback card to the raiser (COM-4) at ${expected.label}`);
    assert.match(text(feedback[0]), new RegExp(`moved from ${expected.from} to ${expected.label}\\.`));
  }
  const posts = o.threadPosts().map(text);
  assert.ok(
    posts.some((p) => p.includes(`Escalated to ${expected.label}`)),
    `thread says escalated to ${expected.label}`,
  );
  assert.ok(
    posts.some((p) => p.includes(`Now at ${expected.label}:`)),
    `thread says now at ${expected.label}`,
  );
  assert.equal(o.rootUpdates().length, 1, 'the root card is updated once');
  assert.match(text(o.rootUpdates()[0]), new RegExp(`${expected.label}: `));
  assert.deepEqual(
    o.events.map((e) => e.type),
    ['Escalated', 'StageEntered'],
  );
}

/** The presser's answer is their card, with a confirmation in words in the good style; nothing more is sent to them. */
export function assertOneCardForThePresser(o: Outcome): void {
  assert.ok(isStageCard(o.card), 'the answer is the stage card');
  assert.equal(o.personal(isStageCard).get(o.presser), undefined, `${o.presser} is not sent a second card`);
  assertDone(o.card);
}

/** A success notice: at the top, in the good style (never attention), in words that start with what you did. */
export function assertDone(card: Card): void {
  const notice = card.body?.find((b: Card) => b.type === 'Container' && b.style);
  assert.ok(notice, 'a notice');
  assert.equal(notice.style, 'good', `the notice is in the good style: ${text(notice)}`);
  assert.match(notice.items[0].text, /^You /, 'in words, saying what you did');
  assert.doesNotMatch(notice.items[0].text, /Done \(/, "never a verb's code name");
}

/** A step that records something and moves nothing: a thread post, a root update, no stage cards. */
export function assertRecorded(o: Outcome, eventType: ChallengeEvent['type'], threadText: RegExp): void {
  assert.deepEqual(
    o.events.map((e) => e.type),
    [eventType],
  );
  assert.deepEqual(o.stageCardsTo(), [], 'nobody is sent a new card');
  assert.equal(o.threadPosts().length, 1, 'one post in the thread');
  assert.match(text(o.threadPosts()[0]), threadText);
  assert.equal(o.rootUpdates().length, 1, 'the root card is updated');
  assertOneCardForThePresser(o);
}

/** The notice at the top of an answer card: its style and words, when it has one. */
export function noticeOf(card: Card | undefined): { style: string; text: string } | undefined {
  const first = card?.body?.find?.(
    (b: Card) => b?.type === 'Container' && typeof b.style === 'string' && b.items?.[0]?.text,
  );
  return first ? { style: first.style, text: first.items[0].text } : undefined;
}

/** Everyone in a partnership's agencies installs the bot, so every card reaches them; `except` do not. */
export async function installPartnership(h: Harness, partnershipId: string, except: string[] = []): Promise<void> {
  const agencies = new Set(h.directory.agencies.filter((a) => a.partnershipId === partnershipId).map((a) => a.id));
  const names = h.directory.people
    .filter((p) => agencies.has(p.agencyId) && !except.includes(p.name))
    .map((p) => p.name);
  await h.install(...names);
}
