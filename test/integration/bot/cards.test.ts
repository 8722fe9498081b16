/**
 * Cards a manager can act on in ten seconds, over HTTP, for each of the five procedures: the
 * next owner's card says who escalated it and why, in their words; confirmations read as
 * words in the good style; refusals and field errors name their reason or their field, with
 * the input kept; the whole-process limit and any start-by date are on the card; the timeline
 * shows the workflow's own dates; and a press gives the presser exactly one card.
 */
import assert from 'node:assert/strict';
import { createWorkingCalendar, formatInstant } from '../../../src/calendar';
import { findProcedure } from '../../../src/procedures';
import { timelineOf } from '../../../src/workflow';
import type { Harness } from '../../support/bot-harness';
import { assertOneCardForThePresser, dataFor, installPartnership, startBot, text, Walk, type Card } from './support';

interface Case {
  procedureId: string;
  raiser: string;
  raisedWith: string;
  inputs?: Record<string, string>;
  /** An owner of the second stage who is not the raiser. */
  nextOwner: string;
  /** Someone in the directory who is not on this challenge. */
  stranger: string;
}

const cases: Case[] = [
  {
    procedureId: 'dudley',
    raiser: 'Olivia Hart',
    raisedWith: 'Uma Shah',
    inputs: { subject: 'child' },
    nextOwner: 'Paul Nandra',
    stranger: 'Amira Khan',
  },
  {
    procedureId: 'durham',
    raiser: 'Dawn Pike',
    raisedWith: 'Jade Fox',
    inputs: { familyName: 'Zyxwortley' },
    nextOwner: 'Kai Lowe',
    stranger: 'Olivia Hart',
  },
  {
    procedureId: 'newcastle',
    raiser: 'Rosa Diaz',
    raisedWith: 'Xena Cho',
    nextOwner: 'Xena Cho',
    stranger: 'Dawn Pike',
  },
  {
    procedureId: 'leeds',
    raiser: 'Amira Khan',
    raisedWith: 'Grace Liu',
    nextOwner: 'Ben Ortiz',
    stranger: 'Rosa Diaz',
  },
  {
    procedureId: 'darlington',
    raiser: 'Gail Young',
    raisedWith: 'Mina Patel',
    inputs: { subject: 'adult' },
    nextOwner: 'Hugo Baker',
    stranger: 'Amira Khan',
  },
];

/** The card's notice (the first styled container) and the words of the card a person reads. */
const noticeOf = (card: Card) => card.body?.find((b: Card) => b.type === 'Container' && b.style);
const reads = (card: Card) => text(card).replace(/\\(.)/g, '$1');

