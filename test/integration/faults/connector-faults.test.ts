/**
 * Fault suite, the connector: the real bot over HTTP, with the real outbound queue, while the
 * fake Bot Connector answers a share of sends 429 with Retry-After, 500 or 502, or holds them
 * past the send timeout and then drops the connection; the first new thread's start is throttled.
 * Three challenges walked at once (a raise and four presses each): every press answered "done"
 * while sends were failing, each in the history once, and after the sweep the channel has taken
 * in (2xx) exactly what a control challenge walked with no faults took in: nothing lost,
 * nothing twice. FAULT_SEED replays a run.
 */
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../../support/bot-harness';
import { isSend, type GateVerdict, type IncomingRequest } from '../../support/fake-channel';
import { seeded } from '../../support/seeded';
import {
  answersOf,
  ChallengeStream,
  checkHistory,
  countBy,
  inProcess,
  installLeeds,
  lostAndDoubled,
  SCRIPT,
  sweepUntilSettled,
  walkControl,
  writeFigures,
  type BotUnderTest,
  type PressLog,
} from './stream';

const STREAMS = 3;
/**
 * Well above what a send takes on a loaded machine: an attempt cut while the channel is taking
 * it in can still land, and then its retry too (at least once is all a timeout can promise).
 */
const SEND_TIMEOUT_SECONDS = 3;
const HANG_MS = 3_500;

/** How many of each fault the plan injects, beyond the throttling of the first new thread. */
const BUDGET: Record<string, number> = { '429': 4, '500': 3, '502': 3, hang: 2 };

const faultOf: Record<string, () => GateVerdict> = {
  '429': () => ({ status: 429, headers: { 'Retry-After': '1' } }),
  '500': () => ({ status: 500 }),
  '502': () => ({ status: 502 }),
  hang: () => ({ hangMs: HANG_MS }),
};

/**
 * Faults for sends (POST and PUT of conversations), at random places but in fixed numbers: a
 * message's first try fails with `share` while the budget lasts, its second try too, never a
 * third, so every message gets through within the queue's and the sweep's retries; the hangs
 * come first, while the presses are being made. The first
 * new thread's first try is throttled, so the next presses' posts wait for it (a channel's new
 * threads queue behind each other: one slow start is enough).
 */
function faultPlan(random: () => number, injected: Record<string, number>, share = 0.35) {
  const tries = new Map<string, number>();
  const left = { ...BUDGET };
  let threadSlowed = false;
  return ({ method, path, body }: IncomingRequest): GateVerdict | undefined => {
    if (!isSend(method, path)) return undefined;
    const identity = `${method} ${path} ${JSON.stringify(body?.attachments ?? body?.activity?.attachments ?? '')}`;
    const n = tries.get(identity) ?? 0;
    tries.set(identity, n + 1);
    const newThread = path === '/v3/conversations' && Boolean(body?.channelData?.channel);
    let kind: string | undefined;
    if (newThread) {
      if (threadSlowed) return undefined;
      threadSlowed = true;
      kind = '429';
    } else if (n < 2 && random() < share) {
      // The hangs first, so that presses are made while one lasts whatever the seed; then any kind left.
      const open = Object.keys(left).filter((k) => left[k]! > 0);
      kind = left.hang! > 0 ? 'hang' : open[Math.floor(random() * open.length)];
      if (kind) left[kind]! -= 1;
    }
    if (!kind) return undefined;
    injected[kind] = (injected[kind] ?? 0) + 1;
    return faultOf[kind]!();
  };
}

const latency = (log: readonly PressLog[]) => {
  const ms = log.map((p) => p.answeredAt - p.sentAt).sort((a, b) => a - b);
  return { p50: Math.round(ms[Math.floor(ms.length / 2)] ?? 0), max: Math.round(ms.at(-1) ?? 0) };
};

describe('fault suite: the connector answers 429, 500, 502 or hangs', function () {
  this.timeout(120_000);
  let h: Harness;
  let bot: BotUnderTest;
  before(async () => {
    h = await startHarness('connectorfaults', {
      now: '2026-11-24T10:00:00Z',
      env: { SEND_TIMEOUT_SECONDS: String(SEND_TIMEOUT_SECONDS) },
    });
    bot = inProcess(h);
    await installLeeds(bot);
  });
  after(async () => {
    h.channel.gate = undefined;
    await h.stop();
  });

  it('every owed message is delivered once and every press is answered while sends fail', async () => {
    const seed = Number(process.env.FAULT_SEED ?? 20261124);
    const control = await walkControl(bot, 'LCC-FC-00');

    const log: PressLog[] = [];
    let answeredWhileHung = 0;
    const streams = Array.from(
      { length: STREAMS },
      (_, i) =>
        new ChallengeStream(bot, `LCC-FC-${String(i + 1).padStart(2, '0')}`, log, {
          onAnswer: () => (answeredWhileHung += h.channel.hanging() > 0 ? 1 : 0),
        }),
    );
    for (const s of streams) await s.fetchForm(); // the bot's reply to a message: asked for before any fault
    const injected: Record<string, number> = {};
    const firstRequest = h.channel.requests.length;
    h.channel.gate = faultPlan(seeded(seed), injected);
    await Promise.all(streams.map((s) => s.run()));
    const sweeps = await sweepUntilSettled(bot, streams);
    h.channel.gate = undefined;

    const figures = {
      seed,
      ...answersOf(log),
      faultsInjected: injected,
      connectorStatuses: countBy(h.channel.requests.slice(firstRequest), (r) =>
        r.status === 0 ? 'dropped' : r.status,
      ),
      answeredWhileASendHung: answeredWhileHung,
      sweeps,
      ...lostAndDoubled(bot, control.expected, streams),
      history: await checkHistory(bot, streams, log),
      answerMs: { control: latency(control.log), underFaults: latency(log) },
    };
    await writeFigures('connector', figures);

    assert.deepEqual(figures.answers, { done: STREAMS * (SCRIPT.length + 1), notSaved: 0, other: 0 });
    assert.deepEqual(figures.httpStatuses, [200]);
    for (const kind of Object.keys(BUDGET)) {
      assert.ok((injected[kind] ?? 0) > 0, `${kind} was injected: ${JSON.stringify(injected)}`);
    }
    assert.ok(answeredWhileHung > 0, 'presses were answered while a send hung');
    assert.deepEqual(figures.lost, [], 'nothing lost');
    assert.deepEqual(figures.doubled, [], 'nothing twice');
  });
});
