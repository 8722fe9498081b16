/**
 * Nothing owed is lost: a bot that dies between committing a transition and sending its cards
 * leaves an outbox entry, and the sweep delivers what the stored events say is owed.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sweepOutbox } from '../../../bot/deliver';
import { getProcedure } from '../../../src/procedures';
import type { Harness } from '../../support/bot-harness';
import { installPartnership, startBot, Walk } from './support';

describe('the outbox: sends owed by a committed transition survive a crash', () => {
  let h: Harness;
  before(async () => {
    h = await startBot('outbox', '2026-11-24T10:00:00Z');
    await installPartnership(h, 'leeds');
  });
  after(async () => h.stop());

  it('a raise committed but never delivered is delivered by the sweep: thread, stage cards and nothing twice', async () => {
    const w = new Walk(h);
    await w.raise({ raiser: 'Amira Khan', caseReference: 'LCC-2026-7001', raisedWith: 'Grace Liu' });
    const raised = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    assert.equal(raised.stageId, 'step-1');
    assert.deepEqual(await h.app.stores.outbox.orphans(0), [], 'a delivered turn leaves nothing owed');

    // The escalation is committed, then the process dies before any send.
    const amira = h.user('Amira Khan');
    const key = `escalate:${randomUUID()}`;
    await h.app.stores.outbox.open({ challengeId: w.challengeId, idempotencyKey: key });
    const result = await h.app.services.run(getProcedure('leeds'), w.challengeId, {
      command: { type: 'escalate', reason: 'Not resolved between practitioners.' },
      actor: { id: amira.aadObjectId, name: amira.name },
      idempotencyKey: key,
    });
    assert.ok(result.transitioned);
    h.channel.clear();

    const delivered = await sweepOutbox(h.app.services, { graceMs: 0 });
    assert.equal(delivered, 1);
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
    assert.equal(await sweepOutbox(h.app.services, { graceMs: 0 }), 0);
    assert.equal(h.channel.received.length, 0, 'nothing is sent twice');
  });

  it('an entry whose command never committed is dropped without sending anything', async () => {
    await h.app.stores.outbox.open({ challengeId: 'no-such-challenge', idempotencyKey: 'never-ran' });
    h.channel.clear();
    assert.equal(await sweepOutbox(h.app.services, { graceMs: 0 }), 0);
    assert.equal(h.channel.received.length, 0);
    assert.deepEqual(await h.app.stores.outbox.orphans(0), []);
  });
});
