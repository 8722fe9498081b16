/**
 * Where case text may go, over HTTP: a Durham challenge whose every free-text input carries a
 * marker is taken through its presses, and no channel post, thread, log line or card to
 * someone not on it may hold the family name or the case text; commands typed in a group chat
 * are answered privately; reminders follow a hand-over and never reach whoever left.
 */
import assert from 'node:assert/strict';
import { choiceValue } from '../../../cards/choice-value';
import { INPUT_LIMITS } from '../../../cards/limits';
import { createScheduler } from '../../../src/functions/scheduler';
import { createSchedulerDeps } from '../../../src/functions/scheduler-deps';
import { createLogger, silentLogger, type Logger } from '../../../src/logger';
import { procedures } from '../../../src/procedures';
import { invokeAction, message, submit } from '../../support/activities';
import { startHarness, type Harness } from '../../support/bot-harness';
import { installPartnership, isStageCard, text, Walk, type Card } from '../bot/support';

const familyName = 'Zanzibar-Oakenshield';
const secret = /SENTINEL-|Zanzibar-Oakenshield/;
const durham = procedures.find((p) => p.id === 'durham')!;

/** The real logger, every line it writes kept. */
const recordingLogger = (lines: string[]): Logger => createLogger({ service: 'test' }, (line) => lines.push(line));

describe('security: case details reach only the people on the challenge', function () {
  let h: Harness;
  const logLines: string[] = [];
  before(async () => {
    h = await startHarness('sec-dp', {
      now: '2026-11-23T09:00:00Z',
      app: { through: (_id, send) => send(), logger: recordingLogger(logLines) },
    });
    await installPartnership(h, 'durham');
    await installPartnership(h, 'leeds');
  });
  after(async () => h.stop());

  it('COM-2, DUR-10 no family name or case text in any channel post, thread, log line or card to a non-participant', async () => {
    const w = new Walk(h);
    await w.raise({
      raiser: 'Dawn Pike',
      caseReference: 'DCC-SEC-0001',
      raisedWith: 'Jade Fox',
      inputs: {
        familyName,
        concern: 'SENTINEL-CONCERN health assessment not shared.',
        desiredOutcome: 'SENTINEL-OUTCOME share it.',
        evidence: 'SENTINEL-EVIDENCE review minutes.',
        areas: choiceValue(durham.areasOfDisagreement[0]!),
      },
    });
    assert.match(text(w.cards.get('Jade Fox')), new RegExp(familyName), 'the people on it see the family name');
    await w.press('Dawn Pike', 'pause', { reason: 'SENTINEL-PAUSE sickness of the child.' });
    await w.press('Dawn Pike', 'resume');
    await w.press('Jade Fox', 'recordMeeting', {
      date: '2026-11-23',
      attendees: 'Dawn Pike, Jade Fox',
      outcome: 'SENTINEL-MEETING outcome.',
      actions: 'SENTINEL-ACTIONS to do.',
    });
    await w.press('Jade Fox', 'recordOutcome', { resolvedInformally: 'false' });
    await w.press('Dawn Pike', 'escalate', { reason: 'SENTINEL-ESCALATE not resolved.' });
    await w.press('Dawn Pike', 'resolve', {
      agreedOutcome: 'SENTINEL-AGREED shared by Friday.',
      outstandingIssues: 'SENTINEL-ISSUES none.',
    });
    const types = (await h.app.stores.challenges.events(w.challengeId)).map((e) => e.type);
    for (const t of ['Paused', 'Resumed', 'MeetingRecorded', 'StageOutcomeRecorded', 'Escalated', 'Resolved'] as const)
      assert.ok(types.includes(t), `${t} happened`);
    // Commands typed in a group chat and a press from the channel thread.
    const group = { conversationType: 'groupChat' as const, conversationId: '19:group@thread.v2' };
    await h.post(message(h.channel.url, h.user('Dawn Pike'), 'my challenges', group));
    await h.post(message(h.channel.url, h.user('Pia Ward'), 'raise challenge', group));
    const channel = { conversationType: 'channel' as const, conversationId: '19:durham@thread.tacv2', teamId: '19:t' };
    const open = { verb: 'open', challengeId: w.challengeId, version: 1 };
    await h.post(invokeAction(h.channel.url, h.user('Dawn Pike'), 'open', open, channel));
    await h.post(submit(h.channel.url, h.user('Dawn Pike'), open, 'root-card', channel));
    const all = [...w.log, ...h.channel.received];

    const shared = all.filter((r) => !r.conversationId.startsWith('a:personal-'));
    assert.ok(shared.length > 5, 'the thread was posted to');
    for (const r of shared) assert.doesNotMatch(text(r.activity), secret, `posted to ${r.conversationId}`);
    assert.ok(
      !shared.some((r) => r.conversationId === group.conversationId && /DCC-SEC-0001/.test(text(r.activity))),
      'the group chat is not told about the case',
    );
    const on = new Set(
      Object.values((await h.app.stores.challenges.load(w.challengeId))!.challenge.participants)
        .flat()
        .map((p) => `a:personal-${p!.id}`),
    );
    for (const r of all.filter((x) => x.conversationId.startsWith('a:personal-') && !on.has(x.conversationId)))
      assert.doesNotMatch(text(r.activity), secret, `sent 1:1 to ${r.conversationId}, not on the challenge`);
    assert.ok(logLines.length > 10, 'turns were logged');
    for (const line of logLines) assert.doesNotMatch(line, secret);
  });

  it('COM-4, LEE-7 after the raiser hands over, overdue reminders go to the new raiser, never to the one who left', async () => {
    h.clock.set('2026-11-23T10:00:00Z');
    const w = new Walk(h);
    await w.raise({ raiser: 'Amira Khan', raisedWith: 'Grace Liu', caseReference: 'LCC-SEC-0002' });
    await w.press('Amira Khan', 'escalate', { reason: 'No agreement at step 1.' });
    const dev = h.user('Dev Mistry').aadObjectId;
    const amira = h.user('Amira Khan').aadObjectId;
    const card = await w.refresh('Amira Khan');
    await w.send('Amira Khan', 'handOver', {
      verb: 'handOver',
      challengeId: w.challengeId,
      version: card.refresh.action.data.version,
      role: 'raising.practitioner',
      toPersonId: dev,
    });
    const stored = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    assert.deepEqual(
      stored.participants['raising.practitioner']?.map((p) => p.id),
      [dev],
    );

    const scheduler = createScheduler(
      createSchedulerDeps({ stores: h.app.stores, messenger: h.app.messenger, clock: h.clock, logger: silentLogger }),
      h.clock,
    );
    const sent: { level: string; to: string[]; challengeId: string }[] = [];
    for (const at of ['2026-12-08T10:00:00Z', '2026-12-09T10:00:00Z', '2026-12-10T10:00:00Z', '2026-12-14T10:00:00Z']) {
      h.clock.set(at);
      const result = (await scheduler.tick(new Date(at))) as { sent: typeof sent };
      sent.push(...result.sent.filter((s) => s.challengeId === w.challengeId));
    }
    const raiserOverdue = sent.filter((s) => s.level === 'raiserOverdue');
    assert.ok(raiserOverdue.length > 0, 'the raiser is told it is overdue');
    for (const s of sent) assert.ok(!s.to.includes(amira), `${s.level} not sent to Amira, who left`);
    assert.ok(
      raiserOverdue.every((s) => s.to.includes(dev)),
      'the new raiser is told',
    );

    const refreshed = await h.post(
      invokeAction(h.channel.url, h.user('Amira Khan'), 'refresh', card.refresh.action.data),
    );
    const after = (refreshed.body as { value: Card }).value;
    assert.ok(!isStageCard(after) || !/SENTINEL|referral was closed/.test(text(after)), 'she no longer sees details');
    assert.match(text(after), /Only the people on this challenge can see its details/);
  });
});

