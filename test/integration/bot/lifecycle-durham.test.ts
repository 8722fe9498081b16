/**
 * Durham (DUR) over HTTP: the IRO's compliance challenge through its five stages by the
 * owners' presses, the QRT business manager copied on raise, and the family name entered on
 * the form kept out of every channel post.
 */
import assert from 'node:assert/strict';
import { choiceValue } from '../../../cards/choice-value';
import { procedures } from '../../../src/procedures';
import type { Harness } from '../../support/bot-harness';
import {
  assertMovedTo,
  assertRecorded,
  buttonsOf,
  cardOf,
  installPartnership,
  isStageCard,
  startBot,
  text,
  Walk,
} from './support';

const ref = 'DCC-LAC-55120';
const raiser = 'Dawn Pike';
const familyName = 'Zebedee-Quartermaine';
const concern = 'Sentinel concern: the health assessment report for the review was not sent to QRT.';
const durham = procedures.find((p) => p.id === 'durham')!;

describe('Durham over HTTP: a compliance challenge through every stage', function () {
  let h: Harness;
  let w: Walk;
  before(async () => {
    h = await startBot('durham', '2026-11-23T09:00:00Z');
    await installPartnership(h, 'durham');
    w = new Walk(h);
  });
  after(async () => h.stop());

  it('DUR-1, DUR-9, DUR-10, DUR-11 the IRO raises with the family name; the QRT business manager is copied', async () => {
    const o = await w.raise({
      raiser,
      caseReference: ref,
      raisedWith: 'Jade Fox',
      inputs: {
        familyName,
        concern,
        areas: durham.areasOfDisagreement.slice(0, 2).map(choiceValue).join(','),
      },
    });
    assert.deepEqual(o.stageCardsTo(), ['Jade Fox', 'Pia Ward'], 'the raiser has hers as the answer');
    assert.ok(
      buttonsOf(w.cards.get('Pia Ward')!).includes('recordNotification'),
      'DUR-11 copied with the compliance form',
    );
    assert.match(text(w.cards.get('Jade Fox')), new RegExp(familyName), 'people on the challenge see the family name');
    const stored = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    assert.equal(stored.familyName, familyName);
    assert.deepEqual(stored.areas, durham.areasOfDisagreement.slice(0, 2));
  });

  it('DUR-3, DUR-4 stage 1 to stage 2: the informal discussion fails; the line manager is sent the Compliance Challenge Form', async () => {
    h.clock.set('2026-11-23T16:00:00Z');
    assertRecorded(
      await w.press('Jade Fox', 'recordOutcome', { resolvedInformally: 'false' }),
      'StageOutcomeRecorded',
      /Stage 1 outcome recorded by Jade Fox/,
    );
    const o = await w.press(raiser, 'escalate', { reason: 'Not resolved informally.' });
    assertMovedTo(o, {
      label: 'Stage 2',
      from: 'Stage 1',
      cardsTo: ['Dawn Pike', 'Kai Lowe', 'Lena Park'],
      raiser,
      caseReference: ref,
    });
    assert.ok(buttonsOf(w.cards.get('Kai Lowe')!).includes('recordNotification'));
  });

  it('DUR-4, DUR-10 stage 2: the IRO completes the form (family name included), the line manager responds, the IRO escalates', async () => {
    h.clock.set('2026-11-24T10:00:00Z');
    assertRecorded(
      await w.press(raiser, 'recordNotification', { familyName, dateResponseRequired: '2026-11-27' }),
      'PartnershipNotified',
      /Compliance Challenge Form[^"]*sent to the partnership by Dawn Pike/,
    );
    h.clock.set('2026-11-26T10:00:00Z');
    assertRecorded(
      await w.press('Kai Lowe', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Stage 2 outcome recorded by Kai Lowe/,
    );
    const o = await w.press(raiser, 'escalate', { reason: 'The response did not resolve it.' });
    assertMovedTo(o, {
      label: 'Stage 3',
      from: 'Stage 2',
      cardsTo: ['Dawn Pike', 'Lena Park', 'Pia Ward'],
      raiser,
      caseReference: ref,
    });
  });

  it('DUR-5, DUR-6 stages 3 and 4: the business manager meets the agency, then at the next level', async () => {
    h.clock.set('2026-11-30T10:00:00Z');
    assertRecorded(
      await w.press('Pia Ward', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Stage 3 outcome recorded by Pia Ward/,
    );
    assertMovedTo(await w.press(raiser, 'escalate', { reason: 'Still recurring.' }), {
      label: 'Stage 4',
      from: 'Stage 3',
      cardsTo: ['Dawn Pike', 'Max Rowe', 'Pia Ward'],
      raiser,
      caseReference: ref,
    });
    h.clock.set('2026-12-03T10:00:00Z');
    assertRecorded(
      await w.press('Max Rowe', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Stage 4 outcome recorded by Max Rowe/,
    );
    assertMovedTo(await w.press('Pia Ward', 'escalate', { reason: 'Escalated to the DSCP Executive.' }), {
      label: 'Stage 5',
      from: 'Stage 4',
      cardsTo: ['Pia Ward', 'Quinn Abbott'],
      raiser,
      caseReference: ref,
    });
  });

  it('DUR-7, DUR-8 stage 5: the reasons and date are recorded and the Executive resolves it', async () => {
    h.clock.set('2026-12-07T10:00:00Z');
    assertRecorded(
      await w.press('Quinn Abbott', 'recordOutcome'),
      'StageOutcomeRecorded',
      /Stage 5 outcome recorded by Quinn Abbott/,
    );
    const o = await w.press('Quinn Abbott', 'resolve', {
      agreedOutcome: 'Reports to QRT within timescale.',
      outstandingIssues: 'Audit in three months.',
    });
    assert.match(text(o.feedbackTo(raiser)[0]), /resolved at Stage 5/);
    const entered = (await h.app.stores.challenges.events(w.challengeId)).flatMap((e) =>
      e.type === 'StageEntered' ? [e.data.stageId] : [],
    );
    assert.deepEqual(entered, ['stage-1', 'stage-2', 'stage-3', 'stage-4', 'stage-5']);
  });

  it('COM-2, DUR-10 no card posted to the channel holds the family name or the concern', () => {
    const channel = w.log.filter((r) => !r.conversationId.startsWith('a:personal-'));
    assert.ok(
      channel.some((r) => r.kind === 'createConversation'),
      'the thread was started',
    );
    assert.ok(channel.filter((r) => r.kind === 'update').length >= 5, 'the root was updated at each step');
    for (const r of channel) {
      assert.doesNotMatch(text(r.activity), new RegExp(familyName, 'i'), `${r.kind} in ${r.conversationId}`);
      assert.doesNotMatch(text(r.activity), /Sentinel concern/, `${r.kind} in ${r.conversationId}`);
    }
    const personal = w.log.filter((r) => r.conversationId.startsWith('a:personal-') && isStageCard(cardOf(r.activity)));
    assert.ok(
      personal.some((r) => text(r.activity).includes(familyName)),
      'the name did reach the people on the challenge',
    );
  });
});
