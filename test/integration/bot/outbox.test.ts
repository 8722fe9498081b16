/**
 * Nothing owed is lost: a bot that dies between committing a transition and sending what it
 * owes leaves the owed rows (and the outbox entry pointing at them), and the sweep carries
 * them out, once.
 */
import assert from 'node:assert/strict';
import { dyingTurn } from '../../support/dying-turn';
import type { Harness } from '../../support/bot-harness';
import { installPartnership, startBot, Walk } from './support';

describe('the outbox: sends owed by a committed transition survive a crash', () => {
  let h: Harness;
  before(async () => {
    h = await startBot('outbox', '2026-11-24T10:00:00Z');
    await installPartnership(h, 'leeds');
  });
  after(async () => h.stop());

  it('an escalation committed but never sent is delivered by the sweep: stage cards, thread, nothing twice', async () => {
    const w = new Walk(h);
    await w.raise({ raiser: 'Amira Khan', caseReference: 'LCC-2026-7001', raisedWith: 'Grace Liu' });
    const raised = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    assert.equal(raised.stageId, 'step-1');
    assert.deepEqual(await h.app.stores.outbox.orphans(0), [], 'a delivered turn leaves nothing owed');

    // The escalation is committed, then the process dies before any send.
    const { stores, clock } = h.app.services;
    const dying = dyingTurn(stores, clock);
    const amira = h.user('Amira Khan');
    const result = await dying.execute({
      challengeId: w.challengeId,
      command: { type: 'escalate', reason: 'Not resolved between practitioners.' },
      actor: { id: amira.aadObjectId, name: amira.name },
      idempotencyKey: 'escalate:crashed',
      presserId: amira.aadObjectId,
    });
    assert.equal(result.kind, 'done');
    h.channel.clear();

    const swept = await h.app.kit.dispatcher.sweep({ graceMs: 0 });
    assert.equal(swept.left, 0);
    const to = (name: string) => `a:personal-${h.user(name).aadObjectId}`;
    const stageCards = h.channel.received.filter(
      (r) => r.conversationId === to('Ben Ortiz') || r.conversationId === to('Harry Walsh'),
    );
    assert.equal(stageCards.length, 2, 'the step 2 owners get their cards');
    assert.ok(
      h.channel.received.some((r) => r.kind === 'update'),
      'the thread root is brought up to date',
    );
    assert.deepEqual(await h.app.stores.outbox.orphans(0), [], 'settled');

    h.channel.clear();
    assert.equal((await h.app.kit.dispatcher.sweep({ graceMs: 0 })).done, 0);
    assert.equal(h.channel.received.length, 0, 'nothing is sent twice');
  });

  it('an entry whose command never committed is dropped without sending anything', async () => {
    await h.app.stores.outbox.open({ challengeId: 'no-such-challenge', idempotencyKey: 'never-ran' });
    h.channel.clear();
    assert.equal((await h.app.kit.dispatcher.sweep({ graceMs: 0 })).done, 0);
    assert.equal(h.channel.received.length, 0);
    assert.deepEqual(await h.app.stores.outbox.orphans(0), []);
  });
});
