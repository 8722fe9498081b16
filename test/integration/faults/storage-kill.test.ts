/**
 * Fault suite, storage: the real bot over HTTP on its own Azurite (data kept in a directory),
 * four challenges walked at once; in the middle of the stream storage stops answering and
 * Azurite is killed (SIGKILL), presses go on meeting the dead store, then Azurite is started
 * again on the same port and data, and the stream carries on. Every press answered "done" is
 * in the history once, those made during the outage are answered "Nothing was saved" while it
 * lasts (200, never 5xx), and after the sweep the channel has taken in exactly what a control
 * challenge walked with no faults took in.
 *
 * Storage first stops answering (a proxy holds every request, once those passed on are
 * answered), then Azurite is killed, so what was held meets a dead port. With its data in a
 * directory Azurite saves each write before answering it (src/cli/azurite-durable.ts): what it
 * answered is what comes back after the restart.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite, type Azurite } from '../../../src/cli/azurite';
import { startHarness, type Harness } from '../../support/bot-harness';
import { StorageCounter } from '../../support/storage-counter';
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
  until,
  walkControl,
  writeFigures,
  type BotUnderTest,
  type PressLog,
} from './stream';

const STREAMS = 4;
/** Presses answered "done" before storage goes: the stream is well under way, and far from its end. */
const KILL_AFTER_DONE = 6;
/** Longer than the outage, so no claim on a send lapses while this process still holds it. */
const SEND_LEASE_SECONDS = 60;

/** An Azurite with its data on disk, behind a proxy that can make it stop answering. */
class KillableStorage {
  azurite!: Azurite;
  counter!: StorageCounter;
  location = '';

  async start(): Promise<this> {
    this.location = await mkdtemp(join(tmpdir(), 'faults-azurite-'));
    this.azurite = await startAzurite({ port: 0, location: this.location });
    this.counter = await new StorageCounter(this.azurite.connectionString).start();
    return this;
  }

  /** Storage stops answering, then Azurite is killed; what was held meets the dead port. */
  async kill(): Promise<void> {
    await this.counter.hold();
    await this.azurite.kill();
    this.counter.release();
  }

  async restart(): Promise<void> {
    this.azurite = await startAzurite({ port: this.azurite.port, location: this.location });
  }

  async stop(): Promise<void> {
    await this.counter.stop();
    await this.azurite.stop();
    await rm(this.location, { recursive: true, force: true });
  }
}

describe('fault suite: storage killed and restarted mid-stream', function () {
  this.timeout(120_000);
  let storage: KillableStorage;
  let h: Harness;
  let bot: BotUnderTest;
  before(async () => {
    storage = await new KillableStorage().start();
    h = await startHarness('storagekill', {
      now: '2026-11-24T10:00:00Z',
      env: {
        STORAGE_CONNECTION_STRING: storage.counter.connectionString,
        SEND_LEASE_SECONDS: String(SEND_LEASE_SECONDS),
      },
    });
    bot = inProcess(h);
    await installLeeds(bot);
  });
  after(async () => {
    await h.stop();
    await storage.stop();
  });

  it('nothing answered "done" is lost or doubled, the outage is answered "Nothing was saved", every owed message arrives once', async () => {
    const control = await walkControl(bot, 'LCC-SK-00');

    const log: PressLog[] = [];
    let back: () => void = () => undefined;
    const storageBack = new Promise<void>((resolve) => (back = resolve));
    let waiting = 0;
    const waitForStorage = async () => {
      waiting++;
      await storageBack;
      waiting--;
    };
    const streams = Array.from(
      { length: STREAMS + 1 },
      (_, i) =>
        new ChallengeStream(bot, `LCC-SK-${String(i + 1).padStart(2, '0')}`, log, { storageBack: waitForStorage }),
    );
    for (const s of streams) await s.fetchForm();
    // The last one is raised while storage is down.
    const late = streams.at(-1)!;
    const running = streams.slice(0, -1).map((s) => s.run());
    await until(`${KILL_AFTER_DONE} presses are done`, () => answersOf(log).answers.done >= KILL_AFTER_DONE);

    const wentDown = performance.now();
    await storage.kill();
    running.push(late.run());
    // Every stream meets the outage: each was answered "Nothing was saved", and none is still waiting for an answer.
    await until('every stream was told nothing was saved', () => waiting === streams.length);
    const restarting = performance.now();
    await storage.restart();
    const notSaved = new Set(log.filter((p) => p.answer === 'notSaved' && p.key).map((p) => p.key));
    let savedAnyway = 0;
    for (const s of streams) {
      for (const e of await h.app.stores.challenges.events(s.challengeId))
        if (notSaved.delete(e.idempotencyKey)) savedAnyway++;
    }
    back();
    await Promise.all(running);
    const sweeps = await sweepUntilSettled(bot, streams);

    const figures = {
      ...answersOf(log),
      faultsInjected: {
        storageKilled: 1,
        pressesDuringOutage: log.filter((p) => p.sentAt >= wentDown && p.answeredAt <= restarting).length,
      },
      outageMs: Math.round(restarting - wentDown),
      answeredNotSavedButSavedByRestart: savedAnyway,
      storageStatuses: countBy(storage.counter.requests, (r) => (r.status === 0 ? 'no answer' : r.status)),
      sweeps,
      ...lostAndDoubled(bot, control.expected, streams),
      history: await checkHistory(bot, streams, log),
    };
    await writeFigures('storage', figures);

    assert.deepEqual(figures.httpStatuses, [200], 'every press answered 200');
    assert.equal(figures.answers.other, 0, 'every press answered "done" or "Nothing was saved"');
    assert.equal(figures.answers.done, streams.length * (SCRIPT.length + 1), 'every press done in the end');
    assert.ok(figures.answers.notSaved >= streams.length, 'every stream met the outage');
    assert.ok(
      log.filter((p) => p.answer === 'notSaved').every((p) => p.answeredAt < restarting),
      '"Nothing was saved" was said while storage was down, not once it was back',
    );
    assert.deepEqual(figures.lost, [], 'nothing lost');
    assert.deepEqual(figures.doubled, [], 'nothing twice');
  });
});
