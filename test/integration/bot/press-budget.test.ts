/**
 * What a press costs and waits for, over HTTP against the real bot: the Table Storage requests
 * before its answer, counted at the HTTP level by a proxy in front of Azurite, held to a
 * budget (escalate 8, raise 10, refresh 3; one message delivered afterwards 3); a press answered
 * while the channel hangs on one of its sends; one press delivered ten times at once.
 */
import assert from 'node:assert/strict';
import { invokeAction } from '../../support/activities';
import { getTestStorage } from '../../support/azurite';
import { startHarness, type Harness } from '../../support/bot-harness';
import { StorageCounter, summarise, type StorageRequest } from '../../support/storage-counter';
import { dataFor, installPartnership, text, Walk, type Card } from './support';

const BUDGET = { raise: 10, escalate: 8, refresh: 3, perMessage: 3 };

describe('a press answers at once (storage budget, hung sends, redelivery)', function () {
  this.timeout(60_000);
  let counter: StorageCounter;
  let h: Harness;
  /** Sends of committed presses, held until the test lets them go. */
  const held: (() => void)[] = [];
  let holding = false;

  before(async () => {
    counter = await new StorageCounter(await getTestStorage()).start();
    h = await startHarness('pressbudget', {
      now: '2026-11-24T10:00:00Z',
      env: { STORAGE_CONNECTION_STRING: counter.connectionString },
      app: {
        through: (_conversationId, send) => send(),
        startSends: (start) => (holding ? held.push(start) : start()),
      },
    });
    await installPartnership(h, 'leeds');
  });
  after(async () => {
    await h.stop();
    await counter.stop();
  });

  /** One press: the requests made before its answer, then those its sends made, per message delivered. */
  async function measured(press: () => Promise<unknown>) {
    await h.app.kit.dispatcher.idle();
    await counter.settle(100);
    counter.reset();
    h.channel.clear();
    holding = true;
    await press();
    holding = false;
    const before: StorageRequest[] = [...counter.requests];
    counter.reset();
    for (const start of held.splice(0)) start();
    await h.app.kit.dispatcher.idle();
    await counter.settle(100);
    const messages = h.channel.received.length;
    return { before: summarise(before), after: summarise(counter.requests), messages };
  }

  it('raise, refresh and escalate stay within their storage budgets; each message delivered afterwards within its own', async () => {
    // A first challenge warms the directory and chat-id caches, as any running bot has them.
    const warm = new Walk(h);
    await warm.raise({ raiser: 'Amira Khan', caseReference: 'LCC-BUDGET-0', raisedWith: 'Grace Liu' });
    await warm.press('Amira Khan', 'escalate', { reason: 'Not resolved at step 1.' });

    const w = new Walk(h);
    const raise = await measured(() =>
      w.raise({ raiser: 'Amira Khan', caseReference: 'LCC-BUDGET-1', raisedWith: 'Grace Liu' }),
    );
    // Walk.raise first asks for the form ("raise challenge"), which reads nothing in a warm bot.
    assert.ok(
      raise.before.requests <= BUDGET.raise,
      `raise: ${raise.before.requests} requests ${JSON.stringify(raise.before.byKind)}`,
    );
    assert.ok(raise.messages > 0);

    const refresh = await measured(() => w.refresh('Amira Khan'));
    assert.ok(refresh.before.requests <= BUDGET.refresh, `refresh: ${refresh.before.requests} requests`);
    assert.equal(refresh.after.requests, 0, 'a refresh owes nothing');

    const card = w.cards.get('Amira Khan')!;
    const escalate = await measured(() =>
      h.post(
        invokeAction(
          h.channel.url,
          h.user('Amira Khan'),
          'escalate',
          dataFor(card, 'escalate', { reason: 'Still no assessment.' }),
        ),
        {},
        { sends: 'skip' },
      ),
    );
    assert.ok(
      escalate.before.requests <= BUDGET.escalate,
      `escalate: ${escalate.before.requests} requests ${JSON.stringify(escalate.before.byKind)}`,
    );
    for (const [what, m] of Object.entries({ raise, escalate })) {
      assert.ok(m.messages > 0, `${what} sent something`);
      // The person index (who is on the challenge, written when that changes) is not a message.
      const sending = m.after.requests - (m.after.byTable[h.app.stores.names.personIndex] ?? 0);
      assert.ok(
        sending <= BUDGET.perMessage * m.messages,
        `${what}: ${sending} requests for ${m.messages} messages ${JSON.stringify(m.after.byTable)}`,
      );
    }
  });

  it('a press is answered while the channel hangs on its thread post, and so is the next press on the challenge; once released, every message arrives once', async () => {
    const w = new Walk(h);
    await w.raise({ raiser: 'Amira Khan', caseReference: 'LCC-HANG-1', raisedWith: 'Grace Liu' });
    await w.refresh('Amira Khan');
    await w.refresh('Grace Liu');
    const thread = (await h.app.stores.conversations.getThread(w.challengeId))!;
    const release = h.channel.hang(/;messageid=[^/]*\/activities/); // posts in the case's thread
    h.channel.clear();
    const amira = w.cards.get('Amira Khan')!;
    const first = await h.post(
      invokeAction(
        h.channel.url,
        h.user('Amira Khan'),
        'pause',
        dataFor(amira, 'pause', { reason: 'Waiting for the school nurse.' }),
      ),
      {},
      { sends: 'skip' },
    );
    assert.equal(first.status, 200);
    assert.match(text(first.body), /You paused the challenge/);
    const grace = w.cards.get('Grace Liu')!;
    const second = await h.post(
      invokeAction(h.channel.url, h.user('Grace Liu'), 'refresh', grace.refresh.action.data),
      {},
      { sends: 'skip' },
    );
    assert.equal(second.status, 200, 'another press on the same challenge is answered too');
    const third = await h.post(
      invokeAction(
        h.channel.url,
        h.user('Amira Khan'),
        'resume',
        dataFor((first.body as { value: Card }).value, 'resume'),
      ),
      {},
      { sends: 'skip' },
    );
    assert.match(
      text(third.body),
      /You resumed the challenge/,
      'and a second transition while the first post still hangs',
    );
    assert.ok(h.channel.hanging() >= 1, 'the thread post is still hung');
    release();
    await h.app.kit.dispatcher.idle();
    const replies = h.channel.received.filter((r) => r.conversationId === thread.conversationId && r.kind !== 'update');
    assert.deepEqual(
      replies.map((r) => text(r.activity).match(/(Paused|Resumed)/)?.[1]),
      ['Paused', 'Resumed'],
      'each thread reply arrives once, in order',
    );
    assert.equal(
      h.channel.received.filter((r) => r.kind === 'update').length,
      2,
      'the root card is updated once a press',
    );
  });

  it('one press delivered ten times at once: one transition, ten identical answers', async () => {
    const w = new Walk(h);
    await w.raise({ raiser: 'Amira Khan', caseReference: 'LCC-TEN-1', raisedWith: 'Grace Liu' });
    const card = await w.refresh('Amira Khan');
    const activity = invokeAction(
      h.channel.url,
      h.user('Amira Khan'),
      'escalate',
      dataFor(card, 'escalate', { reason: 'Not resolved.' }),
    );
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.post(activity, {}, { sends: 'skip' })));
    await h.app.kit.dispatcher.idle();
    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
    const bodies = answers.map((a) => text(a.body));
    assert.equal(new Set(bodies).size, 1, 'ten identical answers');
    assert.match(bodies[0]!, /You escalated to Step 2/);
    assert.doesNotMatch(bodies[0]!, /moved on/);
    const events = await h.app.stores.challenges.events(w.challengeId);
    assert.equal(events.filter((e) => e.type === 'Escalated').length, 1, 'one transition');
  });

  it('with storage down, a press is answered within seconds with a card that says nothing was saved', async () => {
    const w = new Walk(h);
    await w.raise({ raiser: 'Amira Khan', caseReference: 'LCC-DOWN-1', raisedWith: 'Grace Liu' });
    const card = await w.refresh('Amira Khan');
    await h.app.kit.dispatcher.idle();
    await counter.stop(); // storage stops answering: the bot's only way to it is through the proxy
    const started = performance.now();
    const { status, body } = await h.post(
      invokeAction(
        h.channel.url,
        h.user('Amira Khan'),
        'escalate',
        dataFor(card, 'escalate', { reason: 'Not resolved.' }),
      ),
      {},
      { sends: 'skip' },
    );
    assert.equal(status, 200);
    assert.match(text(body), /Nothing was saved/);
    assert.ok(performance.now() - started < 8_000, 'answered within seconds');
  });
});
