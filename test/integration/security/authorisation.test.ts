/**
 * Adversarial presses over HTTP: someone not on a challenge using its real id, a presser
 * naming somebody else in the data, hand-overs out of the partnership or to oneself, a second
 * raise with an id already taken, and presses from a resolved challenge's old card. Each must
 * change nothing, show no details, and be audited.
 */
import assert from 'node:assert/strict';
import { invokeAction, submit } from '../../support/activities';
import type { Harness } from '../../support/bot-harness';
import { buttonsOf, dataFor, installPartnership, startBot, text, Walk, type Card } from '../bot/support';

const concern = 'SENTINEL-CONCERN the referral was closed although three incidents were logged.';
const desiredOutcome = 'SENTINEL-OUTCOME a strategy discussion.';
const evidence = 'SENTINEL-EVIDENCE incident log and health visitor report.';
const secret = /SENTINEL-/;

describe('security: every press is authorised by the workflow', function () {
  let h: Harness;
  before(async () => {
    h = await startBot('sec-authz', '2026-11-23T10:00:00Z');
    await installPartnership(h, 'leeds');
    await installPartnership(h, 'durham');
  });
  after(async () => h.stop());

  /** A Leeds challenge at step 2 (the line managers own it), with secret case text. */
  async function atStep2(caseReference: string): Promise<Walk> {
    const w = new Walk(h);
    await w.raise({
      raiser: 'Amira Khan',
      raisedWith: 'Grace Liu',
      caseReference,
      inputs: { concern, desiredOutcome, evidence },
    });
    await w.press('Amira Khan', 'escalate', { reason: 'No agreement at step 1.' });
    return w;
  }

  async function invoke(who: string, verb: string, data: Record<string, unknown>, where?: object) {
    const { status, body } = await h.post(invokeAction(h.channel.url, h.user(who), verb, data, where));
    assert.equal(status, 200);
    return (body as { value: Card }).value;
  }

  const version = async (w: Walk) => (await h.app.stores.challenges.load(w.challengeId))!.challenge.version;

  it('COM-2 someone not on the challenge (same or another partnership) gets only the minimal card from open and refresh', async () => {
    const w = await atStep2('SEC-AUTHZ-0001');
    const v = await version(w);
    for (const who of ['Jon Bates', 'Dawn Pike']) {
      for (const verb of ['open', 'refresh']) {
        const card = await invoke(who, verb, { verb, challengeId: w.challengeId, version: v });
        assert.match(text(card), /Only the people on this challenge can see its details/, `${who} ${verb}`);
        assert.doesNotMatch(text(card), secret, `${who} ${verb}: no case text`);
        assert.deepEqual(buttonsOf(card), [], `${who} ${verb}: no buttons`);
      }
    }
  });

  it('a non-participant pressing any stage verb with a real challengeId changes nothing, is told nothing, and is audited', async () => {
    const w = await atStep2('SEC-AUTHZ-0002');
    const ben = await w.refresh('Ben Ortiz');
    const v = await version(w);
    const presses: [string, Record<string, unknown>][] = [
      ['recordOutcome', dataFor(ben, 'recordOutcome', {}, 'Jon Bates', '2026-11-23', true)],
      ['escalate', dataFor(ben, 'escalate', { reason: 'Taking it over.' })],
      ['resolve', dataFor(ben, 'resolve', { agreedOutcome: 'x', outstandingIssues: 'y' })],
      ['pause', { verb: 'pause', challengeId: w.challengeId, version: v, reason: 'because' }],
      [
        'handOver',
        {
          verb: 'handOver',
          challengeId: w.challengeId,
          version: v,
          role: 'raising.lineManager',
          toPersonId: h.user('Jon Bates').aadObjectId,
        },
      ],
    ];
    h.channel.clear();
    for (const [verb, data] of presses) {
      const card = await invoke('Jon Bates', verb, data);
      assert.doesNotMatch(text(card), secret, `${verb}: no case text`);
      assert.deepEqual(buttonsOf(card), [], `${verb}: no buttons`);
    }
    assert.equal(await version(w), v, 'nothing changed');
    assert.equal(h.channel.received.length, 0, 'nobody was sent anything');
    const audit = (await h.app.stores.audit.list(w.challengeId)).filter((a) => a.actor.name === 'Jon Bates');
    assert.deepEqual(audit.map((a) => a.commandType).sort(), presses.map(([verb]) => verb).sort());
    assert.ok(audit.every((a) => a.code === 'notOwner'));
  });

  it('a non-participant pressing with incomplete or invalid input is still refused as not theirs and audited', async () => {
    const w = await atStep2('SEC-AUTHZ-0003');
    const v = await version(w);
    const base = { challengeId: w.challengeId, version: v };
    await invoke('Jon Bates', 'escalate', { verb: 'escalate', ...base }); // no reason
    await invoke('Jon Bates', 'recordOutcome', { verb: 'recordOutcome', ...base }); // no values
    await invoke('Jon Bates', 'handOver', {
      verb: 'handOver',
      ...base,
      role: 'raising.lineManager',
      toPersonId: 'not-a-directory-id',
    });
    assert.equal(await version(w), v, 'nothing changed');
    const audit = (await h.app.stores.audit.list(w.challengeId)).filter((a) => a.actor.name === 'Jon Bates');
    assert.deepEqual(audit.map((a) => a.commandType).sort(), ['escalate', 'handOver', 'recordOutcome']);
    assert.ok(audit.every((a) => a.code === 'notOwner'));
  });

  it('the presser is from.aadObjectId: an owner id put in the data (Action.Execute or Action.Submit) is ignored', async () => {
    const w = await atStep2('SEC-AUTHZ-0004');
    const ben = h.user('Ben Ortiz').aadObjectId;
    const forged = {
      ...dataFor(await w.refresh('Ben Ortiz'), 'escalate', { reason: 'Forged.' }),
      from: ben,
      actor: { id: ben, name: 'Ben Ortiz' },
      personId: ben,
      aadObjectId: ben,
      userId: ben,
    };
    const v = await version(w);
    const card = await invoke('Jon Bates', 'escalate', forged);
    assert.doesNotMatch(text(card), secret);
    h.clock.set('2026-11-23T10:05:00Z'); // a later press: its own audit row
    await h.post(submit(h.channel.url, h.user('Jon Bates'), forged));
    assert.equal(await version(w), v, 'nothing changed');
    const audit = await h.app.stores.audit.list(w.challengeId);
    assert.deepEqual(
      audit.map((a) => [a.actor.name, a.code]),
      [
        ['Jon Bates', 'notOwner'],
        ['Jon Bates', 'notOwner'],
      ],
    );
  });

  it('LEE-7 a role cannot be handed over to oneself, nor a role one does not hold', async () => {
    const w = await atStep2('SEC-AUTHZ-0005');
    const v = await version(w);
    const base = { verb: 'handOver', challengeId: w.challengeId, version: v };
    const ben = h.user('Ben Ortiz').aadObjectId;
    await invoke('Ben Ortiz', 'handOver', { ...base, role: 'raising.lineManager', toPersonId: ben });
    h.clock.set('2026-11-23T10:06:00Z'); // a later press: its own audit row
    await invoke('Ben Ortiz', 'handOver', {
      ...base,
      role: 'receiving.lineManager',
      toPersonId: h.user('Dev Mistry').aadObjectId,
    });
    assert.equal(await version(w), v, 'nothing changed');
    const audit = await h.app.stores.audit.list(w.challengeId);
    assert.equal(audit.length, 2, 'both refusals are audited');
  });

  it('COM-2 a role cannot be handed over to someone outside the challenge partnership: no card reaches them', async () => {
    const w = await atStep2('SEC-AUTHZ-0006');
    const v = await version(w);
    h.channel.clear();
    const card = await invoke('Ben Ortiz', 'handOver', {
      verb: 'handOver',
      challengeId: w.challengeId,
      version: v,
      role: 'raising.lineManager',
      toPersonId: h.user('Dawn Pike').aadObjectId, // Durham IRO service
    });
    assert.match(
      text(card),
      /not in your agency or in Leeds Safeguarding Children Partnership/,
      'the presser is told why',
    );
    assert.equal(await version(w), v, 'nothing changed');
    const stored = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    assert.ok(
      !Object.values(stored.participants)
        .flat()
        .some((p) => p?.id === h.user('Dawn Pike').aadObjectId),
      'Dawn Pike is not on the challenge',
    );
    assert.ok(
      !h.channel.received.some((r) => r.conversationId === `a:personal-${h.user('Dawn Pike').aadObjectId}`),
      'nothing was sent to her',
    );
    const audit = await h.app.stores.audit.list(w.challengeId);
    assert.equal(audit.at(-1)?.commandType, 'handOver', 'the refusal is audited');
  });

  it('COM-2 a second raise with an existing challengeId (someone else) neither overwrites nor shows the challenge', async () => {
    const w = await atStep2('SEC-AUTHZ-0007');
    const before = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    const data = {
      verb: 'raise',
      challengeId: w.challengeId,
      version: 0,
      procedureId: 'leeds',
      caseReference: 'ATTACKER-REF',
      subject: 'child',
      raisedWith: h.user('Harry Walsh').aadObjectId,
      areas: before.areas.join(','),
      concern: 'attacker concern',
      desiredOutcome: 'attacker outcome',
      evidence: 'attacker evidence',
    };
    h.channel.clear();
    const card = await invoke('Jon Bates', 'raise', data);
    assert.doesNotMatch(text(card), secret, 'no case text in the answer');
    assert.deepEqual(
      buttonsOf(card).filter((b) => b !== 'raise' && b !== 'changeProcedure'),
      [],
    );
    const after = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    assert.deepEqual(after, before, 'the challenge is untouched');
    assert.equal(h.channel.received.length, 0, 'nothing was sent to anyone');

    const form = await invoke('Jon Bates', 'changeProcedure', {
      verb: 'changeProcedure',
      challengeId: w.challengeId,
      version: 0,
      procedureId: 'durham',
    });
    assert.doesNotMatch(text(form), secret, 'changeProcedure renders only what was sent');
  });

  it('a resolved challenge: its old cards cannot act, and a refresh shows no buttons', async () => {
    const w = await atStep2('SEC-AUTHZ-0008');
    const old = await w.refresh('Harry Walsh');
    await w.press('Ben Ortiz', 'resolve', { agreedOutcome: 'Agreed.', outstandingIssues: 'None.' });
    const v = await version(w);
    const card = await invoke('Harry Walsh', 'pause', dataFor(old, 'pause', { reason: 'Reopen.' }));
    assert.match(text(card), /resolved|moved on/);
    assert.equal(await version(w), v, 'nothing changed');
    assert.equal((await h.app.stores.audit.list(w.challengeId)).at(-1)?.actor.name, 'Harry Walsh');
    const refreshed = await invoke('Harry Walsh', 'refresh', old.refresh.action.data);
    assert.deepEqual(buttonsOf(refreshed), [], 'nothing to press on a resolved challenge');
  });
});
