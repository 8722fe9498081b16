import assert from 'node:assert/strict';
import { describe, it, before } from 'mocha';
import { ConflictError, EntityTooLargeError, type Stores } from '../../../src/store';
import { freshStores } from '../../support/azurite';
import { remindEnvelope, toyApply, toyChallenge, toyDecide } from './toy-workflow';
import type { Challenge, ChallengeEvent } from '../../../src/workflow/types';

const at = new Date('2026-11-23T10:00:00.000Z');

/** The toy's next transition on `challenge`: one ReminderSent event. */
function next(challenge: Challenge, key: string): { snapshot: Challenge; events: ChallengeEvent[] } {
  const decision = toyDecide(challenge, remindEnvelope(key), at);
  assert.ok(decision.ok);
  const [event] = decision.events as [ChallengeEvent];
  return { snapshot: toyApply(challenge, event), events: [event] };
}

describe('challenge store (Azurite)', () => {
  let stores: Stores;
  before(async () => {
    stores = await freshStores('challenges');
  });

  it('round-trips a snapshot and its events, in order, with the answer under its key', async () => {
    const { challenge, event } = toyChallenge('c-roundtrip');
    const first = await stores.challenges.commit({
      challengeId: challenge.id,
      etag: undefined,
      snapshot: challenge,
      events: [event],
      answer: { key: 'k1', value: { said: 'raised' } },
    });
    const second = next(challenge, 'k2');
    await stores.challenges.commit({
      challengeId: challenge.id,
      etag: first.etag,
      ...second,
      answer: { key: 'k2', value: { said: 'reminded' } },
    });

    const loaded = await stores.challenges.load(challenge.id);
    assert.deepEqual(loaded?.challenge, second.snapshot);
    const history = await stores.challenges.events(challenge.id);
    assert.deepEqual(history, [event, ...second.events]);
    assert.deepEqual(await stores.challenges.findAnswer(challenge.id, 'k2'), { said: 'reminded' });
    assert.equal(await stores.challenges.findAnswer(challenge.id, 'never'), undefined);
    assert.equal(await stores.challenges.load('c-missing'), undefined);
  });

  it('writes nothing when the ETag is stale: the transaction is all or nothing', async () => {
    const { challenge, event } = toyChallenge('c-stale');
    const { etag: staleEtag } = await stores.challenges.commit({
      challengeId: challenge.id,
      etag: undefined,
      snapshot: challenge,
      events: [event],
      answer: { key: 'raise', value: 1 },
    });
    const winner = next(challenge, 'winner');
    await stores.challenges.commit({
      challengeId: challenge.id,
      etag: staleEtag,
      ...winner,
      answer: { key: 'winner', value: 2 },
    });

    const loser = next(challenge, 'loser');
    await assert.rejects(
      stores.challenges.commit({
        challengeId: challenge.id,
        etag: staleEtag,
        ...loser,
        answer: { key: 'loser', value: 3 },
      }),
      (error: unknown) => error instanceof ConflictError && error.kind === 'stale',
    );
    assert.deepEqual((await stores.challenges.load(challenge.id))?.challenge, winner.snapshot);
    assert.deepEqual(await stores.challenges.events(challenge.id), [event, ...winner.events]);
    assert.equal(await stores.challenges.findAnswer(challenge.id, 'loser'), undefined);
  });

  it('refuses a second "first" snapshot as a duplicate', async () => {
    const { challenge, event } = toyChallenge('c-duplicate');
    const write = (key: string) =>
      stores.challenges.commit({
        challengeId: challenge.id,
        etag: undefined,
        snapshot: challenge,
        events: [event],
        answer: { key, value: key },
      });
    await write('a');
    await assert.rejects(write('b'), (error: unknown) => error instanceof ConflictError && error.kind === 'duplicate');
    assert.equal(await stores.challenges.findAnswer(challenge.id, 'b'), undefined);
  });

  it('round-trips a snapshot of more than 64 KiB of text, split over several columns', async () => {
    // Ids one character apart shift the chunk boundaries by one: one of the two splits inside emoji.
    for (const id of ['c-large', 'c-large1']) {
      const { challenge, event } = toyChallenge(id);
      const concern = '😀'.repeat(100_000);
      const large = { ...challenge, concern };
      await stores.challenges.commit({
        challengeId: id,
        etag: undefined,
        snapshot: large,
        events: [event],
        answer: { key: 'k', value: 0 },
      });
      const loaded = await stores.challenges.load(id);
      assert.equal(loaded?.challenge.concern, concern);
    }
  });

  it('fails clearly beyond the 1 MiB entity limit, and writes nothing', async () => {
    const { challenge, event } = toyChallenge('c-too-large');
    const huge = { ...challenge, evidence: 'x'.repeat(600_000) };
    await assert.rejects(
      stores.challenges.commit({
        challengeId: huge.id,
        etag: undefined,
        snapshot: huge,
        events: [event],
        answer: { key: 'k', value: 0 },
      }),
      EntityTooLargeError,
    );
    assert.equal(await stores.challenges.load(huge.id), undefined);
  });

  it('lists every snapshot for a reconcile', async () => {
    const ids = [];
    for await (const snapshot of stores.challenges.snapshots()) ids.push(snapshot.id);
    assert.deepEqual(ids.sort(), ['c-duplicate', 'c-large', 'c-large1', 'c-roundtrip', 'c-stale']);
  });
});
