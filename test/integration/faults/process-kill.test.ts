/**
 * Fault suite, a crash between the commit and the sends: the bot runs as a process of its own
 * (test/support/bot-process.ts), the channel holds every send it makes, and the process is
 * killed (SIGKILL) right after answering its presses, so what they owe is committed and never
 * sent. A second process over the same tables, with a short lease and no sweep grace, runs the
 * scheduler (the test clock API's tick) until nothing is owed: the channel then has taken in
 * exactly what a control challenge walked with no fault took in, nothing twice.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { writeDirectory } from '../../../src/directory/import-directory';
import { createStores, type Stores } from '../../../src/store';
import { freshTables } from '../../support/azurite';
import { postActivity, testDirectory } from '../../support/bot-harness';
import { FakeChannel } from '../../support/fake-channel';
import {
  answersOf,
  ChallengeStream,
  checkHistory,
  countBy,
  installLeeds,
  lostAndDoubled,
  SCRIPT,
  sweepUntilSettled,
  until,
  walkControl,
  writeFigures,
  type BotUnderTest,
  type PressLog,
} from './stream';

const NOW = '2026-11-24T10:00:00Z';
/** Before 07:30 London: the second process's ticks send no morning digest, only what is owed. */
const SWEEP_AT = '2026-11-24T06:00:00Z';
const LEASE_SECONDS = 1;

/** One bot process: started, listening, and its HTTP surface. */
class BotProcess {
  private child!: ChildProcess;
  private stderr = '';
  url = '';

  async start(env: Record<string, string>): Promise<this> {
    const entry = join(__dirname, '..', '..', 'support', 'bot-process.ts');
    this.child = spawn(process.execPath, ['--require', 'tsx/cjs', entry], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child
      .stderr!.setEncoding('utf8')
      .on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-4000)));
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(Number((JSON.parse(line) as { port: number }).port));
      });
      this.child.once('exit', (code, signal) =>
        reject(new Error(`the bot process exited (${code ?? signal}): ${this.stderr}`)),
      );
    });
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async call(path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, json: await response.json() };
  }

  /** SIGKILL, as a crash: nothing of it runs after. Resolves once it has gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    await gone;
  }
}

describe('fault suite: the bot process killed between its commits and its sends', function () {
  this.timeout(120_000);
  const channel = new FakeChannel();
  const directory = testDirectory('http://127.0.0.1/');
  let stores: Stores;
  let env: Record<string, string>;
  const processes: BotProcess[] = [];
  const tickStatuses: number[] = [];

  /**
   * A bot process as the stream drives it: its HTTP edge, the channel, the tables read from
   * here. Only the second one sweeps (a tick of its scheduler); the first carries out its own sends.
   */
  const bot = (proc: BotProcess, sweeps: boolean): BotUnderTest => ({
    post: (activity, headers) => postActivity(proc.url, activity, headers),
    user: (name) => {
      const person = directory.people.find((p) => p.name === name)!;
      return { aadObjectId: person.id, name: person.name };
    },
    directory,
    channel,
    today: NOW.slice(0, 10),
    stores,
    idle: async () => undefined,
    sweep: async () => {
      if (sweeps) tickStatuses.push((await proc.call('/api/test/tick')).status);
    },
  });

  before(async () => {
    await channel.start();
    const tables = await freshTables('processkill');
    stores = createStores(tables);
    await stores.ensureTables();
    await writeDirectory(stores.directory, testDirectory(channel.url));
    env = {
      STORAGE_CONNECTION_STRING: (tables as { connectionString: string }).connectionString,
      TABLE_PREFIX: tables.prefix!,
      PORT: '0',
      CHALLENGE_TEST_CLOCK: '1',
      SCHEDULER_INTERVAL_SECONDS: '0',
      SEND_LEASE_SECONDS: String(LEASE_SECONDS),
      OUTBOX_GRACE_SECONDS: '0',
    };
  });
  after(async () => {
    for (const p of processes) await p.kill('SIGTERM');
    await channel.stop();
  });

  it('what the killed process owed is sent by the next one, once', async () => {
    const first = await new BotProcess().start(env);
    processes.push(first);
    // The second starts meanwhile (a start takes seconds) and does nothing until it is asked to sweep.
    const starting = new BotProcess().start(env);
    void starting.then(
      (p) => processes.push(p),
      () => undefined,
    );
    assert.equal((await first.call('/api/test/clock', { now: NOW })).status, 200);
    const a = bot(first, false);
    await installLeeds(a);
    const control = await walkControl(a, 'LCC-PK-00'); // One raised before the channel stops taking sends, one after.
    const log: PressLog[] = [];
    const streams = ['LCC-PK-01', 'LCC-PK-02'].map((ref) => new ChallengeStream(a, ref, log));
    for (const s of streams) await s.fetchForm();
    await streams[0]!.raise();
    await sweepUntilSettled(a, streams.slice(0, 1));
    const release = channel.hang(/^\/v3\/conversations/);
    const firstHeld = channel.requests.length;
    await streams[0]!.walk();
    await streams[1]!.run();
    await first.kill();
    const heldAtKill = channel.hanging();
    // Its connections close with it: what the channel held for it is dropped, as a connector would.
    await until('the killed process has no send held open', () => channel.heldOpen === 0);
    release();
    const owedAtKill = (await Promise.all(streams.map((s) => stores.owed.list(s.challengeId)))).flat().length;

    const second = await starting;
    assert.equal((await second.call('/api/test/clock', { now: SWEEP_AT })).status, 200);
    const b = bot(second, true);
    const ticks = await sweepUntilSettled(b, streams);
    const figures = {
      ...answersOf(log),
      faultsInjected: { processKilled: 1, sendsHeldAtKill: heldAtKill, owedRowsAtKill: owedAtKill },
      connectorStatuses: countBy(channel.requests.slice(firstHeld), (r) => (r.status === 0 ? 'dropped' : r.status)),
      ticks,
      tickStatuses: [...new Set(tickStatuses)],
      ...lostAndDoubled(a, control.expected, streams),
      history: await checkHistory(a, streams, log),
    };
    await writeFigures('process', figures);

    assert.deepEqual(figures.answers, { done: 2 * (SCRIPT.length + 1), notSaved: 0, other: 0 });
    assert.deepEqual(figures.httpStatuses, [200]);
    assert.ok(heldAtKill > 0 && owedAtKill > 0, 'the process died owing sends');
    assert.ok(ticks > 0, 'the second process swept');
    assert.deepEqual(figures.tickStatuses, [200]);
    assert.deepEqual(figures.lost, [], 'nothing lost');
    assert.deepEqual(figures.doubled, [], 'nothing twice');
  });
});
