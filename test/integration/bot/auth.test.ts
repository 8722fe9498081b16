/** Production mode: every request's token is validated; an unauthenticated request gets 401 and no reply. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { invokeAction, message } from '../../support/activities';
import { startHarness, type Harness } from '../../support/bot-harness';
import { captureConsole } from '../../support/captured-console';
import { productionEnv, startLocalOpenId, testAppId, type LocalOpenId } from '../../support/local-openid';

const appId = testAppId;

describe('production mode authentication', () => {
  let h: Harness;
  let openId: LocalOpenId;
  // botbuilder prints each refused token; kept here, and checked at the end, instead of on the screen.
  const printed = captureConsole();
  before(async () => {
    openId = await startLocalOpenId();
    h = await startHarness('auth', {
      env: productionEnv(openId),
    });
  });
  after(async () => {
    await h.stop();
    await openId.stop();
  });
  beforeEach(() => h.channel.clear());

  it('refuses a request with no token with 401 and sends nothing', async () => {
    const { status } = await h.post(message(h.channel.url, h.user('Amira Khan'), 'help'));
    assert.equal(status, 401);
    assert.equal(h.channel.requests.length, 0);
  });

  it('refuses a token signed by a key the channel does not publish', async () => {
    const token = await openId.sign({ audience: appId, serviceUrl: h.channel.url }, 'stranger');
    const { status } = await h.post(message(h.channel.url, h.user('Amira Khan'), 'help'), {
      authorization: `Bearer ${token}`,
    });
    assert.equal(status, 401);
    assert.equal(h.channel.requests.length, 0);
  });

  it('refuses a token issued for another bot', async () => {
    const token = await openId.sign({ audience: randomUUID(), serviceUrl: h.channel.url });
    const { status } = await h.post(message(h.channel.url, h.user('Amira Khan'), 'help'), {
      authorization: `Bearer ${token}`,
    });
    assert.equal(status, 401);
  });

  it('refuses an expired token', async () => {
    const token = await openId.sign({ audience: appId, serviceUrl: h.channel.url, expiresInSeconds: -3600 });
    const { status } = await h.post(message(h.channel.url, h.user('Amira Khan'), 'help'), {
      authorization: `Bearer ${token}`,
    });
    assert.equal(status, 401);
  });

  it('accepts a correctly signed token for this bot and answers the invoke', async () => {
    const token = await openId.sign({ audience: appId, serviceUrl: h.channel.url });
    const { status, body } = await h.post(
      invokeAction(h.channel.url, h.user('Amira Khan'), 'refresh', { challengeId: randomUUID(), version: 0 }),
      { authorization: `Bearer ${token}` },
    );
    assert.equal(status, 200);
    assert.match(JSON.stringify(body), /could not be found/);
  });

  it('kept what botbuilder printed for the refused tokens off the screen: authentication errors only', () => {
    assert.ok(printed.lines.length > 0, 'botbuilder printed the refusals');
    for (const line of printed.lines) assert.match(line, /Unauthorized|expired|Error finding key for token/, line);
  });
});
