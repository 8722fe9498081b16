/** GET /healthz: 200 while storage answers, 503 when it does not. */
import assert from 'node:assert/strict';
import { createApp } from '../../../bot/app';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { startHarness } from '../../support/bot-harness';
import { startAzurite } from '../../../src/cli/azurite';

describe('health', () => {
  it('answers 200 with storage reachable', async () => {
    const h = await startHarness('health');
    try {
      const response = await fetch(`${h.url}/healthz`);
      assert.equal(response.status, 200);
    } finally {
      await h.stop();
    }
  });

  it('answers 503 when storage is unreachable', async () => {
    const azurite = await startAzurite({ inMemory: true });
    const app = await createApp(loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, PORT: '0' }), {
      logger: silentLogger,
    });
    const port = await app.listen();
    try {
      await azurite.stop();
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      assert.equal(response.status, 503);
    } finally {
      await app.close();
    }
  });

  it('serves the privacy statement and terms of use the Teams manifest links to', async () => {
    const h = await startHarness('legal');
    try {
      for (const [path, title] of [
        ['/privacy', 'Privacy statement'],
        ['/terms', 'Terms of use'],
      ] as const) {
        const response = await fetch(`${h.url}${path}`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /text\/html/);
        assert.match(await response.text(), new RegExp(title));
      }
    } finally {
      await h.stop();
    }
  });
});
