/**
 * The Table Storage requests of a turn, recorded at the HTTP level by a proxy in front of
 * Azurite (test/support/storage-counter.ts): what a `help` message and a `refresh` invoke ask
 * of storage before their answer, told apart from what comes after it.
 */
import assert from 'node:assert/strict';
import { TableClient } from '@azure/data-tables';
import { message } from '../../support/activities';
import { getTestStorage } from '../../support/azurite';
import { startHarness, type Harness } from '../../support/bot-harness';
import { StorageCounter, summarise } from '../../support/storage-counter';
import { installPartnership, Walk } from './support';

describe('storage requests of a turn, counted at the HTTP level', () => {
  let counter: StorageCounter;
  let h: Harness;
  before(async () => {
    counter = await new StorageCounter(await getTestStorage()).start();
    h = await startHarness('storagerequests', {
      env: { STORAGE_CONNECTION_STRING: counter.connectionString },
      app: { through: (_conversationId, send) => send() },
    });
    await installPartnership(h, 'leeds');
  });
  after(async () => {
    await h.stop();
    await counter.stop();
  });

  it('records a transaction as one request with its table and operations', async () => {
    const table = TableClient.fromConnectionString(counter.connectionString, `${h.app.stores.names.challenges}`, {
      allowInsecureConnection: true,
    });
    counter.reset();
    await table.submitTransaction([
      ['create', { partitionKey: 'counted', rowKey: 'snapshot', v: 1 }],
      ['create', { partitionKey: 'counted', rowKey: 'event-1', v: 1 }],
    ]);
    await table.getEntity('counted', 'snapshot');
    assert.deepEqual(
      counter.requests.map((r) => [r.kind, r.table, r.operations?.map((o) => o.kind), r.entities]),
      [
        ['transaction', h.app.stores.names.challenges, ['insert', 'insert'], 0],
        ['point read', h.app.stores.names.challenges, undefined, 1],
      ],
    );
  });

  it('counts the requests of a help message, all before its answer', async () => {
    counter.reset();
    const { status } = await h.post(message(h.channel.url, h.user('Amira Khan'), 'help'));
    const answeredAt = performance.now();
    assert.equal(status, 200);
    await counter.settle();
    const before = summarise(counter.before(answeredAt));
    assert.ok(before.requests <= 3, `help is a fixed card: at most 3 requests, got ${before.requests}`);
    assert.equal(counter.from(answeredAt).length, 0, 'nothing after the answer');
    assert.ok(counter.requests.every((r) => r.status < 500 && r.table !== ''));
    console.log(`      help: ${before.requests} requests before the answer ${JSON.stringify(before.byKind)}`);
  });

  it('counts the requests of a refresh invoke, with the snapshot read among them', async () => {
    const walk = new Walk(h);
    await walk.raise({ raiser: 'Amira Khan', caseReference: 'LCC-COUNT-1', raisedWith: 'Grace Liu' });
    await counter.settle();
    counter.reset();
    await walk.refresh('Amira Khan');
    const answeredAt = performance.now();
    await counter.settle();
    const before = counter.before(answeredAt);
    assert.ok(
      before.some((r) => r.table === h.app.stores.names.challenges && r.kind === 'point read' && r.entities === 1),
      'the challenge is read',
    );
    const summary = summarise(before, h.app.stores.names.challenges.replace(/challenges$/, ''));
    console.log(
      `      refresh: ${summary.requests} requests before the answer, ${counter.from(answeredAt).length} after; ${JSON.stringify(summary.byTable)}`,
    );
  });
});
