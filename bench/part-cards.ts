/**
 * Issue 14, card size: the bytes of the raise form, the largest stage card and the digest
 * with 100, 1,000 and 10,000 directory people (open challenges assumed at one per ten people,
 * all on one lead's desk), and of the cards of one challenge with 50 meetings and a long
 * history; against Teams' message limit (about 100 KB; 40 KB in older guidance). Measured as
 * the connector receives them (the whole activity) or as the invoke answers them.
 *
 * The smallest bot also goes through the storage counter: the Table Storage requests of each
 * press before its answer and after it (issue 9's budgets).
 */
import { TableClient } from '@azure/data-tables';
import { invokeAction, message } from '../test/support/activities';
import { cardOf, dataFor, isStageCard, type Card } from '../test/integration/bot/support';
import type { RecordedActivity } from '../test/support/fake-channel';
import { StorageCounter, summarise, type StorageSummary } from '../test/support/storage-counter';
import { tableNames } from '../src/store';
import { inParallel } from './batches';
import { cloneActions, newId, type Template } from './clone';
import { postJson } from './load';
import { raiseForm, raiseOne } from './presses';
import type { BenchSettings } from './settings';
import { installPeople, partnershipPeople, startBot, type BotWorld } from './world';

export const TEAMS_LIMIT_BYTES = 100_000;
export const OLD_GUIDANCE_BYTES = 40_000;

export interface CardSize {
  what: string;
  people?: number;
  /** The whole activity as sent (a proactive or in-turn message) or the invoke's answer body. */
  bytes: number;
  /** The Adaptive Card alone. */
  cardBytes: number;
}

export interface PressStorage {
  press: string;
  beforeAnswer: StorageSummary;
  afterAnswer: StorageSummary;
}

const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf8');
const sizeOf = (what: string, activity: unknown, card: unknown, people?: number): CardSize => ({
  what,
  ...(people ? { people } : {}),
  bytes: bytes(activity),
  cardBytes: bytes(card),
});

function largest(received: readonly RecordedActivity[], filter: (c: Card) => boolean): RecordedActivity | undefined {
  return received
    .filter((r) => cardOf(r.activity) && filter(cardOf(r.activity)!))
    .sort((a, b) => bytes(b.activity) - bytes(a.activity))[0];
}

const DIGEST_AT = '2026-11-24T08:00:00Z';

export async function cardBench(
  s: BenchSettings,
  connectionString: string,
  template: Template,
  log: (line: string) => void,
): Promise<{ sizes: CardSize[]; storage: PressStorage[] }> {
  const sizes: CardSize[] = [];
  let storage: PressStorage[] = [];
  for (const [i, people] of s.cardPeople.entries()) {
    const counter = i === 0 ? await new StorageCounter(connectionString).start() : undefined;
    const world = await startBot(`cards${people}`, counter?.connectionString ?? connectionString, {
      extraPeople: Math.max(0, people - 72),
    });
    try {
      log(`cards: ${world.directory.people.length} directory people`);
      await installPeople(world, partnershipPeople(world, 'leeds').slice(0, 20));
      const amira = world.user('Amira Khan');
      world.channel.clear();
      await world.post(message(world.channel.url, amira, 'raise challenge'));
      const form = world.channel.received.find((r) => cardOf(r.activity));
      if (form) sizes.push(sizeOf('raise form', form.activity, cardOf(form.activity), people));
      world.channel.clear();
      const raised = await raiseOne(world, `BENCH-CARDS-N${String(people).padStart(5, '0')}`);
      const stage = largest(world.channel.received, isStageCard);
      if (stage)
        sizes.push(sizeOf('stage card (sent to an owner at raise)', stage.activity, cardOf(stage.activity), people));
      sizes.push(sizeOf('stage card (the raiser’s, as the raise answer)', { value: raised.card }, raised.card, people));
      if (counter) storage = await countPresses(world, counter, raised);
      if (i === 0) sizes.push(...(await longHistory(s, world, log)));

      const open = Math.max(1, Math.round(people / 10));
      log(`cards: digest over ${open} open challenges`);
      const challenges = TableClient.fromConnectionString(connectionString, tableNames(world.prefix).challenges, {
        allowInsecureConnection: true,
      });
      await inParallel(
        Array.from({ length: open }, (_, k) => k),
        16,
        (k) =>
          challenges.submitTransaction(
            cloneActions(template, newId(), {
              caseReference: `BENCH-G-${String(k).padStart(5, '0')}`,
              snapshotOnly: true,
            }),
          ),
      );
      world.channel.clear();
      await world.child.ask({ type: 'digest', now: DIGEST_AT });
      const digest = largest(world.channel.received, (c) =>
        /Professional challenges/.test(JSON.stringify(c.body?.[0] ?? '')),
      );
      const anyLargest = digest ?? largest(world.channel.received, () => true);
      if (anyLargest)
        sizes.push(
          sizeOf(
            `digest (${open} open challenges on one lead)`,
            anyLargest.activity,
            cardOf(anyLargest.activity),
            people,
          ),
        );
    } finally {
      await world.stop();
      await counter?.stop();
    }
  }
  return { sizes, storage };
}

