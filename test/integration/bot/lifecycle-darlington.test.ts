/**
 * Darlington (DAR) over HTTP: an adult's challenge through all five stages by the owners'
 * presses, with the business unit's log ID (DAR-6), recording tool (DAR-3) and report (DAR-5).
 */
import assert from 'node:assert/strict';
import type { Harness } from '../../support/bot-harness';
import { assertMovedTo, startBot, assertRecorded, buttonsOf, installPartnership, text, Walk } from './support';

const ref = 'BGP-ADULT-7781';
const raiser = 'Gail Young';

describe('Darlington over HTTP: a challenge through every stage', function () {
  let h: Harness;
  let w: Walk;
  before(async () => {
    h = await startBot('darlington', '2026-11-23T09:15:00Z');
    await installPartnership(h, 'darlington');
    w = new Walk(h);
  });
  after(async () => h.stop());

  it('DAR-9 raise for an adult: stage 1 cards to both practitioners and a thread in the Darlington channel', async () => {
    const o = await w.raise({ raiser, caseReference: ref, raisedWith: 'Mina Patel', inputs: { subject: 'adult' } });
    assert.match(text(o.card), new RegExp(`${ref}: Stage 1,`));
    assert.match(o.channelPosts()[0]!.conversationId, /^19:darlington-challenges@thread\.tacv2;messageid=/);
    assert.deepEqual(o.stageCardsTo(), ['Mina Patel'], 'the raiser has hers as the answer');
  });

  it("DAR-1, DAR-2 stage 1 to stage 2: the rationale is recorded, then both sides' managers and leads get it", async () => {
    h.clock.set('2026-11-23T15:00:00Z');
    assertRecorded(
      await w.press('Mina Patel', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Stage 1 outcome recorded by Mina Patel/,
    );
    const o = await w.press(raiser, 'escalate', { reason: 'No shared understanding was reached.' });
    assertMovedTo(o, {
      label: 'Stage 2',
      from: 'Stage 1',
      cardsTo: ['Hugo Baker', 'Iris Dean', 'Ned Price', 'Ola Berg'],
      raiser,
      caseReference: ref,
    });
  });

  it('DAR-2, DAR-3 stage 2 to stage 3: the manager finds it justified; the business unit gets the recording tool', async () => {
    h.clock.set('2026-11-25T10:00:00Z');
    assertRecorded(
      await w.press('Hugo Baker', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Stage 2 outcome recorded by Hugo Baker/,
    );
    const o = await w.press('Hugo Baker', 'escalate', { reason: 'An interagency meeting is needed.' });
    assertMovedTo(o, {
      label: 'Stage 3',
      from: 'Stage 2',
      cardsTo: ['Hugo Baker', 'Iris Dean', 'Ned Price', 'Ola Berg', 'Tess Wynn'],
      raiser,
      caseReference: ref,
    });
    const tess = w.cards.get('Tess Wynn')!;
    assert.ok(
      buttonsOf(tess).includes('assignLogId') && buttonsOf(tess).includes('recordNotification'),
      buttonsOf(tess).join(),
    );
  });

  it('DAR-6, DAR-7 stage 3: the business unit logs it and completes the recording tool; the meeting is recorded', async () => {
    h.clock.set('2026-11-26T11:00:00Z');
    assertRecorded(
      await w.press('Tess Wynn', 'assignLogId', { logId: 'DSP-2026-017' }),
      'LogIdAssigned',
      /Log ID DSP-2026-017 assigned by Tess Wynn/,
    );
    assertRecorded(
      await w.press('Tess Wynn', 'recordNotification', { logIdNumber: 'DSP-2026-017' }),
      'PartnershipNotified',
      /Appendix 1: Professional Challenge Recording Tool \(Level 3\) sent to the partnership by Tess Wynn/,
    );
    assertRecorded(
      await w.press('Ola Berg', 'recordOutcome', { meetingDate: '2026-11-26' }),
      'StageOutcomeRecorded',
      /Stage 3 outcome recorded by Ola Berg/,
    );
    const o = await w.press('Iris Dean', 'escalate', { reason: 'The meeting did not resolve it.' });
    assertMovedTo(o, {
      label: 'Stage 4',
      from: 'Stage 3',
      cardsTo: ['Kara Bloom', 'Rhea Dunn'],
      raiser,
      caseReference: ref,
    });
  });

  it('DAR-4, DAR-5 stage 4 to stage 5: the heads of service decide, then it goes to the statutory partners', async () => {
    h.clock.set('2026-11-30T14:00:00Z');
    assertRecorded(
      await w.press('Rhea Dunn', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Stage 4 outcome recorded by Rhea Dunn/,
    );
    const o = await w.press('Kara Bloom', 'escalate', { reason: 'The heads of service disagree.' });
    assertMovedTo(o, {
      label: 'Stage 5',
      from: 'Stage 4',
      cardsTo: ['Tess Wynn', 'Vic Holt'],
      raiser,
      caseReference: ref,
    });
  });

  it('DAR-5 stage 5: the business unit sends the report, the partners decide and resolve it', async () => {
    h.clock.set('2026-12-02T10:00:00Z');
    assert.match(
      text(w.cards.get('Tess Wynn')),
      /"id":"recordNotification\.whatWasTheChallenge"/,
      'DAR-5 the report is the form offered',
    );
    assertRecorded(
      await w.press('Tess Wynn', 'recordNotification'),
      'PartnershipNotified',
      /sent to the partnership by Tess Wynn/,
    );
    assertRecorded(
      await w.press('Vic Holt', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Stage 5 outcome recorded by Vic Holt/,
    );
    const o = await w.press('Vic Holt', 'resolve', {
      agreedOutcome: 'A joint review of the care plan.',
      outstandingIssues: 'Reported in the quarterly scorecard.',
    });
    assert.deepEqual(
      o.events.map((e) => e.type),
      ['Resolved'],
    );
    assert.match(text(o.feedbackTo(raiser)[0]), /resolved at Stage 5/);
    assert.match(text(o.rootUpdates()[0]), /Resolved/);
    const stored = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    assert.equal(stored.logId, 'DSP-2026-017');
    assert.deepEqual(
      stored.notifications.map((n) => `${n.formId}@${n.stageId}`),
      ['recording-tool@stage-3', 'stage-5-report@stage-5'],
    );
    const entered = (await h.app.stores.challenges.events(w.challengeId)).flatMap((e) =>
      e.type === 'StageEntered' ? [e.data.stageId] : [],
    );
    assert.deepEqual(entered, ['stage-1', 'stage-2', 'stage-3', 'stage-4', 'stage-5']);
  });
});
