/**
 * A stream of presses for the fault suite: Leeds challenges, each raised and then walked
 * through a pause, a resume, an outcome and an escalation by three people, over HTTP as Teams
 * clients would (an automatic refresh when the card they hold is not the latest, then the button). Each press is logged with how
 * it was answered; one answered "Nothing was saved" is pressed again, as the card asks, once
 * storage is back. Then two checks from the outside: the stored history holds each press
 * answered "done" exactly once, and what the channel took in (2xx only) matches, message for
 * message, what a control challenge walked with no faults took in.
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NOT_SAVED } from '../../../bot/actions/answer';
import { installationUpdate, invokeAction, message } from '../../support/activities';
import type { Harness } from '../../support/bot-harness';
import type { FakeChannel, RecordedActivity } from '../../support/fake-channel';
import type { Stores } from '../../../src/store';
import { cardOf, dataFor, executes, inputsIn, isFeedbackCard, isStageCard, noticeOf, type Card } from '../bot/support';

export interface Step {
  who: string;
  verb: string;
  typed?: Record<string, string>;
}

export const RAISER = 'Amira Khan';

/**
 * The bot the stream talks to: in this process (the harness) or in another one (the process
 * fault test), with the fake channel it sends to and its tables read from here.
 */
export interface BotUnderTest {
  post: Harness['post'];
  user: Harness['user'];
  directory: Harness['directory'];
  channel: FakeChannel;
  /** The business day the bot sees, for the dates a form asks for. */
  today: string;
  stores: Pick<Stores, 'challenges' | 'owed' | 'outbox'>;
  /** Waits until the sends under way in the bot are done, where it can tell. */
  idle(): Promise<void>;
  /** What the scheduler's run does for what transitions still owe. */
  sweep(): Promise<unknown>;
}

/** The harness as a bot under test. */
export const inProcess = (h: Harness): BotUnderTest => ({
  post: h.post,
  user: h.user,
  directory: h.directory,
  channel: h.channel,
  today: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(h.clock.now()),
  stores: h.app.stores,
  idle: () => h.app.kit.dispatcher.idle(),
  sweep: () => h.app.kit.dispatcher.sweep({ graceMs: 0 }),
});

/** Everyone in Leeds installs the bot (at once: one by one is slow), so every card the stream owes can reach them. */
export async function installLeeds(h: Pick<BotUnderTest, 'directory' | 'post' | 'user' | 'channel'>): Promise<void> {
  const agencies = new Set(h.directory.agencies.filter((a) => a.partnershipId === 'leeds').map((a) => a.id));
  const names = h.directory.people.filter((p) => agencies.has(p.agencyId)).map((p) => p.name);
  await Promise.all(
    names.map(async (name) => {
      const { status } = await h.post(installationUpdate(h.channel.url, h.user(name)));
      assert.equal(status, 200, `${name} installed the bot`);
    }),
  );
}

/** After the raise: every press the stream makes on each challenge, in order (a pause, a resume, an outcome, an escalation). */
export const SCRIPT: readonly Step[] = [
  { who: RAISER, verb: 'pause', typed: { reason: 'Waiting for the school nurse.' } },
  { who: RAISER, verb: 'resume' },
  { who: 'Grace Liu', verb: 'recordOutcome' },
  { who: RAISER, verb: 'escalate', typed: { reason: 'Not resolved between practitioners.' } },
];

export type Answer = 'done' | 'notSaved' | 'other';

export interface PressLog {
  caseReference: string;
  /** 0 is the raise; 1.. the script's steps. */
  step: number;
  verb: string;
  who: string;
  /** The idempotency key the bot gives this press (bot/actions/context.ts): how the history names it. */
  key: string;
  status: number;
  answer: Answer;
  /** What an answer that was neither "done" nor "Nothing was saved" said. */
  said?: string;
  /** performance.now() when sent and answered. */
  sentAt: number;
  answeredAt: number;
}

export interface StreamOptions {
  /** Resolves once storage is back: a press answered "Nothing was saved" is pressed again then. */
  storageBack?: () => Promise<void>;
  /** Called after every answer (the fault tests sample the channel's state there). */
  onAnswer?: (press: PressLog) => void;
}

