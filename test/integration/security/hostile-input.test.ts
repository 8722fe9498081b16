/**
 * Hostile requests to /api/messages, over HTTP, as an attacker on the internet or a crafted
 * client would send them: uploads, oversized and non-JSON bodies, malformed envelopes, odd ids,
 * tag storms in a message. Each is answered 4xx (401 before anything else in production), or
 * 200 with a card in a user's words; never 5xx, never an exception's text; nothing reaches the
 * disk or the tables, and no log line carries what the caller sent.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { createLogger, type Logger } from '../../../src/logger';
import { CHALLENGE_ID } from '../../../src/workflow/ids';
import { invokeAction, message, submit } from '../../support/activities';
import { startHarness, type Harness } from '../../support/bot-harness';
import { productionEnv, startLocalOpenId, testAppId, type LocalOpenId } from '../../support/local-openid';
import { tableState } from '../../support/table-state';
import { walk } from '../../unit/cards/validate-card';
import { cardOf, dataFor, installPartnership, text, Walk, type Card } from '../bot/support';

const appId = testAppId;
const MiB = 1024 * 1024;

/** Fragments of exception text that must never reach a caller. */
const exceptionText =
  /PartitionKey|URI malformed|TypeError|RangeError|SyntaxError|ReferenceError|Cannot read|is not a function|is not iterable|at [\w.<>]+ \(|\.ts:\d+|RestError|ENOENT|undefined/;

/** The real logger, every line it writes kept. */
const recordingLogger = (lines: string[]): Logger => createLogger({ service: 'test' }, (line) => lines.push(line));

async function postRaw(url: string, body: BodyInit, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

/** A fresh temp directory for the duration of `work`: uploads a server writes to disk land here. */
async function withTempDir(work: () => Promise<void>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    await work();
    return readdirSync(dir);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}

function upload(bytes: number): FormData {
  const form = new FormData();
  form.append('file', new Blob([Buffer.alloc(bytes, 0x61)]), 'big.bin');
  return form;
}

describe('security: hostile requests in production mode', () => {
  let h: Harness;
  let openId: LocalOpenId;
  before(async () => {
    openId = await startLocalOpenId();
    h = await startHarness('hostile-prod', {
      env: productionEnv(openId),
    });
  });
  after(async () => {
    await h.stop();
    await openId.stop();
  });

  it('defect 1: multipart uploads with no token are refused 401 and nothing is written to disk', async () => {
    const statuses: number[] = [];
    const left = await withTempDir(async () => {
      for (let i = 0; i < 3; i++) statuses.push((await postRaw(h.url, upload(2 * MiB))).status);
    });
    assert.deepEqual(statuses, [401, 401, 401]);
    assert.deepEqual(left, [], 'no file left in the temp directory');
  });

  it('defect 1: an unauthenticated {} or any other body is 401, with no exception text', async () => {
    const bodies: [BodyInit, string][] = [
      ['{}', 'application/json'],
      ['[]', 'application/json'],
      ['not json', 'application/json'],
      ['a=1', 'application/x-www-form-urlencoded'],
      ['x'.repeat(2 * MiB), 'text/plain'],
    ];
    for (const [body, type] of bodies) {
      const answer = await postRaw(h.url, body, { 'content-type': type });
      assert.equal(answer.status, 401, `${type} ${String(body).slice(0, 20)}`);
      assert.doesNotMatch(answer.text, exceptionText);
    }
    const forged = await postRaw(h.url, '{}', { 'content-type': 'application/json', authorization: 'Bearer x.y.z' });
    assert.equal(forged.status, 401);
    assert.doesNotMatch(forged.text, exceptionText);
    assert.equal(h.channel.requests.length, 0, 'nothing was sent');
  });

  it('defect 1: with a valid token, only a JSON body within the size limit is read', async () => {
    const token = await openId.sign({ audience: appId, serviceUrl: h.channel.url });
    const authorization = `Bearer ${token}`;
    const left = await withTempDir(async () => {
      assert.equal((await postRaw(h.url, upload(2 * MiB), { authorization })).status, 415);
    });
    assert.deepEqual(left, []);
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(2 * MiB) });
    assert.equal((await postRaw(h.url, big, { authorization, 'content-type': 'application/json' })).status, 413);
  });
});

