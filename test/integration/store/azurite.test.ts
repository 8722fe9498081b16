import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { startAzurite } from '../../../src/cli/azurite';
import { createStores } from '../../../src/store';

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('scripts/azurite', () => {
  it('keeps data in --location across a restart, and stops listening when stopped', async () => {
    const location = await mkdtemp(join(tmpdir(), 'azurite-'));
    try {
      const first = await startAzurite({ port: 0, location });
      const stores = createStores({ connectionString: first.connectionString, prefix: 'persist' });
      await stores.ensureTables();
      await stores.directory.partnerships.upsert({ id: 'p', name: 'P', procedureId: 'x' });
      await first.stop();
      assert.equal(await answers(first.port), false);

      const second = await startAzurite({ port: first.port, location });
      try {
        const again = createStores({ connectionString: second.connectionString, prefix: 'persist' });
        assert.equal((await again.directory.partnerships.get('p'))?.name, 'P');
      } finally {
        await second.stop();
      }
    } finally {
      await rm(location, { recursive: true, force: true });
    }
  });
});
