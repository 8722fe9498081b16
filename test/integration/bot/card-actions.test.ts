/**
 * What a press can meet over HTTP: someone not entitled, a double press, Teams delivering the
 * same invoke twice, a card that is out of date, a bad raise form, a client without Universal
 * Actions (Action.Submit), someone not on the challenge, and the rules COM-1 and COM-6.
 */
import assert from 'node:assert/strict';
import { NOT_A_COMPLAINT, SAFETY_REMINDER } from '../../../cards/view-models/wording';
import { invokeAction, message, submit } from '../../support/activities';
import type { Harness } from '../../support/bot-harness';
import {
  buttonsOf,
  cardOf,
  dataFor,
  installPartnership,
  isStageCard,
  startBot,
  text,
  Walk,
  type Card,
} from './support';

const leedsRaise = { raiser: 'Amira Khan', raisedWith: 'Grace Liu' };

/** The first choice an input offers. */
function inputChoice(card: Card, id: string): string {
  const match = text(card).match(new RegExp(`"id":"${id}"[^\\]]*?"choices":\\[\\{"title":"[^"]*","value":"([^"]*)"`));
  if (!match) throw new Error(`no choices for ${id}`);
  return match[1]!;
}

/** An input of the card and the error shown beside it, if any. */
function field(card: Card, id: string): { value: string; error: string } {
  let found: { value: string; error: string } | undefined;
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        if (n?.id === id && String(n.type).startsWith('Input.')) {
          // The error is the first warning text after the input, before the next input.
          const after = node.slice(i + 1) as Card[];
          const end = after.findIndex((x) => String(x?.type).startsWith('Input.'));
          const shown = (end < 0 ? after : after.slice(0, end)).find(
            (x) => x?.type === 'TextBlock' && x.color === 'attention',
          );
          const error = shown ? String(shown.text) : '';
          found ??= { value: String(n.value ?? ''), error };
        }
        walk(n);
      });
    } else Object.values(node).forEach(walk);
  };
  walk(card.body);
  if (!found) throw new Error(`the card has no input "${id}"`);
  return found;
}