describe('stage cards over HTTP, for each of the five procedures', function () {
  let h: Harness;
  before(async () => {
    h = await startBot('cards', '2026-11-23T10:00:00Z');
    for (const c of cases) await installPartnership(h, c.procedureId);
  });
  after(async () => h.stop());

  for (const c of cases) {
    const procedure = findProcedure(c.procedureId)!;
    const code = procedure.code;
    describe(procedure.partnership, () => {
      const w = {} as { walk: Walk };
      const reason = `${code}: we still disagree about the threshold, and the plan ignores the new partner.`;

      it(`${code} raise: the confirmation reads as words in the good style, the raiser's card is the answer and comes once`, async () => {
        h.clock.set('2026-11-23T10:00:00Z');
        w.walk = new Walk(h);
        const o = await w.walk.raise({
          raiser: c.raiser,
          caseReference: `${code}-CARDS-1`,
          raisedWith: c.raisedWith,
          ...(c.inputs ? { inputs: c.inputs } : {}),
        });
        assertOneCardForThePresser(o);
        assert.match(noticeOf(o.card).items[0].text, new RegExp(`^You raised a challenge for case ${code}-CARDS-1\\.`));
      });

      it(`${code} the timeline shows every stage with the workflow's own dates, and the whole-process limit where there is one (LEE-6, NEW-1, DUR-2)`, async () => {
        const stored = (await h.app.stores.challenges.load(w.walk.challengeId))!.challenge;
        const card = w.walk.cards.get(c.raiser)!;
        const timeline = timelineOf({
          procedure,
          challenge: stored,
          now: h.clock.now(),
          calendar: createWorkingCalendar({ closureDays: procedure.closureDays }),
        });
        for (const s of timeline.stages) {
          assert.ok(reads(card).includes(s.label), `${s.label} on the timeline`);
          if (s.deadline) assert.ok(reads(card).includes(formatInstant(s.deadline)), `${s.label} due ${s.deadline}`);
        }
        assert.equal(timeline.limits.length > 0, procedure.caps.length > 0);
        for (const limit of timeline.limits) {
          assert.ok(reads(card).includes(`Whole process`), 'the whole process is named');
          assert.ok(reads(card).includes(formatInstant(limit.deadline)), `the limit ${limit.label}`);
        }
        if (procedure.stages.some((s) => s.startBy)) {
          const next = timeline.stages.find((s) => s.state === 'toCome' && s.startBy)!;
          assert.ok(reads(card).includes(`${next.label} starts by`), 'DUD-2 the next stage has a start-by date');
          assert.ok(reads(card).includes(formatInstant(next.startBy!)));
        }
      });

      it(`${code} a field error is beside its field, the input kept, in the sub-form that was pressed; nothing is stored`, async () => {
        const before = (await h.app.stores.challenges.events(w.walk.challengeId)).length;
        const held = await w.walk.refresh(c.raiser);
        const resolve = dataFor(held, 'resolve', { agreedOutcome: 'Kept as typed' });
        const o = await w.walk.send(c.raiser, 'resolve', resolve);
        assert.equal((await h.app.stores.challenges.events(w.walk.challengeId)).length, before, 'nothing stored');
        assert.equal(noticeOf(o.card).style, 'attention');
        const inline = o.card.body.find((b: Card) => b.style === 'emphasis' && b.separator) as Card;
        assert.ok(inline, 'the resolve form is shown open');
        const shown = text(inline);
        assert.match(shown, /"id":"resolve.agreedOutcome"[^}]*"value":"Kept as typed"/, 'the input is kept');
        assert.ok(
          shown.includes('How outstanding issues will be pursued: please fill this in.'),
          'the error names its field, beside it',
        );
        assert.doesNotMatch(reads(o.card), /Please fill this in\. Please fill this in\./);
      });

      it(`${code} a refusal says why: to someone on it who may not, and to someone not on it`, async () => {
        // Pressed with data made up from the raiser's card: the receiving side has no Escalate button.
        const held = await w.walk.refresh(c.raiser);
        const data = { verb: 'escalate', challengeId: w.walk.challengeId, version: held.refresh.action.data.version };
        const refused = await w.walk.send(c.raisedWith, 'escalate', { ...data, 'escalate.reason': 'Mine to move on.' });
        assert.equal(noticeOf(refused.card).style, 'attention');
        assert.match(noticeOf(refused.card).items[0].text, /can escalate from .+; you are /, 'the reason, in words');
        const stranger = await w.walk.send(c.stranger, 'escalate', { ...data, 'escalate.reason': 'Not mine.' });
        assert.equal(noticeOf(stranger.card).style, 'attention');
        assert.equal(noticeOf(stranger.card).items[0].text, 'Only the people on this challenge can act on it.');
        assert.doesNotMatch(text(stranger.card), /Mine to move on|threshold/);
      });

      it(`${code} DUD-3 NEW-3 LEE-9 the next owner's card says who escalated it, when, and why in their own words; the presser gets one card`, async () => {
        h.clock.set('2026-11-24T11:00:00Z');
        const o = await w.walk.press(c.raiser, 'escalate', { reason });
        assertOneCardForThePresser(o);
        assert.match(noticeOf(o.card).items[0].text, /^You escalated to .+\. .+ (has|have) (their card|their cards)/);
        const card = o
          .personal((k) => k.refresh?.action?.verb === 'refresh')
          .get(c.nextOwner)
          ?.at(-1);
        assert.ok(card, `${c.nextOwner} has their card`);
        const words = reads(card);
        assert.ok(words.includes(`“${reason}”`), 'the reason, quoted');
        assert.match(
          words,
          new RegExp(
            `${c.raiser} \\([^)]*\\) escalated it to you from ${procedure.stages[0]!.label} on Tue 24 Nov 2026`,
          ),
        );
        const stored = (await h.app.stores.challenges.load(w.walk.challengeId))!.challenge;
        const record = stored.stages.at(-1)!;
        if (record.deadline) assert.ok(words.includes(formatInstant(record.deadline)), 'its deadline');
        if (record.startBy) assert.ok(words.includes('Start by'), 'DUD-2 its start-by date');
        if (procedure.caps.some((cap) => cap.stages.includes(stored.stageId)))
          assert.ok(words.includes('Whole process'));
      });
    });
  }
});