describe('security: the longest inputs the contract allows still make cards Teams accepts', function () {
  let h: Harness;
  before(async () => {
    h = await startHarness('sec-size', { now: '2026-11-23T10:00:00Z', app: { through: (_id, send) => send() } });
    await installPartnership(h, 'leeds');
  });
  after(async () => h.stop());

  // As long as the cards and the contract allow (cards/limits.ts).
  const long = (tag: string) => `${tag} ${'x'.repeat(INPUT_LIMITS.text)}`.slice(0, INPUT_LIMITS.text);
  const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');
  const LIMIT = 40 * 1024;

  it('every card of a challenge whose every text field is at its longest stays under 40 KB', async () => {
    const w = new Walk(h);
    await w.raise({
      raiser: 'Amira Khan',
      raisedWith: 'Grace Liu',
      caseReference: 'LCC-SEC-SIZE',
      inputs: { concern: long('concern'), desiredOutcome: long('outcome'), evidence: long('evidence') },
    });
    await w.press('Amira Khan', 'pause', { reason: long('pause') });
    await w.press('Amira Khan', 'resume');
    await w.press('Grace Liu', 'requestExtension', { until: '2026-12-18', reason: long('extension') });
    await w.press('Amira Khan', 'declineExtension', { reason: long('decline') });
    await w.press('Amira Khan', 'escalate', { reason: long('escalate') });
    await w.press('Ben Ortiz', 'resolve', { agreedOutcome: long('agreed'), outstandingIssues: long('issues') });
    const types = (await h.app.stores.challenges.events(w.challengeId)).map((e) => e.type);
    assert.ok(types.includes('Resolved') && types.includes('Paused') && types.includes('ExtensionDeclined'));
    const cards = w.log.map((r) => r.activity).filter(Boolean);
    assert.ok(cards.length > 10);
    for (const r of w.log) {
      const size = bytes(r.activity);
      assert.ok(size < LIMIT, `${size} bytes sent to ${r.conversationId}: ${text(r.activity).slice(0, 120)}`);
    }
    for (const [who, card] of w.cards) assert.ok(bytes(card) < LIMIT, `${who}'s card is ${bytes(card)} bytes`);
  });
});