/** Requests of each press before its answer and after it, through the counter. */
async function countPresses(world: BotWorld, counter: StorageCounter, raised: { challengeId: string; card: Card }) {
  const amira = world.user('Amira Khan');
  const out: PressStorage[] = [];
  const measure = async (press: string, activity: object) => {
    await counter.settle(300, 20_000);
    counter.reset();
    const answer = await world.post(activity);
    const answeredAt = performance.now();
    await counter.settle(500, 20_000);
    out.push({
      press,
      beforeAnswer: summarise(counter.before(answeredAt), world.prefix),
      afterAnswer: summarise(counter.from(answeredAt), world.prefix),
    });
    return answer;
  };
  await measure('help', message(world.channel.url, amira, 'help'));
  const refreshed = await measure(
    'refresh',
    invokeAction(world.channel.url, amira, 'refresh', raised.card.refresh.action.data, undefined, 'automatic'),
  );
  const card = (refreshed.body as { value: Card }).value;
  const data = dataFor(card, 'escalate', { reason: 'We could not agree at step 1.', to: 'step-2' });
  await measure('escalate', invokeAction(world.channel.url, amira, 'escalate', data));
  // A raise, counted on a fresh form.
  const form = await raiseForm(world, amira, 'BENCH-COUNT-N0001', world.user('Grace Liu').aadObjectId);
  await measure('raise', invokeAction(world.channel.url, amira, 'raise', form));
  return out;
}

/** One challenge with `meetings` meetings recorded, then escalated: its cards at the end. */
async function longHistory(
  s: BenchSettings,
  world: BotWorld,
  log: (line: string) => void,
): Promise<ReturnType<typeof sizeOf>[]> {
  log(`cards: one challenge with ${s.meetings} meetings`);
  const amira = world.user('Amira Khan');
  const url = `${world.child.url}/api/messages`;
  let { card } = await raiseOne(world, 'BENCH-HISTORY-N0001');
  world.channel.clear();
  for (let m = 0; m < s.meetings; m++) {
    const data = dataFor(
      card,
      'recordMeeting',
      {
        attendees: 'Amira Khan, Grace Liu, Chloe Brennan',
        outcome: `Meeting ${m + 1}: the agencies went through the referral again and set out what each will do next.`,
        actions: 'Each agency to share its chronology and meet again within a week.',
      },
      'Amira Khan',
      '2026-11-23',
      true,
    );
    const { body } = await postJson(url, invokeAction(world.channel.url, amira, 'recordMeeting', data));
    card = (body as { value: Card }).value;
    if (!isStageCard(card)) throw new Error(`meeting ${m + 1} was not recorded: ${JSON.stringify(card).slice(0, 200)}`);
  }
  const afterMeetings: CardSize[] = [
    sizeOf(`stage card after ${s.meetings} meetings (the presser’s answer)`, { value: card }, card),
  ];
  const root = world.channel.received.filter((r) => r.kind === 'update').at(-1);
  if (root)
    afterMeetings.push(sizeOf(`thread root card after ${s.meetings} meetings`, root.activity, cardOf(root.activity)));
  world.channel.clear();
  const data = dataFor(card, 'escalate', { reason: 'We could not agree at step 1.', to: 'step-2' });
  await postJson(url, invokeAction(world.channel.url, amira, 'escalate', data));
  const next = largest(world.channel.received, isStageCard);
  if (next)
    afterMeetings.push(
      sizeOf(`stage card sent at step 2 after ${s.meetings} meetings`, next.activity, cardOf(next.activity)),
    );
  return afterMeetings;
}