const answerOf = (status: number, body: unknown): { answer: Answer; card: Card | undefined; said?: string } => {
  const card = (body as { value?: Card } | undefined)?.value;
  const words = JSON.stringify(body ?? '');
  if (status === 200 && words.includes(NOT_SAVED)) return { answer: 'notSaved', card };
  if (status === 200 && noticeOf(card)?.style === 'good') return { answer: 'done', card };
  return { answer: 'other', card, said: `${status} ${noticeOf(card)?.text ?? words.slice(0, 200)}` };
};

/** One challenge walked through the script; every press it makes goes into `log`. */
export class ChallengeStream {
  challengeId = '';
  private form: Card | undefined;
  private version = 0;
  /** The card each person was last answered with: pressed again at once while the challenge has not moved. */
  private readonly held = new Map<string, Card>();

  constructor(
    private readonly h: BotUnderTest,
    readonly caseReference: string,
    private readonly log: PressLog[],
    private readonly options: StreamOptions = {},
  ) {}

  /** Asks for the raise form (a message the bot answers through the channel): done before any fault. */
  async fetchForm(): Promise<void> {
    const { h } = this;
    const conversationId = `a:personal-${h.user(RAISER).aadObjectId}`;
    const before = h.channel.received.length;
    const { status } = await h.post(message(h.channel.url, h.user(RAISER), 'raise challenge'), {}, { sends: 'skip' });
    assert.equal(status, 200);
    const sent = await h.channel.waitFor(() =>
      h.channel.received
        .slice(before)
        .find((r) => r.conversationId === conversationId && executes(cardOf(r.activity) ?? {}).length > 0),
    );
    this.form = cardOf(sent.activity);
    assert.ok(this.form, 'the raise form');
  }

  /** The raise, then every step of the script, each pressed until it is answered other than "Nothing was saved". */
  async run(steps: readonly Step[] = SCRIPT): Promise<void> {
    await this.raise();
    await this.walk(steps);
  }

  async raise(): Promise<void> {
    assert.ok(this.form, 'fetchForm first');
    const data = dataFor(this.form, 'raise', {
      caseReference: this.caseReference,
      areas: areasOf(this.form),
      concern: 'The referral was closed with no assessment although the school logged three incidents.',
      desiredOutcome: 'A strategy discussion and a child and family assessment.',
      evidence: 'Three incidents in two weeks, logged by the school.',
      raisedWith: this.h.directory.people.find((p) => p.name === 'Grace Liu')!.id,
    });
    this.challengeId = String(data.challengeId);
    const raiserId = this.h.user(RAISER).aadObjectId;
    await this.press(0, RAISER, 'raise', data, `raise:${raiserId}:${this.challengeId}`);
  }

  async walk(steps: readonly Step[] = SCRIPT): Promise<void> {
    for (const [i, step] of steps.entries()) {
      const card = await this.refreshed(step.who);
      const fill = step.verb === 'recordOutcome';
      const pressed = dataFor(card, step.verb, step.typed ?? {}, step.who, this.h.today, fill);
      const key = `${step.verb}:${this.h.user(step.who).aadObjectId}:${this.challengeId}:v${String(pressed.version)}`;
      await this.press(i + 1, step.who, step.verb, pressed, key);
    }
  }

  /**
   * The person's card as it stands: the one their last press was answered with while nothing has
   * happened since, else refreshed as Teams does. With storage down, refreshed once it is back.
   */
  private async refreshed(who: string): Promise<Card> {
    const held = this.held.get(who);
    if (held && Number(held.refresh?.action?.data?.version) === this.version) return held;
    for (;;) {
      const data = { verb: 'refresh', challengeId: this.challengeId, version: this.version };
      const sentAt = performance.now();
      const { status, body } = await this.h.post(
        invokeAction(this.h.channel.url, this.h.user(who), 'refresh', data, undefined, 'automatic'),
        {},
        { sends: 'skip' },
      );
      const card = (body as { value?: Card } | undefined)?.value;
      if (status === 200 && card && isStageCard(card)) return card;
      const { answer, said } = answerOf(status, body);
      if (answer !== 'notSaved' || !this.options.storageBack) {
        assert.fail(`${this.caseReference}: ${who}'s refresh was answered ${said ?? answer}`);
      }
      const answeredAt = performance.now();
      this.log.push({
        caseReference: this.caseReference,
        step: -1,
        verb: 'refresh',
        who,
        key: '',
        status,
        answer,
        sentAt,
        answeredAt,
      });
      await this.options.storageBack();
    }
  }

