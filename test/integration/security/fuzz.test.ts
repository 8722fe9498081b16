/**
 * The fuzz suite: generated activities and card submissions (fast-check, fuzz-inputs.ts) against
 * the real bot over HTTP, a few at a time as Teams would send them. For every input: no 5xx and
 * no exception's text; a 4xx exactly where the Bot Framework would never send it; a card, or a
 * reply in the same chat, where the user is owed an answer. After every batch: nothing stored
 * has changed (every row and ETag of every table but the audit, where refusals are recorded by
 * design). At the end: no unhandled rejection, and the bot still answers.
 * FUZZ_RUNS, FUZZ_BATCH, FUZZ_CONCURRENCY and FUZZ_SEED change the volume and replay a run.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import fc from 'fast-check';
import { message } from '../../support/activities';
import { startHarness, type Harness } from '../../support/bot-harness';
import { productionEnv, startLocalOpenId, testAppId, type LocalOpenId } from '../../support/local-openid';
import { tableState, type TableState } from '../../support/table-state';
import { cardOf, dataFor, executes, installPartnership, startBot, text, Walk, type Card } from '../bot/support';
import { fuzzInputs, type FuzzInput, type FuzzWorld } from './fuzz-inputs';

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const BATCH = Number(process.env.FUZZ_BATCH ?? 200);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** Batches of 100 in production mode, where every request is refused before any work: cheap. */
const PRODUCTION_RUNS = Number(process.env.FUZZ_PRODUCTION_RUNS ?? 10);

