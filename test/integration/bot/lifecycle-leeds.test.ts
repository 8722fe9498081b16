/**
 * Leeds (LEE) over HTTP: one challenge through every step by the owners' button presses,
 * from the raise form to resolution at stage 4 by the LSCP Executive.
 */
import assert from 'node:assert/strict';
import type { Harness } from '../../support/bot-harness';
import { assertMovedTo, startBot, assertRecorded, buttonsOf, installPartnership, text, Walk } from './support';

const ref = 'LCC-2026-0042';
const raiser = 'Amira Khan';

describe('Leeds over HTTP: a challenge through every step', function () {
  let h: Harness;
  let w: Walk;
  before(async () => {
    h = await startBot('leeds', '2026-11-23T10:00:00Z');
    await installPartnership(h, 'leeds');
    w = new Walk(h);
  });
  after(async () => h.stop());

  it('raise: a thread in the Leeds channel, step 1 cards to both practitioners', async () => {
    const o = await w.raise({ raiser, caseReference: ref, raisedWith: 'Grace Liu' });
    assert.match(text(o.card), new RegExp(`${ref}: Step 1, Practitioner to practitioner`));
    const [thread] = o.channelPosts().filter((r) => r.kind === 'createConversation');
    assert.ok(thread, 'a new thread');
    assert.match(thread.conversationId, /^19:leeds-challenges@thread\.tacv2;messageid=/);
    assert.match(text(thread.activity), new RegExp(`${ref}[^"]*`));
    assert.equal(o.thread?.conversationId, thread.conversationId, 'the thread is stored');
    o.assertCardsWith(['Amira Khan', 'Grace Liu'], 'the first stage');
    assert.deepEqual(
      o.events.map((e) => e.type),
      ['ChallengeRaised', 'StageEntered'],
    );
    const stored = await h.app.stores.challenges.load(w.challengeId);
    assert.deepEqual(
      stored?.challenge.areas,
      ['Differences in the handling of referrals / requests for services between agencies'],
      "the partnership's own words are stored, not the slug the form sends",
    );
  });

  it('LEE-1 step 1: the professional records the evidence-based reason; the raiser escalates to step 2 (LEE-9 feedback)', async () => {
    h.clock.set('2026-11-24T11:00:00Z');
    assertRecorded(
      await w.press('Grace Liu', 'recordOutcome', { sharedWith: 'Amira Khan, Chloe Brennan' }),
      'StageOutcomeRecorded',
      /Step 1 outcome recorded by Grace Liu/,
    );
    const o = await w.press(raiser, 'escalate', { reason: 'We could not agree at step 1.', to: 'step-2' });
    assertMovedTo(o, {
      label: 'Step 2',
      from: 'Step 1',
      cardsTo: ['Ben Ortiz', 'Harry Walsh'],
      raiser,
      caseReference: ref,
    });
  });

  it('LEE-2 step 2: the line managers record agreed timescales; the raising line manager escalates to step 3a', async () => {
    h.clock.set('2026-11-27T14:00:00Z');
    assertRecorded(
      await w.press('Harry Walsh', 'recordOutcome', {
        timescaleAgreedWithRaiser: '2026-12-04',
        responseTimescale: '2026-12-02',
      }),
      'StageOutcomeRecorded',
      /Step 2 outcome recorded by Harry Walsh/,
    );
    const o = await w.press('Ben Ortiz', 'escalate', { reason: 'The line managers did not agree.' });
    assertMovedTo(o, {
      label: 'Step 3a',
      from: 'Step 2',
      cardsTo: ['Eleanor Price', 'Kemi Adeyemi', 'Maya Singh'],
      raiser,
      caseReference: ref,
    });
  });

  it('LEE-3, LEE-11 step 3a: the business unit is sent the Appendix 3 form and completes it', async () => {
    const maya = w.cards.get('Maya Singh')!;
    assert.ok(buttonsOf(maya).includes('recordNotification'), 'the business unit can complete the form');
    assert.match(text(maya), /Stage 3 Notifications and Outcomes Form/);
    h.clock.set('2026-11-30T09:30:00Z');
    const o = await w.press('Maya Singh', 'recordNotification', {
      notifierEmailAndTelephone: 'maya.singh@leeds.example.gov.uk, 0113 000 0000',
    });
    assertRecorded(
      o,
      'PartnershipNotified',
      /Stage 3 Notifications and Outcomes Form sent to the partnership by Maya Singh/,
    );
    const stored = await h.app.stores.challenges.load(w.challengeId);
    const form = stored?.challenge.notifications[0];
    assert.equal(form?.formId, 'stage-3-notification');
    assert.equal(form?.stageId, 'step-3a');
    assert.deepEqual(
      form?.values.agenciesInvolved,
      ['Leeds Children and Families Social Work Service'],
      'agencies are stored by name',
    );
  });

  it('LEE-3, LEE-4 step 3a to 3b: heads of service record, then the directors get it and the partnership is told again', async () => {
    h.clock.set('2026-12-02T10:00:00Z');
    assertRecorded(
      await w.press('Kemi Adeyemi', 'recordOutcome', { responseTimescale: '2026-12-04' }),
      'StageOutcomeRecorded',
      /Step 3a outcome recorded by Kemi Adeyemi/,
    );
    const o = await w.press('Eleanor Price', 'escalate', { reason: 'The heads of service could not agree.' });
    assertMovedTo(o, {
      label: 'Step 3b',
      from: 'Step 3a',
      cardsTo: ['Frank Osei', 'Liam Fraser', 'Maya Singh'],
      raiser,
      caseReference: ref,
    });
  });

  it('LEE-4, LEE-5 step 3b to stage 4: the directors write and meet, then refer it to the LSCP Executive', async () => {
    h.clock.set('2026-12-03T16:00:00Z');
    assertRecorded(
      await w.press('Frank Osei', 'recordOutcome', { letterDate: '2026-12-03' }),
      'StageOutcomeRecorded',
      /Step 3b outcome recorded by Frank Osei/,
    );
    const o = await w.press('Frank Osei', 'escalate', { reason: 'The directors could not agree: exceptional.' });
    assertMovedTo(o, {
      label: 'Stage 4',
      from: 'Step 3b',
      cardsTo: ['Maya Singh', 'Noah Evans'],
      raiser,
      caseReference: ref,
    });
    assert.equal(o.personal().get('Maya Singh')?.length, 1, 'the business unit, owner and notified, gets one card');
  });

  it('LEE-5, COM-5 stage 4: the Executive records its action and resolves; the raiser is told the outcome (LEE-9)', async () => {
    h.clock.set('2026-12-08T12:00:00Z');
    assertRecorded(
      await w.press('Noah Evans', 'recordOutcome', { executiveAction: 'Met both directors on 7 December.' }),
      'StageOutcomeRecorded',
      /Stage 4 outcome recorded by Noah Evans/,
    );
    const o = await w.press('Noah Evans', 'resolve', {
      agreedOutcome: 'A child and family assessment starts this week.',
      outstandingIssues: 'Referral handling is reviewed at the next LSCP audit.',
    });
    assert.deepEqual(
      o.events.map((e) => e.type),
      ['Resolved'],
    );
    const feedback = o.feedbackTo(raiser);
    assert.equal(feedback.length, 1);
    assert.match(text(feedback[0]), /resolved at Stage 4\./);
    assert.match(text(feedback[0]), /A child and family assessment starts this week\./, 'the agreed outcome');
    assert.ok(o.threadPosts().some((p) => /Resolved at Stage 4 by Noah Evans/.test(text(p))));
    assert.match(text(o.rootUpdates()[0]), /Resolved/);
    assert.deepEqual(buttonsOf(o.card), [], 'a resolved challenge has no buttons');
  });

  it('COM-3 the stored history holds every step, in order, with who did it', async () => {
    const events = await h.app.stores.challenges.events(w.challengeId);
    const entered = events.flatMap((e) => (e.type === 'StageEntered' ? [e.data.stageId] : []));
    assert.deepEqual(entered, ['step-1', 'step-2', 'step-3a', 'step-3b', 'stage-4']);
    assert.deepEqual(
      events.map((e) => `${e.type}:${e.by.name}`),
      [
        'ChallengeRaised:Amira Khan',
        'StageEntered:Amira Khan',
        'StageOutcomeRecorded:Grace Liu',
        'Escalated:Amira Khan',
        'StageEntered:Amira Khan',
        'StageOutcomeRecorded:Harry Walsh',
        'Escalated:Ben Ortiz',
        'StageEntered:Ben Ortiz',
        'PartnershipNotified:Maya Singh',
        'StageOutcomeRecorded:Kemi Adeyemi',
        'Escalated:Eleanor Price',
        'StageEntered:Eleanor Price',
        'StageOutcomeRecorded:Frank Osei',
        'Escalated:Frank Osei',
        'StageEntered:Frank Osei',
        'StageOutcomeRecorded:Noah Evans',
        'Resolved:Noah Evans',
      ],
    );
    const step2 = events.find((e) => e.type === 'StageEntered' && e.data.stageId === 'step-2');
    assert.equal(
      step2?.type === 'StageEntered' && step2.data.deadline,
      '2026-12-08T17:00:00.000Z',
      'LEE-2 10 working days from Tue 24 Nov',
    );
  });
});
