/**
 * The press benchmark's scenario (issue 9): one Leeds practitioner asks for help, raises
 * challenges, refreshes each card and escalates each, at a given concurrency; the echo floor
 * takes the same messages. Each press is timed to its HTTP answer; what the connector then
 * receives is attributed to a challenge by its case reference, to know what each press owes.
 */
import { createHash } from 'node:crypto';
import { invokeAction, message, type TestUser } from '../test/support/activities';
import type { FakeChannel, RecordedActivity } from '../test/support/fake-channel';
import { cardOf, dataFor, executes, type Card } from '../test/integration/bot/support';
import { load, postJson, type Figures } from './load';
import type { BotWorld } from './world';

export const PRESSES = ['help', 'raise', 'refresh', 'escalate'] as const;
export type PressKind = (typeof PRESSES)[number];

export interface Phase {
  kind: PressKind;
  figures: Figures;
  /** Case references pressed in this phase (none for help). */
  caseReferences: string[];
  /** performance.now() when the phase started and when its sends had drained. */
  startedAt: number;
  drainedAt: number;
  drainTimedOut: boolean;
}

export interface Drain {
  /** Whether the connector's limits say a queue keeping to them may still be waiting. */
  busy(now: number): boolean;
  quietMs: number;
  maxMs: number;
  /** Resolves early when this holds (e.g. every owed message has arrived). */
  until?: () => boolean;
  /** While waiting, every `everyMs`: what a scheduler tick would do for sends left for later. */
  sweep?: { everyMs: number; run: () => Promise<unknown> };
}

const CASE = /BENCH-P\d+C\d+-N\d{4}/g;

