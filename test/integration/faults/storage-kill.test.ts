/**
 * Fault suite, storage: the real bot over HTTP on its own Azurite (data kept in a directory),
 * four challenges walked at once; in the middle of the stream storage stops answering and
 * Azurite is killed (SIGKILL), presses go on meeting the dead store, then Azurite is started
 * again on the same port and data, and the stream carries on. Every press answered "done" is
 * in the history once, those made during the outage are answered "Nothing was saved" while it
 * lasts (200, never 5xx), and after the sweep the channel has taken in exactly what a control
 * challenge walked with no faults took in.
 *
 * Azurite keeps its tables in memory and saves them to disk every 5 s: a SIGKILL loses what it
 * acknowledged since its last save. That is Azurite's window, not the bot's, so storage first
 * stops answering (a proxy holds every request), Azurite is seen to have saved a write made
 * after the last one it answered, and only then is it killed. The test measures how long that
 * save took to come.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
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
  private markers!: TableClient;

  async start(): Promise<this> {
    this.location = await mkdtemp(join(tmpdir(), 'faults-azurite-'));
    this.azurite = await startAzurite({ port: 0, location: this.location });
    this.counter = await new StorageCounter(this.azurite.connectionString).start();
    this.markers = TableClient.fromConnectionString(this.azurite.connectionString, 'flushmarkers', {
      allowInsecureConnection: true,
    });
    await this.markers.createTable();
    return this;
  }

  /**
   * Storage stops answering, Azurite saves everything it acknowledged, then it is killed;
   * what was held meets the dead port. Returns how long the save took to come.
   */
  async killAfterItSaved(): Promise<{ savedAfterMs: number }> {
    await this.counter.hold();
    const marker = randomUUID();
    await this.markers.upsertEntity({ partitionKey: 'flush', rowKey: 'marker', marker }, 'Replace');
    const wrote = performance.now();
    const database = join(this.location, '__azurite_db_table__.json');
    await until('Azurite saved', async () => (await readFile(database, 'utf8').catch(() => '')).includes(marker));
    const savedAfterMs = Math.round(performance.now() - wrote);
    await this.azurite.kill();
    this.counter.release();
    return { savedAfterMs };
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
    const { savedAfterMs } = await storage.killAfterItSaved();
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
      azuriteSavedAfterMs: savedAfterMs,
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
