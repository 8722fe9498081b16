/**
 * Newcastle (NEW) over HTTP: a challenge through steps 1 to 6 by the owners' presses, and a
 * second one by the immediate (24-hour) route through both immediate stages to step 6.
 */
import assert from 'node:assert/strict';
import type { Harness } from '../../support/bot-harness';
import { assertMovedTo, assertRecorded, installPartnership, startBot, text, Walk } from './support';

describe('Newcastle over HTTP: a challenge through every step', function () {
  let h: Harness;
  before(async () => {
    h = await startBot('newcastle', '2026-11-23T09:00:00Z');
    await installPartnership(h, 'newcastle');
  });
  after(async () => h.stop());

  it('NEW-1 to NEW-7, NEW-9: steps 1 to 6, each with its owners', async () => {
    const ref = 'NP-CC-26-00417';
    const raiser = 'Rosa Diaz';
    const w = new Walk(h);
    const raised = await w.raise({ raiser, caseReference: ref, raisedWith: 'Xena Cho' });
    assert.match(raised.channelPosts()[0]!.conversationId, /^19:newcastle-challenges@thread\.tacv2;messageid=/);
    assert.deepEqual(raised.stageCardsTo(), ['Tara Quinn'], 'NEW-2: step 1 is within the raising agency');

    assertRecorded(
      await w.press('Tara Quinn', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Step 1 outcome recorded by Tara Quinn/,
    );
    assertMovedTo(await w.press(raiser, 'escalate', { reason: 'Still concerned after consulting.' }), {
      label: 'Step 2',
      from: 'Step 1',
      cardsTo: ['Rosa Diaz', 'Xena Cho'],
      raiser,
      caseReference: ref,
    });
    h.clock.set('2026-11-24T10:00:00Z');
    assertRecorded(
      await w.press('Xena Cho', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Step 2 outcome recorded by Xena Cho/,
    );
    assertMovedTo(await w.press(raiser, 'escalate', { reason: 'Both reasons given in writing; no agreement.' }), {
      label: 'Step 3',
      from: 'Step 2',
      cardsTo: ['Sam Kerr', 'Tara Quinn', 'Yusuf Ali', 'Zoe Frost'],
      raiser,
      caseReference: ref,
    });
    h.clock.set('2026-11-25T10:00:00Z');
    assertRecorded(
      await w.press('Zoe Frost', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Step 3 outcome recorded by Zoe Frost/,
    );
    assertMovedTo(await w.press('Sam Kerr', 'escalate', { reason: 'No agreement between the line managers.' }), {
      label: 'Step 4',
      from: 'Step 3',
      cardsTo: ['Adam Webb', 'Sam Kerr', 'Tara Quinn'],
      raiser,
      caseReference: ref,
    });
    h.clock.set('2026-11-26T10:00:00Z');
    assertRecorded(
      await w.press('Adam Webb', 'recordOutcome', { serviceManager: 'Adam Webb' }),
      'StageOutcomeRecorded',
      /Step 4 outcome recorded by Adam Webb/,
    );
    assertMovedTo(await w.press('Tara Quinn', 'escalate', { reason: 'The service manager upheld the decision.' }), {
      label: 'Step 5',
      from: 'Step 4',
      cardsTo: ['Cody Nash', 'Will Knox'],
      raiser,
      caseReference: ref,
    });
    h.clock.set('2026-11-27T10:00:00Z');
    assertRecorded(
      await w.press('Cody Nash', 'recordOutcome', { referredTo: 'Cody Nash, Will Knox' }),
      'StageOutcomeRecorded',
      /Step 5 outcome recorded by Cody Nash/,
    );
    assertMovedTo(await w.press('Will Knox', 'escalate', { reason: 'The Assistant Directors could not agree.' }), {
      label: 'Step 6',
      from: 'Step 5',
      cardsTo: ['Eli Graham'],
      raiser,
      caseReference: ref,
    });
    h.clock.set('2026-12-03T10:00:00Z');
    assertRecorded(
      await w.press('Eli Graham', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Step 6 outcome recorded by Eli Graham/,
    );
    const resolved = await w.press('Eli Graham', 'resolve', {
      agreedOutcome: 'A joint strategy meeting within five working days.',
      outstandingIssues: 'Learning shared at the next partnership meeting.',
    });
    assert.match(text(resolved.feedbackTo(raiser)[0]), /resolved at Step 6/);
    const entered = (await h.app.stores.challenges.events(w.challengeId)).flatMap((e) =>
      e.type === 'StageEntered' ? [e.data.stageId] : [],
    );
    assert.deepEqual(entered, ['step-1', 'step-2', 'step-3', 'step-4', 'step-5', 'step-6']);
  });

  it('NEW-8 the immediate route: raised by the safeguarding lead, service manager, head of service, then step 6', async () => {
    h.clock.set('2026-12-07T09:30:00Z');
    const ref = 'NP-CC-26-00502';
    const raiser = 'Tara Quinn';
    const w = new Walk(h);
    const raised = await w.raise({
      raiser,
      caseReference: ref,
      raisedWith: 'Xena Cho',
      inputs: { urgency: 'immediate' },
    });
    assert.match(text(raised.card), new RegExp(`${ref}: Immediate escalation: service manager,`));
    assert.deepEqual(raised.stageCardsTo(), ['Adam Webb'], 'the raiser has hers as the answer');
    assertRecorded(
      await w.press('Adam Webb', 'recordOutcome', { leadAgreed: 'Tara Quinn', decisionUpheld: 'true' }),
      'StageOutcomeRecorded',
      /outcome recorded by Adam Webb/,
    );
    assertMovedTo(
      await w.press(raiser, 'escalate', { reason: 'The decision was upheld and the concern remains high.' }),
      {
        label: 'Immediate escalation: head of service',
        from: 'Immediate escalation: service manager',
        cardsTo: ['Bella Ruiz', 'Tara Quinn'],
        raiser,
        caseReference: ref,
      },
    );
    h.clock.set('2026-12-08T09:30:00Z');
    assertRecorded(
      await w.press('Bella Ruiz', 'recordOutcome'),
      'StageOutcomeRecorded',
      /outcome recorded by Bella Ruiz/,
    );
    assertMovedTo(await w.press(raiser, 'escalate', { reason: 'Head of service upheld it.' }), {
      label: 'Step 6',
      from: 'Immediate escalation: head of service',
      cardsTo: ['Eli Graham'],
      raiser,
      caseReference: ref,
    });
    const o = await w.press('Eli Graham', 'resolve', {
      agreedOutcome: 'Strategy meeting held today.',
      outstandingIssues: 'None.',
    });
    assert.deepEqual(
      o.events.map((e) => e.type),
      ['Resolved'],
    );
  });
});
