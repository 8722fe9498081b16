/** Configuration: bad or missing variables stop start-up with a message naming them. */
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config';

const storage = { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
};

describe('configuration', () => {
  it('local mode: no app id, auth off, safe defaults', () => {
    const config = loadConfig(storage);
    assert.equal(config.mode, 'local');
    assert.equal(config.port, 3978);
    assert.equal(config.host, '127.0.0.1');
  });

  it('names a missing storage setting', () => {
    assert.match(problemsOf({}).join('\n'), /STORAGE_CONNECTION_STRING/);
  });

  it('names a port that is not a number', () => {
    assert.match(problemsOf({ ...storage, PORT: 'eighty' }).join('\n'), /^PORT:/m);
  });

  it('production mode needs the tenant id and a password or managed identity', () => {
    const problems = problemsOf({ ...storage, MicrosoftAppId: '3c9d6a1e-2b4f-4e8a-9c7d-1f2e3a4b5c6d' }).join('\n');
    assert.match(problems, /MicrosoftAppTenantId/);
    assert.match(problems, /MicrosoftAppPassword/);
  });

  it('accepts a user-assigned managed identity with a table endpoint', () => {
    const config = loadConfig({
      MicrosoftAppId: '3c9d6a1e-2b4f-4e8a-9c7d-1f2e3a4b5c6d',
      MicrosoftAppTenantId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      MicrosoftAppType: 'UserAssignedMSI',
      STORAGE_TABLE_ENDPOINT: 'https://challenge.table.core.windows.net',
    });
    assert.equal(config.mode, 'production');
    assert.deepEqual(config.storage, { tableEndpoint: 'https://challenge.table.core.windows.net' });
    assert.equal(config.host, '0.0.0.0');
  });

  it('names an app id that is not a GUID', () => {
    assert.match(problemsOf({ ...storage, MicrosoftAppId: 'my-bot' }).join('\n'), /MicrosoftAppId/);
  });

  it('refuses the test clock in production mode', () => {
    const problems = problemsOf({
      ...storage,
      MicrosoftAppId: '3c9d6a1e-2b4f-4e8a-9c7d-1f2e3a4b5c6d',
      MicrosoftAppTenantId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      MicrosoftAppPassword: 'secret',
      CHALLENGE_TEST_CLOCK: '1',
    });
    assert.match(problems.join('\n'), /CHALLENGE_TEST_CLOCK/);
  });
});
