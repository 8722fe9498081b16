/**
 * Local durability under `npm start`: Azurite keeps its tables in a file (--location), and a
 * change the bot acknowledged must still be there after the storage process is killed outright
 * and started again on the same directory, as `npm start` starts it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite, type Azurite } from '../../../src/cli/azurite';
import { createStores } from '../../../src/store';
import { startHarness, type Harness } from '../../support/bot-harness';
import { Walk } from '../bot/support';

describe('local storage: an acknowledged change survives a kill of Azurite', function () {
  // Two Azurite starts from files (a few seconds each on a busy machine) on top of the bot's own.
  this.timeout(60_000);
  let location: string;
  let azurite: Azurite | undefined;
  let h: Harness | undefined;
  before(() => {
    location = mkdtempSync(join(tmpdir(), 'azurite-durable-'));
  });
  after(async () => {
    await h?.stop();
    await azurite?.stop();
    rmSync(location, { recursive: true, force: true });
  });

  it('defect 6: an escalation answered "Done" is kept when Azurite is killed at once and restarted', async () => {
    azurite = await startAzurite({ location });
    const port = azurite.port;
    // The bot over HTTP as in every test, its storage the Azurite `npm start` runs (a directory).
    const bot = await startHarness('durable', {
      now: '2026-11-23T10:00:00Z',
      env: { STORAGE_CONNECTION_STRING: azurite.connectionString },
      app: { through: (_id, send) => send() },
    });
    h = bot;
    await bot.install('Amira Khan', 'Grace Liu', 'Ben Ortiz', 'Chloe Brennan');
    const w = new Walk(bot);
    await w.raise({ raiser: 'Amira Khan', raisedWith: 'Grace Liu', caseReference: 'DURABLE-0001' });
    const done = await w.press('Amira Khan', 'escalate', { reason: 'No agreement at step 1.' });
    assert.match(JSON.stringify(done.card), /You escalated to Step 2/);
    const acknowledged = (await bot.app.stores.challenges.load(w.challengeId))!.challenge.version;

    await azurite.kill();
    azurite = await startAzurite({ location, port });
    const stores = createStores({ connectionString: azurite.connectionString, prefix: bot.storage.prefix });
    const kept = await stores.challenges.load(w.challengeId);
    assert.ok(kept, 'the challenge is there');
    assert.equal(kept.challenge.version, acknowledged, 'with the escalation');
    assert.deepEqual((await stores.challenges.events(w.challengeId)).map((e) => e.type).slice(-2), [
      'Escalated',
      'StageEntered',
    ]);
  });
});