  /** One press, answered; pressed again (the same card, so the same key) after "Nothing was saved". */
  private async press(step: number, who: string, verb: string, data: Record<string, unknown>, key: string) {
    for (;;) {
      const sentAt = performance.now();
      const { status, body } = await this.h.post(
        invokeAction(this.h.channel.url, this.h.user(who), verb, data),
        {},
        { sends: 'skip' },
      );
      const { answer, card, said } = answerOf(status, body);
      const logged: PressLog = {
        caseReference: this.caseReference,
        step,
        verb,
        who,
        key,
        status,
        answer,
        ...(said ? { said } : {}),
        sentAt,
        answeredAt: performance.now(),
      };
      this.log.push(logged);
      this.options.onAnswer?.(logged);
      if (answer === 'done') {
        const version = Number(card?.refresh?.action?.data?.version);
        if (Number.isInteger(version)) this.version = version;
        if (card && isStageCard(card)) this.held.set(who, card);
        return;
      }
      if (answer === 'notSaved' && this.options.storageBack) {
        await this.options.storageBack();
        continue;
      }
      assert.fail(`${this.caseReference} step ${step} (${who} ${verb}) was answered ${said ?? answer}`);
    }
  }
}

const areasOf = (form: Card): string => inputsIn(form).find((i) => i.id === 'areas')?.choices?.[0]?.value ?? '';

/**
 * Every press answered "done" is in the stored history exactly once: its events carry its key,
 * no event type twice under one key, and the history holds no key that was never answered "done".
 */
export async function checkHistory(
  h: Pick<BotUnderTest, 'stores'>,
  streams: readonly ChallengeStream[],
  log: readonly PressLog[],
): Promise<{ transitions: number; events: number }> {
  let transitions = 0;
  let events = 0;
  for (const stream of streams) {
    const history = await h.stores.challenges.events(stream.challengeId);
    events += history.length;
    const byKey = new Map<string, string[]>();
    for (const e of history) byKey.set(e.idempotencyKey, [...(byKey.get(e.idempotencyKey) ?? []), e.type]);
    const done = new Set(
      log.filter((p) => p.caseReference === stream.caseReference && p.answer === 'done').map((p) => p.key),
    );
    for (const key of done) {
      const types = byKey.get(key);
      assert.ok(types, `${stream.caseReference}: the press ${key} answered "done" is in the history`);
      assert.equal(
        new Set(types).size,
        types.length,
        `${stream.caseReference}: ${key} is in the history once (${types.join(', ')})`,
      );
    }
    assert.deepEqual(
      [...byKey.keys()].filter((k) => !done.has(k)),
      [],
      `${stream.caseReference}: nothing in the history that no press was told is done`,
    );
    transitions += byKey.size;
  }
  return { transitions, events };
}

/**
 * What the channel took in for each challenge, one line per message: who (a person's name, or
 * the case's thread), how (a new thread, a post, an update in place) and what (the words of a
 * thread post, a feedback card or a notice; a stage card or the root card drawn at send time
 * only by its kind, as its wording depends on when it was sent).
 */
export function deliveries(
  h: Pick<BotUnderTest, 'channel' | 'directory'>,
  streams: readonly ChallengeStream[],
): Map<string, string[]> {
  const refs = streams.map((s) => s.caseReference);
  const threads = new Map<string, string>();
  const found = new Map<string, string[]>(refs.map((r) => [r, []]));
  const names = new Map(h.directory.people.map((p) => [`a:personal-${p.id}`, p.name]));
  const refIn = (words: string) => refs.find((r) => new RegExp(`\\b${r}\\b`).test(words));
  for (const r of h.channel.received as RecordedActivity[]) {
    const card = cardOf(r.activity);
    const words = JSON.stringify(card ?? r.activity);
    if (r.kind === 'createConversation') {
      const ref = refIn(words);
      if (ref) threads.set(r.conversationId, ref);
    }
    const ref = threads.get(r.conversationId) ?? refIn(words);
    if (!ref) continue;
    const who = names.get(r.conversationId) ?? 'thread';
    const firstText = String(card?.body?.[0]?.text ?? '');
    const what =
      r.kind === 'createConversation' || r.kind === 'update'
        ? 'root card'
        : who === 'thread'
          ? firstText
          : isStageCard(card)
            ? 'stage card'
            : isFeedbackCard(card)
              ? `feedback: ${JSON.stringify(card?.body?.slice(1)).replace(new RegExp(ref, 'g'), '<ref>')}`
              : `notice: ${firstText}`;
    const how = r.kind === 'createConversation' ? 'new thread' : r.kind === 'update' ? 'update' : 'post';
    found.get(ref)!.push(`${who} | ${how} | ${what.replace(new RegExp(ref, 'g'), '<ref>')}`);
  }
  for (const lines of found.values()) lines.sort();
  return found;
}