describe('security: hostile requests in local mode', () => {
  let h: Harness;
  const logLines: string[] = [];
  let leeds: Walk;
  before(async () => {
    h = await startHarness('hostile-local', {
      app: { through: (_id, send) => send(), logger: recordingLogger(logLines) },
    });
    await installPartnership(h, 'leeds');
    await h.install('Dawn Pike');
    leeds = new Walk(h);
    await leeds.raise({ raiser: 'Amira Khan', raisedWith: 'Grace Liu', caseReference: 'HOSTILE-0001' });
  });
  after(async () => h.stop());
  beforeEach(() => h.channel.clear());

  const stored = () => tableState(h.storage, { except: ['audit'] });

  async function invoke(who: string, data: Record<string, unknown>) {
    const { status, body } = await h.post(invokeAction(h.channel.url, h.user(who), String(data.verb), data));
    return { status, body: body as { statusCode?: number; type?: string; value?: Card } | undefined };
  }

  /** The raise data a person's own form sends, filled in. */
  async function raiseData(who: string, typed: Record<string, string> = {}): Promise<Record<string, unknown>> {
    await h.post(message(h.channel.url, h.user(who), 'raise challenge'));
    const form = cardOf(h.channel.received.at(-1)?.activity);
    assert.ok(form, 'the raise form');
    const areas = JSON.stringify(form).match(/"id":"areas"[^]*?"value":"([^"]+)"/)?.[1] ?? '';
    h.channel.clear();
    return dataFor(form, 'raise', {
      caseReference: 'HOSTILE-RAISE',
      raisedWith: h.user('Grace Liu').aadObjectId,
      areas,
      concern: 'c',
      desiredOutcome: 'd',
      evidence: 'e',
      ...typed,
    });
  }

  it('defect 1: only JSON bodies, within the size limit, and nothing written to disk', async () => {
    let multipart = 0;
    const left = await withTempDir(async () => {
      multipart = (await postRaw(h.url, upload(2 * MiB))).status;
    });
    assert.equal(multipart, 415);
    assert.deepEqual(left, [], 'no file left in the temp directory');
    assert.equal((await postRaw(h.url, 'a=1', { 'content-type': 'application/x-www-form-urlencoded' })).status, 415);
    assert.equal((await postRaw(h.url, 'help', { 'content-type': 'text/plain' })).status, 415);
    const big = JSON.stringify({
      ...message(h.channel.url, h.user('Amira Khan'), 'help'),
      filler: 'x'.repeat(2 * MiB),
    });
    assert.equal((await postRaw(h.url, big, { 'content-type': 'application/json' })).status, 413);
    // With no Content-Length (chunked), the limit holds all the same.
    const chunked = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(MiB)));
        controller.close();
      },
    });
    const streamed = await fetch(`${h.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    assert.equal(streamed.status, 413);
    for (const [body, status] of [
      ['not json', 400],
      ['[1,2]', 400],
      ['"text"', 400],
      ['{"type": 1}', 400],
      ['{}', 400],
    ] as const) {
      const answer = await postRaw(h.url, body, { 'content-type': 'application/json; charset=utf-8' });
      assert.equal(answer.status, status, body);
      assert.doesNotMatch(answer.text, exceptionText, body);
    }
    assert.equal(h.channel.requests.length, 0, 'nothing was sent');
  });

  it('unknown paths and methods are answered in a few words that quote nothing the caller sent', async () => {
    for (const [method, path, status] of [
      ['GET', '/no/such/path/SENTINEL-PATH', 404],
      ['GET', '/api/messages?SENTINEL-PATH=1', 405],
      ['DELETE', '/healthz', 405],
    ] as const) {
      const response = await fetch(`${h.url}${path}`, { method });
      const body = await response.text();
      assert.equal(response.status, status, `${method} ${path}`);
      assert.doesNotMatch(body, /SENTINEL|messages|healthz|DELETE|GET/, body);
    }
  });

  it('defect 2: a tag storm in a message is answered at once and the health check answers meanwhile', async () => {
    const user = h.user('Amira Khan');
    for (const storm of ['<'.repeat(150_000), '<a'.repeat(75_000), `${'<'.repeat(3_999)}x`, '<at>'.repeat(999)]) {
      h.channel.clear();
      const [answer, health] = await Promise.all([
        h.post(message(h.channel.url, user, storm)),
        new Promise((r) => setTimeout(r, 20)).then(() => fetch(`${h.url}/healthz`)),
      ]);
      assert.ok(answer.status === 200 || answer.status === 413, `${storm.length} characters: ${answer.status}`);
      assert.equal(health.status, 200);
      if (answer.status === 200) {
        const reply = await h.channel.waitFor(() => h.channel.received.at(-1));
        assert.match(text(reply.activity), /too long|didn't understand/, `${storm.slice(0, 10)}…`);
      }
    }
  });

  it('defect 2: a message over the bound is refused in words, not parsed', async () => {
    const { status } = await h.post(
      message(h.channel.url, h.user('Amira Khan'), `raise challenge ${'<'.repeat(20_000)}`),
    );
    assert.equal(status, 200);
    const reply = await h.channel.waitFor(() => h.channel.received.at(-1));
    assert.match(text(reply.activity), /too long/);
  });

  it('defect 3: bad card data answers 200 with a card in words, never 5xx or an exception, and changes nothing', async () => {
    const before = await stored();
    const challenge = (await h.app.stores.challenges.load(leeds.challengeId))!.challenge;
    const oddIds = ['/', '#', '?', '\\', '%', '\u0000', '\ud800', '../id', 'x'.repeat(300), `${'a'.repeat(50)}\u202e`];
    const presses: Record<string, unknown>[] = [
      ...oddIds.flatMap((challengeId) => [
        { verb: 'refresh', challengeId, version: 0 },
        { verb: 'escalate', challengeId, version: 1, reason: 'r' },
        { verb: 'recordNotification', challengeId, version: 1, formId: 'x' },
      ]),
      { verb: 'recordNotification', challengeId: leeds.challengeId, version: challenge.version, formId: '${$root}' },
      { verb: 'recordNotification', challengeId: leeds.challengeId, version: challenge.version, formId: '\ud800' },
      {
        verb: 'handOver',
        challengeId: leeds.challengeId,
        version: 1,
        role: 'raising.practitioner',
        toPersonId: '\ud800',
      },
      { verb: 'escalate', challengeId: leeds.challengeId, version: 'x'.repeat(1000), reason: { a: 1 } },
      { verb: 'nonsense', challengeId: leeds.challengeId, version: 1 },
      { verb: '__proto__', challengeId: leeds.challengeId, version: 1 },
      { ...(await raiseData('Amira Khan')), areas: 123 },
      { ...(await raiseData('Amira Khan')), raisedWith: '\ud800' },
      { ...(await raiseData('Amira Khan')), procedureId: { $ne: 1 } },
      { ...(await raiseData('Amira Khan')), concern: ['a', { b: 1 }] },
    ];
    for (const data of presses) {
      const { status, body } = await invoke('Amira Khan', data);
      const what = JSON.stringify(data).slice(0, 80);
      assert.equal(status, 200, what);
      assert.equal(body?.type, 'application/vnd.microsoft.card.adaptive', what);
      assert.ok(body?.value?.body, `${what}: a card`);
      assert.doesNotMatch(text(body), exceptionText, what);
    }
    assert.deepEqual(await stored(), before, 'nothing stored');
    for (const line of logLines) {
      assert.doesNotMatch(line, /\$\{\$root\}|\\u0000|xxxxxxxxxx|\.\.\/id|\\ud800|\\u202e/, line);
      assert.doesNotMatch(line, /PartitionKey|URI malformed/, line);
    }
  });

  it('defect 3: malformed invoke envelopes and activities are 4xx, never 5xx', async () => {
    const user = h.user('Amira Khan');
    const invoke = invokeAction(h.channel.url, user, 'refresh', { challengeId: leeds.challengeId, version: 1 });
    const base = message(h.channel.url, user, 'help');
    const activities: object[] = [
      { ...invoke, value: { action: { type: 'Action.Execute' } } },
      { ...invoke, value: { action: { type: 'Action.Submit', verb: 'refresh' } } },
      { ...invoke, value: { action: 'refresh' } },
      { ...invoke, value: undefined },
      { ...invoke, value: [] },
      { ...invoke, value: { action: { type: 'Action.Execute', verb: 'refresh', data: 'x' } } },
      { ...invoke, value: { action: { type: 'Action.Execute', verb: 'x'.repeat(10_000), data: {} } } },
      { ...invoke, name: 'task/fetch' },
      { ...invoke, name: 'x'.repeat(1000) },
      { ...base, from: { id: 'x'.repeat(100_000), name: 'A' } },
      { ...base, from: { id: '29:a', aadObjectId: '\ud800' } },
      { ...base, from: undefined },
      { ...base, from: 'me' },
      { ...base, conversation: undefined },
      { ...base, conversation: { id: 7 } },
      { ...base, recipient: undefined },
      { ...base, serviceUrl: 'not a url' },
      { ...base, serviceUrl: undefined },
      { ...base, type: undefined },
      { ...base, type: 'x'.repeat(1000) },
      { ...base, text: { a: 1 } },
      { ...base, entities: 'x' },
      { ...base, entities: [{ type: 'mention' }] },
      { ...base, entities: [{ type: 'mention', text: 7, mentioned: {} }] },
      { ...base, timestamp: 'not a date' },
      { ...base, channelData: 'x' },
    ];
    const before = await stored();
    for (const activity of activities) {
      const { status, body } = await h.post(activity);
      const what = JSON.stringify(activity).slice(0, 120);
      assert.ok(status >= 400 && status < 500, `${what}: ${status}`);
      assert.doesNotMatch(JSON.stringify(body ?? ''), exceptionText, what);
    }
    assert.deepEqual(await stored(), before, 'nothing stored');
  });

  it('defect 3: a raise re-sent with an existing challenge id is answered with it as its raiser sees it, or refused', async () => {
    const before = await stored();
    const original = (await h.app.stores.challenges.load(leeds.challengeId))!.challenge;
    // A Durham IRO with a Leeds challenge's id and Durham's procedure.
    const durham = await raiseData('Dawn Pike', { raisedWith: h.user('Jade Fox').aadObjectId });
    const other = await invoke('Dawn Pike', { ...durham, challengeId: leeds.challengeId, procedureId: 'durham' });
    assert.equal(other.status, 200);
    assert.match(text(other.body), /already been used|already raised/);
    assert.doesNotMatch(text(other.body), /HOSTILE-0001/, 'nothing of the Leeds challenge is shown');
    // Its raiser pressing Raise again (a redelivered invoke) sees her challenge.
    const again = await invoke('Amira Khan', {
      ...(await raiseData('Amira Khan')),
      challengeId: leeds.challengeId,
      caseReference: 'HOSTILE-0001',
    });
    assert.equal(again.status, 200);
    assert.match(text(again.body), /HOSTILE-0001/);
    assert.deepEqual((await h.app.stores.challenges.load(leeds.challengeId))!.challenge, original);
    assert.deepEqual(await stored(), before, 'nothing stored');
    assert.equal(
      h.channel.received.filter((r) => r.kind === 'createConversation').length,
      0,
      'no thread, no card to anyone',
    );
  });

  it('defect 4: a raise with a challenge id the bot did not allocate is refused with a clear card and stores nothing', async () => {
    const oddIds = [
      '__proto__-X',
      'constructor',
      'healthz-X',
      '\u{1F600}',
      '\u202eevil',
      'a b',
      'ch-123',
      'A1B2C3D4-0000-4000-8000-000000000000',
      '00000000-0000-0000-0000-000000000000',
      `${'a'.repeat(36)}`,
      '1',
      'x'.repeat(200),
    ];
    const data = await raiseData('Amira Khan');
    assert.match(String(data.challengeId), CHALLENGE_ID, 'the form the bot made carries an id of its own format');
    const before = await stored();
    for (const challengeId of oddIds) {
      const { status, body } = await invoke('Amira Khan', { ...data, challengeId });
      assert.equal(status, 200, challengeId);
      assert.match(text(body), /not made by Challenge|has been changed/, challengeId);
      // The Action.Submit fallback is refused the same way.
      await h.post(submit(h.channel.url, h.user('Amira Khan'), { ...data, challengeId }));
    }
    assert.deepEqual(await stored(), before, 'no challenge, no outbox entry, nothing stored');
    assert.equal(h.channel.received.filter((r) => r.kind === 'createConversation').length, 0, 'no channel thread');
  });

  it('defect 5 COM-2: a case reference written as a link reads as typed in the channel thread and every card, never as a link', async () => {
    const hostile = '[Sign in to view](https://evil.example/x)';
    const { status } = await invoke('Amira Khan', await raiseData('Amira Khan', { caseReference: hostile }));
    assert.equal(status, 200);
    const received = h.channel.received.filter((r) => cardOf(r.activity));
    assert.ok(
      received.some((r) => r.kind === 'createConversation'),
      'the thread was started',
    );
    // Rendered as a Teams client reads a TextBlock or a fact: markdown, with bare URLs linked.
    const md = new MarkdownIt({ linkify: true });
    for (const r of received) {
      const shown = [...walk(cardOf(r.activity))]
        .flatMap((o) =>
          o.type === 'TextBlock' || o.type === 'TextRun'
            ? [o.text]
            : o.type === 'FactSet'
              ? (o.facts as { title: string; value: string }[]).flatMap((f) => [f.title, f.value])
              : [],
        )
        .map((t) => md.renderInline(String(t)))
        .join('\n');
      assert.doesNotMatch(shown, /<a |<img /, `${r.kind}: no link`);
      if (shown.includes('Sign in to view')) assert.ok(shown.includes('[Sign in to view]'), `${r.kind}: as typed`);
    }
  });
});