/** Fragments of exception text that must never reach a caller. */
const exceptionText =
  /PartitionKey|URI malformed|TypeError|RangeError|SyntaxError|ReferenceError|Cannot read|is not a function|is not iterable|at [\w.<>]+ \(|\.ts:\d+|RestError|ENOENT|\bundefined\b|\[object Object\]|Invalid input|expected \w+, received/g;

/** Exception-like text in an answer that the sender did not put there (a form shows its own input again). */
function leaked(answer: string, sent: string): string | undefined {
  return [...answer.matchAll(exceptionText)].map((m) => m[0]).find((fragment) => !sent.includes(fragment));
}

interface Outcome {
  input: FuzzInput;
  status: number;
  body: string;
}

// Plain keep-alive HTTP: fetch costs more CPU per request than the bot's own refusals do.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
after(() => agent.destroy());

function send(url: string, input: FuzzInput, headers: Record<string, string> = {}): Promise<Outcome> {
  const body = input.raw ? input.raw.body : JSON.stringify(input.activity);
  const type = input.raw ? input.raw.contentType : 'application/json';
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/messages`,
      {
        method: 'POST',
        agent,
        headers: { ...(type ? { 'content-type': type } : {}), 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({ input, status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function inPool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T);
      }
    }),
  );
  return results;
}

/** The world the inputs are made for: real challenges at known versions, and the buttons people hold. */
async function worldOf(h: Harness): Promise<FuzzWorld> {
  await installPartnership(h, 'leeds');
  await installPartnership(h, 'durham');
  const atStep2 = new Walk(h);
  await atStep2.raise({ raiser: 'Amira Khan', raisedWith: 'Grace Liu', caseReference: 'FUZZ-0001' });
  await atStep2.press('Amira Khan', 'escalate', { reason: 'No agreement at step 1.' });
  const resolved = new Walk(h);
  await resolved.raise({ raiser: 'Amira Khan', raisedWith: 'Grace Liu', caseReference: 'FUZZ-0002' });
  await resolved.press('Amira Khan', 'escalate', { reason: 'No agreement at step 1.' });
  await resolved.press('Ben Ortiz', 'resolve', { agreedOutcome: 'Agreed.', outstandingIssues: 'None.' });
  const durham = new Walk(h);
  await durham.raise({ raiser: 'Dawn Pike', raisedWith: 'Jade Fox', caseReference: 'FUZZ-0003' });

  const walks = [atStep2, resolved, durham];
  const held: [string, Card][] = walks.flatMap((w) => [...w.cards.entries()]);
  h.channel.clear();
  await h.post(message(h.channel.url, h.user('Amira Khan'), 'raise challenge'));
  held.push(['Amira Khan', cardOf(h.channel.received.at(-1)?.activity)!]);
  const buttons = held.flatMap(([who, card]) =>
    [...new Set(executes(card).map((e) => e.verb))].map((verb) => ({
      verb,
      data: dataFor(card, verb, {}, who, '2026-11-23', true),
    })),
  );
  const challenges = await Promise.all(
    walks.map(async (w) => ({
      id: w.challengeId,
      version: (await h.app.stores.challenges.load(w.challengeId))!.challenge.version,
    })),
  );
  h.channel.clear();
  return { serviceUrl: h.channel.url, people: h.directory.people.map((p) => h.user(p.name)), challenges, buttons };
}

describe('security: fuzzing the bot over HTTP', function () {
  // Volume: RUNS x BATCH requests (10,000 by default), about a minute on two cores.
  this.timeout(20 * 60_000);
  let h: Harness;
  let world: FuzzWorld;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  before(async () => {
    h = await startBot('fuzz', '2026-11-23T10:00:00Z');
    world = await worldOf(h);
    process.on('unhandledRejection', onRejection);
  });
  after(async () => {
    process.removeListener('unhandledRejection', onRejection);
    await h?.stop();
  });

  /** What is wrong with one answer, if anything. */
  function problem({ input, status, body }: Outcome): string | undefined {
    if (status >= 500) return `answered ${status}`;
    const sent = input.raw?.body ?? JSON.stringify(input.activity);
    const fragment = leaked(body, sent);
    if (fragment) return `"${fragment}" in the answer`;
    switch (input.expect) {
      case 'refused':
        return status >= 400 && status < 500 ? undefined : `answered ${status}, not 4xx`;
      case 'ok':
        return status === 200 ? undefined : `answered ${status}, not 200`;
      case 'card': {
        if (status !== 200) return `answered ${status}, not 200 with a card`;
        const answer = JSON.parse(body) as { type?: string; value?: Card };
        if (answer.type !== 'application/vnd.microsoft.card.adaptive' || answer.value?.type !== 'AdaptiveCard')
          return 'not a card';
        return /"type":"TextBlock","text":"[^"]{3,}/.test(JSON.stringify(answer.value))
          ? undefined
          : 'a card with no words';
      }
      case 'reply': {
        if (status !== 200) return `answered ${status}, not 200`;
        const replies = h.channel.received.filter((r) => r.conversationId === input.conversationId);
        if (replies.length === 0) return 'no reply in its chat';
        const inReply = replies.map((r) => leaked(text(r.activity), sent)).find(Boolean);
        return inReply ? `"${inReply}" in the reply` : undefined;
      }
    }
  }

  it(`${RUNS * BATCH} generated activities and card submissions: no 5xx, no state change, no crash, an answer where one is due`, async () => {
    const before: TableState = await tableState(h.storage, { except: ['audit'] });
    const statuses = new Map<number, number>();
    const kinds = new Map<string, number>();
    let tried = 0;
    const started = performance.now();

    const run = await fc.check(
      fc.asyncProperty(fc.array(fuzzInputs(world), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        h.channel.clear();
        const outcomes = await inPool(batch, CONCURRENCY, (input) => send(h.url, input));
        tried += outcomes.length;
        for (const o of outcomes) {
          statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
          kinds.set(o.input.kind, (kinds.get(o.input.kind) ?? 0) + 1);
        }
        const failures = outcomes.flatMap((o) => {
          const why = problem(o);
          const sent = JSON.stringify(o.input.raw ?? o.input.activity).slice(0, 600);
          return why ? [`${why}: ${o.input.kind} ${sent} -> ${o.body.slice(0, 300)} … ${o.body.slice(-1500)}`] : [];
        });
        assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of ${outcomes.length} inputs answered wrongly`);
        assert.deepEqual(await tableState(h.storage, { except: ['audit'] }), before, 'nothing stored changed');
      }),
      // No shrinking: the batch's own report names the inputs; FUZZ_SEED replays the run.
      { numRuns: RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    if (run.failed) {
      const error = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
      assert.fail(`fuzz run ${run.numRuns} (FUZZ_SEED=${run.seed}) failed: ${error}`);
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `      fuzz: ${tried} inputs in ${seconds} s at concurrency ${CONCURRENCY}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; kinds ${JSON.stringify(Object.fromEntries(kinds))}`,
    );
    assert.ok(tried >= RUNS * BATCH);
    assert.deepEqual(rejections, [], 'no unhandled rejection');
    const health = await fetch(`${h.url}/healthz`);
    assert.equal(health.status, 200, 'the bot is still up');
    h.channel.clear();
    const help = await h.post(message(h.channel.url, h.user('Amira Khan'), 'help'));
    assert.equal(help.status, 200);
    assert.ok(h.channel.received.length > 0, 'and still answers');
  });
});

