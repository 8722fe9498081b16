/**
 * What a transition owes, sent through the real outbound queue to a fake channel that fails in
 * one chosen way: a card the channel refuses because the person blocked the bot is reported,
 * not counted as delivered; a send that got no answer in time and was then dropped arrives
 * once (not again from a retry underneath the queue); a press made while its challenge's thread
 * is still being started gets its post in the thread.
 */
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../../support/bot-harness';
import { ChallengeStream, inProcess, SCRIPT } from '../faults/stream';
import { installPartnership, text, Walk } from './support';

const SEND_TIMEOUT_SECONDS = 1;

describe('sends under a failing channel (the real outbound queue)', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startHarness('sendsunderfaults', {
      now: '2026-11-24T10:00:00Z',
      env: { SEND_TIMEOUT_SECONDS: String(SEND_TIMEOUT_SECONDS) },
    });
    await installPartnership(h, 'leeds');
  });
  after(async () => {
    h.channel.gate = undefined;
    await h.stop();
  });

  const personal = (name: string) => `/v3/conversations/a:personal-${h.user(name).aadObjectId}/activities`;

  it('a card refused because the person blocked the bot is reported to the raising side, not counted delivered', async () => {
    const grace = personal('Grace Liu');
    h.channel.gate = ({ path }) =>
      path.startsWith(grace)
        ? { status: 403, body: { error: { code: 'ConversationBlockedByUser', message: 'blocked' } } }
        : undefined;
    const w = new Walk(h);
    const o = await w.raise({ raiser: 'Amira Khan', caseReference: 'LCC-FAULT-403', raisedWith: 'Grace Liu' });
    h.channel.gate = undefined;
    const notices = o.noticesTo('Amira Khan');
    assert.equal(notices.length, 1, 'the raiser is told');
    assert.match(text(notices[0]), /Grace Liu[^"]*cannot be reached in Teams: contact them by other means/);
    assert.deepEqual(o.personal().get('Grace Liu') ?? [], [], 'nothing reached her');
  });

  it('a send with no answer in time, then dropped, is retried by the queue and arrives once', async () => {
    const grace = personal('Grace Liu');
    let first = true;
    h.channel.gate = ({ path }) => {
      if (!first || !path.startsWith(grace)) return undefined;
      first = false;
      return { hangMs: SEND_TIMEOUT_SECONDS * 1000 + 300 };
    };
    const dropped = h.channel.dropped;
    const w = new Walk(h);
    await w.raise({ raiser: 'Amira Khan', caseReference: 'LCC-FAULT-HANG', raisedWith: 'Grace Liu' });
    // Long enough for a retry made underneath the queue, after the drop, to have arrived too.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    h.channel.gate = undefined;
    const cards = h.channel.received.filter(
      (r) => `/v3/conversations/${r.conversationId}/activities`.startsWith(grace) && /LCC-FAULT-HANG/.test(text(r)),
    );
    assert.equal(h.channel.dropped - dropped, 1, 'the first try was dropped');
    assert.equal(cards.length, 1, 'her card arrived once');
  });

  it("a press made while its challenge's thread is still being started gets its post in the thread", async () => {
    let slowed = false;
    h.channel.gate = ({ path, body }) => {
      const newThread = path === '/v3/conversations' && Boolean(body?.channelData?.channel);
      if (!newThread || slowed) return undefined;
      slowed = true;
      return { status: 429, headers: { 'Retry-After': '1' } };
    };
    const stream = new ChallengeStream(inProcess(h), 'LCC-FAULT-THREAD', []);
    await stream.fetchForm();
    await stream.raise(); // answered at once; the thread is being started behind it
    await stream.walk(SCRIPT.slice(0, 1)); // the pause
    await h.app.kit.dispatcher.idle();
    h.channel.gate = undefined;
    await h.app.kit.dispatcher.sweep({ graceMs: 0 });
    const thread = (await h.app.stores.conversations.getThread(stream.challengeId))!;
    const posts = h.channel.received.filter((r) => r.conversationId === thread.conversationId && r.kind !== 'update');
    assert.equal(posts.filter((r) => r.kind === 'createConversation').length, 1, 'one thread');
    assert.deepEqual(
      posts.filter((r) => r.kind !== 'createConversation').map((r) => text(r.activity).match(/Paused by [^:"]+/)?.[0]),
      ['Paused by Amira Khan (Class Teacher)'],
      'the pause is posted in it, once',
    );
  });
});