/**
 * For each stream, what the channel took in against the control's lines: the lines missing
 * (lost) and those beyond them (doubled), named by case reference.
 */
export function lostAndDoubled(
  h: Pick<BotUnderTest, 'channel' | 'directory'>,
  expected: readonly string[],
  streams: readonly ChallengeStream[],
) {
  const found = deliveries(h, streams);
  const compared = streams.map((s) => ({
    ref: s.caseReference,
    ...compareDeliveries(expected, found.get(s.caseReference)!),
  }));
  return {
    messagesExpected: expected.length * streams.length,
    messagesDelivered: [...found.values()].reduce((n, lines) => n + lines.length, 0),
    lost: compared.flatMap((c) => c.lost.map((l) => `${c.ref}: ${l}`)),
    doubled: compared.flatMap((c) => c.doubled.map((l) => `${c.ref}: ${l}`)),
  };
}

/** Lines in `actual` beyond `expected` (doubled) and missing from it (lost), as multisets. */
function compareDeliveries(expected: readonly string[], actual: readonly string[]) {
  const count = (lines: readonly string[]) =>
    lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const want = count(expected);
  const got = count(actual);
  const lost: string[] = [];
  const doubled: string[] = [];
  for (const [line, n] of want) for (let i = got.get(line) ?? 0; i < n; i++) lost.push(line);
  for (const [line, n] of got) for (let i = want.get(line) ?? 0; i < n; i++) doubled.push(line);
  return { lost, doubled };
}

/** The control: the short walk with nothing failing, and the lines of what the channel took in for it. */
export async function walkControl(
  h: BotUnderTest,
  caseReference: string,
): Promise<{ expected: string[]; log: PressLog[] }> {
  const log: PressLog[] = [];
  const control = new ChallengeStream(h, caseReference, log);
  await control.fetchForm();
  await control.run();
  await sweepUntilSettled(h, [control]);
  const expected = deliveries(h, [control]).get(caseReference)!;
  assert.ok(expected.length > 10, 'the control was sent its messages');
  return { expected, log };
}

/** Sweeps (as the scheduler does) until no challenge of the stream owes anything; returns the sweeps it took. */
export async function sweepUntilSettled(
  h: Pick<BotUnderTest, 'stores' | 'idle' | 'sweep'>,
  streams: readonly ChallengeStream[],
  maxSweeps = 40,
): Promise<number> {
  for (let sweeps = 0; sweeps < maxSweeps; sweeps++) {
    await h.idle();
    const owing = [];
    for (const s of streams) if ((await h.stores.owed.list(s.challengeId)).length > 0) owing.push(s.caseReference);
    if (owing.length === 0 && (await h.stores.outbox.orphans(0)).length === 0) return sweeps;
    await h.sweep();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail('what the transitions owe was still not all carried out');
}

/** How the presses of a log were answered. */
export function answersOf(log: readonly PressLog[]) {
  return {
    presses: log.filter((p) => p.step >= 0).length,
    answers: { done: 0, notSaved: 0, other: 0, ...countBy(log, (p) => p.answer) },
    httpStatuses: [...new Set(log.map((p) => p.status))],
  };
}

/** How many of each: statuses seen, faults injected. */
export function countBy<T>(items: readonly T[], key: (item: T) => string | number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** The figures of a run, for the report: test-results/ (not committed). */
export async function writeFigures(name: string, figures: object): Promise<void> {
  const dir = join(__dirname, '..', '..', '..', 'test-results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `faults-${name}.json`), JSON.stringify(figures, null, 2));
}

/** Polls until `ok` holds; fails naming `what` after `timeoutMs`. */
export async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await ok())) {
    if (performance.now() > end) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
