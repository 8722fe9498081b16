/**
 * Dudley (DUD) over HTTP: a challenge through its four stages by the owners' presses, with
 * the Professional Challenge and Resolution Template sent to the business manager at stage 4.
 */
import assert from 'node:assert/strict';
import type { Harness } from '../../support/bot-harness';
import { assertMovedTo, assertRecorded, buttonsOf, installPartnership, startBot, text, Walk } from './support';

const ref = 'NPA-SG-2026-113';
const raiser = 'Olivia Hart';

describe('Dudley over HTTP: a challenge through every stage', function () {
  let h: Harness;
  let w: Walk;
  before(async () => {
    h = await startBot('dudley', '2026-11-23T08:45:00Z');
    await installPartnership(h, 'dudley');
    w = new Walk(h);
  });
  after(async () => h.stop());

  it('DUD-1 raise: stage 1 cards to both practitioners, a thread in the Dudley channel', async () => {
    const o = await w.raise({ raiser, caseReference: ref, raisedWith: 'Uma Shah', inputs: { subject: 'child' } });
    assert.match(text(o.card), new RegExp(`${ref}: Stage 1,`));
    assert.match(o.channelPosts()[0]!.conversationId, /^19:dudley-challenges@thread\.tacv2;messageid=/);
    assert.deepEqual(o.stageCardsTo(), ['Uma Shah'], 'the raiser has hers as the answer');
  });

  it('DUD-2 stage 1 to stage 2 on day 2: the line managers and safeguarding leads of both sides get it, not late', async () => {
    h.clock.set('2026-11-24T10:00:00Z');
    assertRecorded(
      await w.press('Uma Shah', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Stage 1 outcome recorded by Uma Shah/,
    );
    const o = await w.press(raiser, 'escalate', { reason: 'We still disagree about the threshold.' });
    assertMovedTo(o, {
      label: 'Stage 2',
      from: 'Stage 1',
      cardsTo: ['Paul Nandra', 'Queenie Ali', 'Victor Lane', 'Wendy Ng'],
      raiser,
      caseReference: ref,
    });
    const entered = o.events[1];
    assert.equal(entered?.type === 'StageEntered' && entered.data.startedLate, false);
  });

  it('DUD-3, DUD-5 stage 2 to stage 3: the problem and aim are recorded; the senior manager and board representative get it', async () => {
    h.clock.set('2026-11-30T15:00:00Z');
    assertRecorded(
      await w.press('Wendy Ng', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Stage 2 outcome recorded by Wendy Ng/,
    );
    const o = await w.press('Paul Nandra', 'escalate', { reason: 'The managers did not agree.' });
    assertMovedTo(o, {
      label: 'Stage 3',
      from: 'Stage 2',
      cardsTo: ['Bea Lowe', 'Ravi Bhatt'],
      raiser,
      caseReference: ref,
    });
  });

  it('DUD-5, DUD-6 stage 3 to stage 4: the representatives record, then the DSPP Executive and business manager get it', async () => {
    h.clock.set('2026-12-03T11:00:00Z');
    assertRecorded(
      await w.press('Bea Lowe', 'recordOutcome', { representatives: 'Bea Lowe, Ravi Bhatt' }),
      'StageOutcomeRecorded',
      /Stage 3 outcome recorded by Bea Lowe/,
    );
    const o = await w.press('Ravi Bhatt', 'escalate', { reason: 'Unresolved at stage 3.' });
    assertMovedTo(o, {
      label: 'Stage 4',
      from: 'Stage 3',
      cardsTo: ['Abi Turner', 'Carl Hughes'],
      raiser,
      caseReference: ref,
    });
    assert.ok(
      buttonsOf(w.cards.get('Abi Turner')!).includes('recordNotification'),
      'the business manager can complete the template',
    );
  });

  it('DUD-6, DUD-7 stage 4: the template goes to the business manager, the Executive recommends and resolves', async () => {
    h.clock.set('2026-12-08T10:00:00Z');
    assertRecorded(
      await w.press('Abi Turner', 'recordNotification'),
      'PartnershipNotified',
      /sent to the partnership by Abi Turner/,
    );
    assertRecorded(
      await w.press('Carl Hughes', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Stage 4 outcome recorded by Carl Hughes/,
    );
    const o = await w.press('Carl Hughes', 'resolve', {
      agreedOutcome: 'Early help assessment agreed.',
      outstandingIssues: 'Thresholds training for both agencies.',
    });
    assert.deepEqual(
      o.events.map((e) => e.type),
      ['Resolved'],
    );
    assert.match(text(o.feedbackTo(raiser)[0]), /resolved at Stage 4/);
    const stored = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    assert.equal(stored.status, 'resolved');
    assert.deepEqual(
      stored.notifications.map((n) => n.formId),
      ['challenge-resolution-template'],
    );
    assert.deepEqual(
      stored.stages.map((s) => `${s.stageId}:${s.endedBy}`),
      ['stage-1:escalated', 'stage-2:escalated', 'stage-3:escalated', 'stage-4:resolved'],
    );
  });
});