describe('security: fuzzing the bot in production mode (Bot Framework authentication on)', function () {
  this.timeout(5 * 60_000);
  let h: Harness;
  let openId: LocalOpenId;
  let world: FuzzWorld;
  const tokens: string[] = [];
  before(async () => {
    openId = await startLocalOpenId();
    h = await startHarness('fuzz-prod', { env: productionEnv(openId), app: { through: (_id, send) => send() } });
    world = {
      serviceUrl: h.channel.url,
      people: h.directory.people.map((p) => h.user(p.name)),
      challenges: [{ id: '0c1f3c52-6a8e-4b7d-9f10-2a3b4c5d6e7f', version: 1 }],
      buttons: [
        { verb: 'refresh', data: { verb: 'refresh', challengeId: '0c1f3c52-6a8e-4b7d-9f10-2a3b4c5d6e7f', version: 1 } },
      ],
    };
    // Tokens no request may pass with: a stranger's key, another bot's audience, expired, another service URL.
    tokens.push(
      await openId.sign({ audience: testAppId, serviceUrl: h.channel.url }, 'stranger'),
      await openId.sign({ audience: '9d8c7b6a-0000-4000-8000-000000000000', serviceUrl: h.channel.url }),
      await openId.sign({ audience: testAppId, serviceUrl: h.channel.url, expiresInSeconds: -600 }),
      await openId.sign({ audience: testAppId, serviceUrl: 'https://evil.example/' }),
      await openId.sign({ audience: testAppId, serviceUrl: h.channel.url, issuer: 'https://evil.example' }),
    );
  });
  after(async () => {
    await h?.stop();
    await openId?.stop();
  });

  it(`${PRODUCTION_RUNS * 100} generated requests with no token or a bad one are refused (401, or 413/415 from the headers alone for a body no client sends), and nothing is sent or stored`, async () => {
    const before = await tableState(h.storage);
    const authorization = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom(...tokens).map((t) => `Bearer ${t}`),
      fc.constantFrom(...tokens).map((t) => `Bearer ${t.slice(0, -3)}abc`),
      fc.string({ maxLength: 40 }).map((s) => `Bearer ${s}`),
      fc.string({ maxLength: 40 }),
    );
    const statuses = new Map<number, number>();
    // botframework-connector writes every token it refuses to the console: kept out of the test output.
    const consoleError = console.error;
    console.error = () => undefined;
    const run = await fc.check(
      fc.asyncProperty(
        fc.array(fc.tuple(fuzzInputs(world), authorization), { minLength: 100, maxLength: 100 }),
        async (batch) => {
          const outcomes = await inPool(batch, CONCURRENCY, ([input, auth]) =>
            send(h.url, input, auth === undefined ? {} : { authorization: auth }),
          );
          for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
          // Refused before the body is read (401), or, for a body no client sends, 413/415 from its headers alone.
          const wrong = outcomes.filter((o) => o.status !== 401 && !(o.input.raw && [413, 415].includes(o.status)));
          assert.deepEqual(wrong.map((o) => `${o.status} ${o.input.kind} ${o.body.slice(0, 200)}`).slice(0, 5), []);
        },
      ),
      { numRuns: PRODUCTION_RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    console.error = consoleError;
    if (run.failed) assert.fail(`production fuzz (FUZZ_SEED=${run.seed}) failed: ${String(run.errorInstance)}`);
    console.log(`      fuzz (production): statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    assert.equal(h.channel.requests.length, 0, 'nothing was sent to anyone');
    assert.deepEqual(await tableState(h.storage), before, 'nothing stored changed, the audit included');
  });
});