/** Waits until the connector has gone quiet (or `until` holds); true when it timed out. */
export async function drain(channel: FakeChannel, d: Drain): Promise<boolean> {
  const started = performance.now();
  let swept = started;
  for (;;) {
    const now = performance.now();
    if (d.sweep && now - swept >= d.sweep.everyMs) {
      swept = now;
      await d.sweep.run();
    }
    const last = channel.requests.at(-1)?.at ?? 0;
    if (d.until?.()) return false;
    if (!d.until && channel.inFlight === 0 && now - last >= d.quietMs && !d.busy(now)) return false;
    if (now - started > d.maxMs) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const isCard = (body: unknown): body is { value: Card } =>
  !!body && typeof body === 'object' && !!(body as { value?: unknown }).value;
const cardText = (card: Card) => JSON.stringify(card);
/** A press answered with a card that is neither a refusal nor a failure. */
const good = (card: Card) =>
  !/That did not work|moved on|went wrong|Nothing was saved|Please check these/.test(cardText(card));

export async function helpPhase(url: string, serviceUrl: string, who: TestUser, n: number, c: number, capMs: number) {
  const items = Array.from({ length: n }, (_, i) => i);
  return load(items, c, capMs, async () => {
    const { status } = await postJson(url, message(serviceUrl, who, 'help'));
    return { ok: status === 200 };
  });
}

export interface Raised {
  caseReference: string;
  card: Card;
}

/**
 * One round: help, raise, refresh, escalate, n each at concurrency c, each phase drained
 * before the next. `owedBy` (from an earlier round) lets the drain stop once all has arrived.
 */
export async function pressRound(
  world: BotWorld,
  options: {
    pass: number;
    concurrency: number;
    n: number;
    capMs: number;
    drain: Omit<Drain, 'until'>;
    owed?: (kind: PressKind, caseReferences: string[]) => number | undefined;
  },
): Promise<Phase[]> {
  const { channel } = world;
  const raiser = world.user('Amira Khan');
  const raisedWith = world.user('Grace Liu').aadObjectId;
  const url = `${world.child.url}/api/messages`;
  const phases: Phase[] = [];
  const run = async (
    kind: PressKind,
    caseReferences: () => string[],
    body: () => Promise<{ figures: Figures; refs?: string[] }>,
  ) => {
    const startedAt = performance.now();
    const received = channel.received.length;
    const { figures, refs } = await body();
    const pressed = refs ?? caseReferences();
    const owed = options.owed?.(kind, pressed);
    const until = owed === undefined ? undefined : () => channel.received.length - received >= owed;
    const drainTimedOut = await drain(channel, { ...options.drain, until });
    // Once the owed count has arrived, a short wait more catches anything sent twice.
    if (until) await drain(channel, { ...options.drain, quietMs: 1000, maxMs: 3000 });
    phases.push({ kind, figures, caseReferences: pressed, startedAt, drainedAt: performance.now(), drainTimedOut });
  };

  await run(
    'help',
    () => [],
    async () => ({
      figures: (await helpPhase(url, channel.url, raiser, options.n, options.concurrency, options.capMs)).figures,
    }),
  );

  // The raise forms, fetched first and untimed (each carries its own new challenge id).
  const forms: { caseReference: string; data: Record<string, unknown> }[] = [];
  for (let i = 0; i < options.n; i++) {
    const caseReference = `BENCH-P${options.pass}C${options.concurrency}-N${String(i).padStart(4, '0')}`;
    forms.push({ caseReference, data: await raiseForm(world, raiser, caseReference, raisedWith) });
  }
  await drain(channel, { ...options.drain, maxMs: 60_000 });

  let raised: Raised[] = [];
  await run(
    'raise',
    () => raised.map((r) => r.caseReference),
    async () => {
      const r = await load(forms, options.concurrency, options.capMs, async (form) => {
        const { status, body } = await postJson(url, invokeAction(channel.url, raiser, 'raise', form.data));
        const ok = status === 200 && isCard(body) && good(body.value);
        return {
          ok,
          result: ok ? { caseReference: form.caseReference, card: (body as { value: Card }).value } : undefined,
        };
      });
      raised = r.results.filter((x): x is Raised => !!x);
      return { figures: r.figures, refs: r.done.map((f) => f.caseReference) };
    },
  );

  await run(
    'refresh',
    () => [],
    async () => {
      const r = await load(raised, options.concurrency, options.capMs, async (item) => {
        const action = item.card.refresh?.action;
        const { status, body } = await postJson(
          url,
          invokeAction(channel.url, raiser, 'refresh', action?.data ?? {}, undefined, 'automatic'),
        );
        const ok = status === 200 && isCard(body) && good(body.value);
        if (ok) item.card = (body as { value: Card }).value;
        return { ok };
      });
      return { figures: r.figures, refs: r.done.map((x) => x.caseReference) };
    },
  );

  await run(
    'escalate',
    () => [],
    async () => {
      const r = await load(raised, options.concurrency, options.capMs, async (item) => {
        const data = dataFor(item.card, 'escalate', { reason: 'We could not agree at step 1.', to: 'step-2' });
        const { status, body } = await postJson(url, invokeAction(channel.url, raiser, 'escalate', data));
        const ok = status === 200 && isCard(body) && good(body.value) && /Step 2/.test(cardText(body.value));
        return { ok };
      });
      return { figures: r.figures, refs: r.done.map((x) => x.caseReference) };
    },
  );
  return phases;
}

/** Asks for the raise form as `raiser` and fills it in as a practitioner would; returns the Raise data. */
export async function raiseForm(
  world: BotWorld,
  raiser: TestUser,
  caseReference: string,
  raisedWith: string,
): Promise<Record<string, unknown>> {
  const { channel } = world;
  // The form is the reply to a message, sent through the connector: under pass 2's faults it can
  // be throttled or dropped like any send, and the practitioner simply asks again.
  let form: Card | undefined;
  for (let asked = 0; !form && asked < 5; asked++) {
    const before = channel.received.length;
    await world.post(message(channel.url, raiser, 'raise challenge'));
    // The raiser's own reply, not a card another press's sends put in the channel meanwhile.
    form = channel.received
      .slice(before)
      .map((r) => cardOf(r.activity))
      .find((card) => card && executes(card).some((e) => e.verb === 'raise'));
  }
  if (!form) throw new Error('no raise form came back in five asks');
  const areas = executes(form)
    .find((e) => e.verb === 'raise')
    ?.scope.find((input) => input.id === 'areas')?.choices?.[0]?.value;
  return dataFor(form, 'raise', {
    caseReference,
    areas: areas ?? '',
    concern: 'The referral was closed with no assessment although the school logged three incidents.',
    desiredOutcome: 'A strategy discussion and a child and family assessment.',
    evidence: 'Three incidents in two weeks, logged by the school, and the health visitor report.',
    raisedWith,
  });
}

/** Raises one challenge (Amira Khan with Grace Liu); returns the raiser's stage card and its id. */
export async function raiseOne(world: BotWorld, caseReference: string): Promise<{ challengeId: string; card: Card }> {
  const raiser = world.user('Amira Khan');
  const data = await raiseForm(world, raiser, caseReference, world.user('Grace Liu').aadObjectId);
  const { status, body } = await world.post(invokeAction(world.channel.url, raiser, 'raise', data));
  if (status !== 200 || !isCard(body) || !good(body.value)) throw new Error(`the raise of ${caseReference} failed`);
  return { challengeId: String(data.challengeId), card: body.value };
}

/** What the connector received during a phase, by case reference (help replies under ''). */
export function deliveriesByCase(channel: FakeChannel, phase: Phase): Map<string, RecordedActivity[]> {
  const byCase = new Map<string, RecordedActivity[]>();
  for (const r of channel.received) {
    if (r.at < phase.startedAt || r.at > phase.drainedAt) continue;
    const refs = new Set(JSON.stringify(r.activity).match(CASE) ?? []);
    const key = refs.size === 1 ? [...refs][0]! : '';
    byCase.set(key, [...(byCase.get(key) ?? []), r]);
  }
  return byCase;
}

/** A message's identity for spotting doubles: where it went, how, and what it said. */
export function fingerprint(r: RecordedActivity): string {
  const { attachments, text } = r.activity ?? {};
  const content = JSON.stringify({ attachments, text });
  return `${r.kind}|${r.conversationId}|${r.kind === 'update' ? r.activityId : ''}|${r.replyToId ?? ''}|${createHash('sha1').update(content).digest('hex')}`;
}

/** Deliveries of the same message more than once. */
export function doubles(activities: readonly RecordedActivity[]): number {
  const seen = new Map<string, number>();
  for (const r of activities) seen.set(fingerprint(r), (seen.get(fingerprint(r)) ?? 0) + 1);
  return [...seen.values()].reduce((n, count) => n + (count - 1), 0);
}
