/** The bot over the Bot Framework protocol: help, raise challenge, submit, install greeting. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { botAdded, installationUpdate, invokeAction, message } from '../../support/activities';
import { startHarness, type Harness } from '../../support/bot-harness';

const cardOf = (activity: { attachments?: { contentType: string; content: unknown }[] }) =>
  activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as
    Record<string, unknown> | undefined;
const textOf = (card: unknown) => JSON.stringify(card);

describe('foundation: the bot over HTTP', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness('foundation');
  });
  after(async () => h.stop());
  beforeEach(() => h.channel.clear());

  it('greets a user who installs it and stores their conversation for later proactive messages', async () => {
    const amira = h.user('Amira Khan');
    const { status } = await h.post(installationUpdate(h.channel.url, amira));
    assert.equal(status, 200);
    const greeting = h.channel.received.find((r) => r.activity.text?.includes('raise challenge'));
    assert.ok(greeting, 'a greeting mentioning the commands');
    const saved = await h.app.stores.conversations.getUserReference(amira.aadObjectId);
    assert.equal(saved?.conversation.id, `a:personal-${amira.aadObjectId}`);
    assert.equal((await h.app.stores.directory.people.get(amira.aadObjectId))?.reachable, true);
  });

  it('greets a team once when the bot is installed in it (Teams sends installationUpdate and conversationUpdate)', async () => {
    const where = {
      conversationType: 'channel' as const,
      conversationId: '19:general@thread.tacv2',
      teamId: '19:team',
    };
    await h.post(installationUpdate(h.channel.url, h.user('Ben Ortiz'), 'add', where));
    await h.post(botAdded(h.channel.url, h.user('Ben Ortiz'), where));
    const greetings = h.channel
      .activitiesIn('19:general@thread.tacv2')
      .filter((r) => /raise challenge/.test(r.activity.text));
    assert.equal(greetings.length, 1);
  });

  it('greets on conversationUpdate from a client that sends no installationUpdate (the Emulator)', async () => {
    const activity = { ...botAdded(h.channel.url, h.user('Ben Ortiz')), channelId: 'emulator' };
    await h.post(activity);
    assert.ok(h.channel.received.some((r) => /raise challenge/.test(r.activity.text ?? '')));
  });

  it('answers help with the list of commands', async () => {
    const { status } = await h.post(message(h.channel.url, h.user('Amira Khan'), 'help'));
    assert.equal(status, 200);
    const card = cardOf(h.channel.received.at(-1)!.activity);
    assert.ok(card, 'a card');
    for (const command of ['raise challenge', 'my challenges', 'help']) assert.match(textOf(card), new RegExp(command));
  });

  it('answers "raise a challenge" in a channel with @mention by sending the raise form privately', async () => {
    const amira = h.user('Amira Khan');
    const where = { conversationType: 'channel' as const, conversationId: '19:x@thread.tacv2', teamId: '19:team' };
    await h.post(message(h.channel.url, amira, 'Raise a Challenge', where));
    const form = await h.channel.waitFor(() =>
      h.channel.received.find(
        (r) =>
          r.conversationId === `a:personal-${amira.aadObjectId}` &&
          /Raise a professional challenge/.test(textOf(cardOf(r.activity))),
      ),
    );
    assert.match(textOf(cardOf(form.activity)), /Leeds/, "defaults to the user's partnership");
    const inChannel = h.channel.activitiesIn('19:x@thread.tacv2');
    assert.equal(inChannel.length, 1, 'only a pointer in the channel');
    assert.match(inChannel[0]!.activity.text, /private chat/);
    assert.equal(cardOf(inChannel[0]!.activity), undefined, 'no form in the channel');
  });

  it('asks someone who has not installed the bot to raise a challenge in a private chat, showing nothing in the channel', async () => {
    const where = { conversationType: 'channel' as const, conversationId: '19:y@thread.tacv2', teamId: '19:team' };
    await h.post(message(h.channel.url, h.user('Kemi Adeyemi'), 'raise challenge', where));
    const inChannel = h.channel.activitiesIn('19:y@thread.tacv2');
    assert.equal(inChannel.length, 1);
    assert.match(inChannel[0]!.activity.text, /private chat/);
    assert.equal(cardOf(inChannel[0]!.activity), undefined);
  });

  it('says what it understands when the text is not a command', async () => {
    await h.post(message(h.channel.url, h.user('Amira Khan'), 'what is the weather'));
    assert.match(h.channel.received.at(-1)!.activity.text, /help/);
  });

  it('stores a submitted challenge in Table Storage and answers with its reference', async () => {
    await h.install('Amira Khan', 'Ben Ortiz', 'Chloe Brennan', 'Grace Liu', 'Harry Walsh', 'Isla Carter');
    h.channel.clear();
    const challengeId = randomUUID();
    const grace = h.directory.people.find((p) => p.name === 'Grace Liu')!;
    const { status, body } = await h.post(
      invokeAction(h.channel.url, h.user('Amira Khan'), 'raise', {
        challengeId,
        version: 0,
        procedureId: 'leeds',
        caseReference: 'LCC-2026-0042',
        subject: 'child',
        kind: 'decision',
        raisedWith: grace.id,
        areas: 'Information sharing concerns',
        concern: 'The referral was closed with no assessment.',
        desiredOutcome: 'A strategy discussion.',
        evidence: 'Three incidents in two weeks, logged by the school.',
        urgency: 'standard',
      }),
    );
    assert.equal(status, 200);
    const response = body as { statusCode: number; type: string; value: unknown };
    assert.equal(response.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(textOf(response.value), /LCC-2026-0042/, textOf(response.value).slice(0, 3000));
    const stored = await h.app.stores.challenges.load(challengeId);
    assert.equal(stored?.challenge.caseReference, 'LCC-2026-0042');
    assert.equal(stored?.challenge.procedureId, 'leeds');
    const events = await h.app.stores.challenges.events(challengeId);
    assert.equal(events[0]?.type, 'ChallengeRaised');
    // The thread is opened in the partnership's channel.
    const thread = h.channel.received.find((r) => r.kind === 'createConversation');
    assert.ok(thread, 'a new thread in the channel');
    assert.match(thread.conversationId, /^19:leeds-challenges@thread\.tacv2;messageid=/);
  });
});