describe('card actions over HTTP', function () {
  let h: Harness;
  before(async () => {
    h = await startBot('actions', '2026-11-23T10:00:00Z');
    await installPartnership(h, 'leeds', ['Isla Carter']);
  });
  after(async () => h.stop());

  /** A Leeds challenge taken to step 2 by the raiser. */
  async function atStep2(caseReference: string): Promise<Walk> {
    const w = new Walk(h);
    await w.raise({ ...leedsRaise, caseReference });
    await w.press('Amira Khan', 'escalate', { reason: 'No agreement at step 1.' });
    return w;
  }

  it("refuses a non-owner's press, says why on the card, and records it", async () => {
    const w = await atStep2('LCC-2026-1001');
    // The raiser presses a line manager's button (a forwarded card, or a crafted request).
    const data = dataFor(w.cards.get('Ben Ortiz')!, 'recordOutcome', {}, 'Amira Khan', '2026-11-23', true);
    const o = await w.send('Amira Khan', 'recordOutcome', data);
    assert.match(text(o.card), /Step 2 is owned by the line managers; you are the raiser\./);
    assert.deepEqual(o.events, [], 'nothing happened');
    assert.equal(o.received.length, 0, 'nobody was told anything');
    const audit = await h.app.stores.audit.list(w.challengeId);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.code, 'notOwner');
    assert.equal(audit[0]?.commandType, 'recordOutcome');
    assert.equal(audit[0]?.actor.name, 'Amira Khan');
  });

  it('makes one transition of a double press (two presses at once, same card)', async () => {
    const w = await atStep2('LCC-2026-1002');
    const data = dataFor(await w.refresh('Ben Ortiz'), 'escalate', { reason: 'Line managers disagree.' });
    const [a, b] = await Promise.all([w.send('Ben Ortiz', 'escalate', data), w.send('Ben Ortiz', 'escalate', data)]);
    const events = await h.app.stores.challenges.events(w.challengeId);
    assert.equal(events.filter((e) => e.type === 'Escalated').length, 2, 'step 1 to 2, then once from step 2');
    assert.equal((await h.app.stores.challenges.load(w.challengeId))?.challenge.stageId, 'step-3a');
    for (const o of [a, b]) assert.match(text(o.card), /Step 3a/);
  });

  it('makes one transition when Teams delivers the same invoke twice', async () => {
    const w = await atStep2('LCC-2026-1003');
    const data = dataFor(await w.refresh('Ben Ortiz'), 'escalate', { reason: 'Line managers disagree.' });
    const invoke = invokeAction(h.channel.url, h.user('Ben Ortiz'), 'escalate', data);
    h.channel.clear();
    const first = await h.post(invoke);
    const cardsAfterFirst = h.channel.received.filter((r) => isStageCard(cardOf(r.activity))).length;
    const second = await h.post(invoke);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    const events = await h.app.stores.challenges.events(w.challengeId);
    assert.equal(events.filter((e) => e.type === 'StageEntered' && e.data.stageId === 'step-3a').length, 1);
    assert.equal(
      h.channel.received.filter((r) => isStageCard(cardOf(r.activity))).length,
      cardsAfterFirst,
      'no card is sent twice',
    );
  });

  it('refreshes a stale card with the "moved on" text, and refuses a press from it as stale', async () => {
    const w = await atStep2('LCC-2026-1004');
    const old = w.cards.get('Grace Liu')!; // her step 1 card, from before the escalation
    const refreshed = await h.post(
      invokeAction(h.channel.url, h.user('Grace Liu'), 'refresh', old.refresh.action.data, undefined, 'automatic'),
    );
    const card = (refreshed.body as { value: Card }).value;
    assert.match(text(card), /This challenge has moved on since this card was sent/);
    assert.match(text(card), /LCC-2026-1004: Step 2,/);
    assert.ok(!buttonsOf(card).includes('recordOutcome'), 'no step 2 buttons for her');

    const o = await w.send(
      'Grace Liu',
      'resolve',
      dataFor(old, 'resolve', { agreedOutcome: 'Agreed.', outstandingIssues: 'None.' }),
    );
    assert.match(text(o.card), /moved on/);
    assert.deepEqual(o.events, []);
    assert.equal((await h.app.stores.audit.list(w.challengeId)).at(-1)?.code, 'stale');
  });

  it('returns a bad raise form with the input kept and each error by its field, and stores nothing', async () => {
    h.channel.clear();
    await h.post(message(h.channel.url, h.user('Amira Khan'), 'raise challenge'));
    const form = cardOf(h.channel.received.at(-1)!.activity)!;
    const submitForm = async (card: Card, typed: Record<string, string>) => {
      const data = dataFor(card, 'raise', typed);
      h.channel.clear();
      const { body } = await h.post(invokeAction(h.channel.url, h.user('Amira Khan'), 'raise', data));
      assert.equal(await h.app.stores.challenges.load(String(data.challengeId)), undefined, 'nothing is stored');
      assert.equal(h.channel.received.length, 0, 'no thread, no cards');
      return (body as { value: Card }).value;
    };

    const again = await submitForm(form, {
      caseReference: 'LCC-2026-2001',
      raisedWith: 'external',
      externalName: 'Dr Sam Patel',
      desiredOutcome: 'A strategy discussion.',
      evidence: 'School log of three incidents.',
    });
    assert.match(text(again), /Raise a professional challenge/);
    assert.equal(field(again, 'concern').error, 'Please fill this in.');
    assert.equal(field(again, 'areas').error, 'Please choose an area of disagreement.');
    assert.deepEqual(
      field(again, 'caseReference'),
      { value: 'LCC-2026-2001', error: '' },
      'the case reference is kept',
    );
    assert.equal(field(again, 'externalName').value, 'Dr Sam Patel');
    assert.deepEqual(field(again, 'desiredOutcome'), { value: 'A strategy discussion.', error: '' });
    // The checks across fields are reported in the same round as the missing fields.
    assert.equal(field(again, 'externalRole').error, 'Please give their role.');

    // Every field given, but a date where the case reference goes (COM-2) and the external
    // professional half described: the checks across fields come back the same way.
    const third = await submitForm(again, {
      caseReference: '12/03/2019',
      concern: 'The referral was closed.',
      areas: inputChoice(again, 'areas'),
    });
    assert.match(field(third, 'caseReference').error, /looks like a date/);
    assert.equal(field(third, 'externalRole').error, 'Please give their role.');
    assert.deepEqual(field(third, 'externalName'), { value: 'Dr Sam Patel', error: '' });
    assert.deepEqual(field(third, 'concern'), { value: 'The referral was closed.', error: '' });
  });

  it('works by Action.Submit for clients without Universal Actions: the card pressed is updated in place', async () => {
    const w = await atStep2('LCC-2026-1005');
    const card = await w.refresh('Harry Walsh');
    const value = dataFor(card, 'recordOutcome', {}, 'Harry Walsh', '2026-11-23', true);
    const pressed = 'activity-of-harrys-card';
    h.channel.clear();
    const { status } = await h.post(submit(h.channel.url, h.user('Harry Walsh'), value, pressed));
    assert.equal(status, 200);
    const update = h.channel.received.find(
      (r) => r.kind === 'update' && r.conversationId === `a:personal-${h.user('Harry Walsh').aadObjectId}`,
    );
    assert.ok(update, 'the pressed card is replaced');
    assert.equal(update.activityId, pressed);
    assert.match(text(update.activity), /You recorded the outcome of Step 2/);
    const events = await h.app.stores.challenges.events(w.challengeId);
    assert.equal(events.at(-1)?.type, 'StageOutcomeRecorded');
  });

  it('answers an Action.Submit pressed in a shared conversation privately, never replacing the card there', async () => {
    const w = await atStep2('LCC-2026-1007');
    const card = await w.refresh('Harry Walsh');
    const value = dataFor(card, 'recordOutcome', {}, 'Harry Walsh', '2026-11-23', true);
    h.channel.clear();
    const channel = {
      conversationType: 'channel' as const,
      conversationId: '19:shared@thread.tacv2',
      teamId: '19:team',
    };
    const { status } = await h.post(
      submit(h.channel.url, h.user('Harry Walsh'), value, 'a-card-in-the-channel', channel),
    );
    assert.equal(status, 200);
    assert.equal(
      h.channel.activitiesIn('19:shared@thread.tacv2').length,
      0,
      'nothing sent to or replaced in the channel',
    );
    const personal = h.channel.received.find(
      (r) =>
        r.conversationId === `a:personal-${h.user('Harry Walsh').aadObjectId}` &&
        /You recorded the outcome of Step 2/.test(text(r.activity)),
    );
    assert.ok(personal, 'the answer goes to Harry 1:1');
  });

  it('gives someone not on the challenge the minimal card, with no actions and no details', async () => {
    const w = await atStep2('LCC-2026-1006');
    const data = w.cards.get('Ben Ortiz')!.refresh.action.data;
    const { body } = await h.post(
      invokeAction(h.channel.url, h.user('Jon Bates'), 'refresh', data, undefined, 'automatic'),
    );
    const card = (body as { value: Card }).value;
    assert.match(text(card), /LCC-2026-1006/);
    assert.match(text(card), /Only the people on this challenge can see its details/);
    assert.deepEqual(buttonsOf(card), []);
    assert.equal(card.refresh, undefined);
    assert.doesNotMatch(text(card), /referral was closed/);
  });

  it('lists a person\'s challenges on "my challenges"', async () => {
    h.channel.clear();
    await h.post(message(h.channel.url, h.user('Ben Ortiz'), 'my challenges'));
    const card = cardOf(h.channel.received.at(-1)!.activity);
    for (const ref of ['LCC-2026-1001', 'LCC-2026-1002', 'LCC-2026-1005']) assert.match(text(card), new RegExp(ref));
    h.channel.clear();
    await h.post(message(h.channel.url, h.user('Jon Bates'), 'My Challenges'));
    assert.doesNotMatch(text(cardOf(h.channel.received.at(-1)!.activity)), /LCC-2026/, 'not on any');
  });

  it('records a person who has not installed the bot as unreachable and tells the raising side who to contact', async () => {
    const w = new Walk(h);
    // Isla Carter (principal social worker) never installed the bot.
    const o = await w.raise({ raiser: 'Ben Ortiz', caseReference: 'LCC-2026-1007', raisedWith: 'Isla Carter' });
    assert.deepEqual(o.stageCardsTo(), [], 'no card can reach her; the raiser has his as the answer');
    const stored = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    assert.equal(stored.raisedWith.reachable, false);
    const notices = o.noticesTo('Ben Ortiz');
    assert.equal(notices.length, 1);
    assert.match(text(notices[0]), /Isla Carter[^"]*cannot be reached in Teams: contact them by other means/);
    assert.match(text(notices[0]), /isla\.carter@/);
  });

  it('takes an external professional as "raised with" and asks the raiser to contact them by other means', async () => {
    const w = new Walk(h);
    const external = {
      name: 'Dr Sam Patel',
      role: 'GP',
      agency: 'Chapel Allerton Surgery',
      email: 'sam.patel@nhs.example.net',
    };
    const o = await w.raise({ raiser: 'Amira Khan', caseReference: 'LCC-2026-1008', raisedWith: { external } });
    assert.match(text(o.card), /LCC-2026-1008: Step 1,/);
    const stored = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    assert.deepEqual(
      {
        name: stored.raisedWith.name,
        external: stored.raisedWith.external,
        reachable: stored.raisedWith.reachable,
        email: stored.raisedWith.email,
      },
      { name: external.name, external: true, reachable: false, email: external.email },
    );
    assert.deepEqual(o.stageCardsTo(), [], 'the raiser has hers as the answer');
    assert.match(text(o.noticesTo('Amira Khan')[0]), /Dr Sam Patel[^"]*sam\.patel@nhs\.example\.net/);
  });

  it('COM-1, COM-6 the raise form over HTTP carries the safety reminder and says it is not a complaints process', async () => {
    h.channel.clear();
    await h.post(message(h.channel.url, h.user('Grace Liu'), 'raise a challenge'));
    const form = cardOf(h.channel.received.at(-1)!.activity);
    assert.ok(text(form).includes(JSON.stringify(SAFETY_REMINDER).slice(1, -1)), 'COM-1');
    assert.ok(text(form).includes(NOT_A_COMPLAINT), 'COM-6');
    assert.match(NOT_A_COMPLAINT, /not a complaints process/);
  });

  it('COM-1 every stage card that asks for a decision carries the safety reminder', async () => {
    const w = await atStep2('LCC-2026-1009');
    await w.press('Ben Ortiz', 'escalate', { reason: 'To heads of service.' });
    await w.press('Eleanor Price', 'escalate', { reason: 'To directors.' });
    const cards = [...w.log.map((r) => cardOf(r.activity)), ...w.cards.values()].filter((c): c is Card =>
      isStageCard(c),
    );
    const deciding = cards.filter((c) =>
      buttonsOf(c).some((v) => ['recordOutcome', 'escalate', 'resolve'].includes(v)),
    );
    assert.ok(deciding.length >= 8, `${deciding.length} deciding cards seen`);
    for (const card of deciding)
      assert.ok(text(card).includes(JSON.stringify(SAFETY_REMINDER).slice(1, -1)), text(card).slice(0, 200));
  });
});
