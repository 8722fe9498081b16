/** POST /api/test/clock and /api/test/tick on a real restify server, driving the scheduler over Azurite. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import restify from 'restify';
import { registerTestApi } from '../../../bot/test-api';
import { OverridableClock } from '../../../src/clock';
import { createScheduler } from '../../../src/functions/scheduler';
import { createSchedulerDeps } from '../../../src/functions/scheduler-deps';
import { createStores } from '../../../src/store';
import { freshTables } from '../../support/azurite';
import { FakeMessenger, raise } from './harness';

describe('test clock API', () => {
  const clock = new OverridableClock();
  const server = restify.createServer();
  let base = '';
  const messenger = new FakeMessenger();

  before(async () => {
    const stores = createStores(await freshTables('testapi'), { clock });
    await stores.ensureTables();
    await raise(stores, clock, { id: 'ch-api', at: '2026-11-02T10:00:00Z', caseReference: 'CR-API' });
    const scheduler = createScheduler(createSchedulerDeps({ stores, messenger, clock }), clock);
    server.use(restify.plugins.bodyParser());
    registerTestApi(server, { clock, tick: (now) => scheduler.tick(now) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(() => server.close());

  const post = async (path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it('refuses a time that is not ISO-8601 with a clear message', async () => {
    const bad = await post('/api/test/clock', { now: 'next Friday' });
    assert.equal(bad.status, 400);
    assert.match(String(bad.json.error), /ISO-8601/);
    assert.equal((await post('/api/test/clock', {})).status, 400);
  });

  it('sets the clock, and a tick then sends what is due at that time and says so', async () => {
    const set = await post('/api/test/clock', { now: '2026-11-13T10:15:00Z' });
    assert.deepEqual(set, { status: 200, json: { now: '2026-11-13T10:15:00.000Z', fixed: true } });
    const tick = await post('/api/test/tick');
    assert.equal(tick.status, 200);
    const sent = tick.json.sent as { caseReference: string; level: string; to: string[] }[];
    assert.deepEqual(
      sent.map((s) => [s.caseReference, s.level, s.to.sort()]),
      [['CR-API', 'dueSoon', ['raising.practitioner', 'receiving.practitioner']]],
    );
    assert.deepEqual((await post('/api/test/tick')).json.sent, []);
    assert.equal(messenger.received.length, 2);
  });
});
