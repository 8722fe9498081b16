/** One correlation id per bot turn and per scheduler run, on every log line written meanwhile. */
import assert from 'node:assert/strict';
import { setImmediate as nextTurnOfLoop } from 'node:timers/promises';
import { startHarness, type Harness } from '../../support/bot-harness';
import { installationUpdate, message } from '../../support/activities';
import { createScheduler } from '../../../src/functions/scheduler';
import type { SchedulerDeps } from '../../../src/functions/scheduler-deps';
import { SettableClock } from '../../../src/clock';
import { inTimerRun, inTurn, withCorrelation } from '../../../src/telemetry';
import { captureLogger } from './capture';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('telemetry: correlation ids', () => {
  it("a turn's log lines, across awaits and child loggers, carry its activity id", async () => {
    const { logger, lines } = captureLogger({ service: 'test' });
    await inTurn({ id: 'f:1234', type: 'invoke', name: 'adaptiveCard/action' }, logger, async () => {
      logger.info('first');
      await nextTurnOfLoop();
      logger.child({ challengeId: 'c-1' }).warn('second');
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.error('third');
    });
    const all = lines();
    assert.deepEqual(
      all.map((l) => l.message),
      ['first', 'second', 'third', 'turn'],
    );
    assert.deepEqual(new Set(all.map((l) => l.correlationId)), new Set(['f:1234']));
    assert.equal(all[3]?.activityType, 'invoke');
    assert.equal(all[3]?.invoke, 'adaptiveCard/action');
  });

  it('two turns running at once keep their own ids', async () => {
    const { logger, lines } = captureLogger();
    const turn = (id: string) =>
      inTurn({ id, type: 'message' }, logger, async () => {
        for (let i = 0; i < 3; i++) {
          logger.info(`step ${id}`);
          await nextTurnOfLoop();
        }
      });
    await Promise.all([turn('a-1'), turn('b-2')]);
    const all = lines();
    assert.ok(
      all.some((l, i) => i > 0 && l.correlationId !== all[i - 1]?.correlationId),
      'the turns interleaved',
    );
    for (const line of all.filter((l) => String(l.message).startsWith('step ')))
      assert.equal(line.correlationId, String(line.message).slice(5));
    assert.equal(all.filter((l) => l.message === 'turn').length, 2);
  });

  it('an activity with no usable id gets a fresh UUID, one per turn', async () => {
    const { logger, lines } = captureLogger();
    await inTurn({ type: 'message' }, logger, async () => logger.info('no id'));
    await inTurn({ id: 'has spaces and <html>', type: 'message' }, logger, async () => logger.info('bad id'));
    await inTurn('not even an object', logger, async () => logger.info('junk'));
    const ids = lines().map((l) => String(l.correlationId));
    for (const id of ids) assert.match(id, uuid);
    assert.equal(new Set(ids).size, 3, 'each turn its own id');
    assert.equal(ids[0], ids[1], "a turn's lines share theirs");
  });

  it('lines outside any turn or run carry no correlation id', () => {
    const { logger, lines } = captureLogger();
    logger.info('at start-up');
    assert.equal(lines()[0]?.correlationId, undefined);
  });

  it("each scheduler run has its own id; a Functions invocation's id is kept", async () => {
    const { logger, lines } = captureLogger();
    const deps = {
      logger,
      deadlineIndex: {
        due: async () => {
          logger.info('reading the index');
          return [];
        },
      },
      challenges: { snapshots: async () => [] },
      dispatcher: { sweep: async () => ({ done: 0, left: 0, delivered: [], undelivered: [] }) },
    } as unknown as SchedulerDeps;
    const scheduler = createScheduler(deps, new SettableClock('2026-11-23T03:00:00Z'));
    await scheduler.tick();
    await scheduler.tick();
    await withCorrelation({ correlationId: 'invocation-7', kind: 'timer' }, () => scheduler.tick());
    const runs = lines().filter((l) => l.message === 'timer run');
    assert.equal(runs.length, 3);
    assert.notEqual(runs[0]?.correlationId, runs[1]?.correlationId);
    assert.equal(runs[2]?.correlationId, 'invocation-7');
    for (const line of lines().filter((l) => l.message === 'reading the index')) assert.ok(line.correlationId);
    assert.deepEqual(
      lines().map((l) => l.correlationId),
      [runs[0], runs[0], runs[1], runs[1], runs[2], runs[2]].map((r) => r?.correlationId),
      'the index read and the closing line of each run share its id',
    );
  });

  it('a run that fails logs it under its id, then fails', async () => {
    const { logger, lines } = captureLogger();
    await assert.rejects(
      inTimerRun('digest', logger, async () => {
        throw new Error('storage down');
      }),
      /storage down/,
    );
    assert.equal(lines()[0]?.message, 'timer run failed');
    assert.match(String(lines()[0]?.correlationId), uuid);
  });
});

describe('telemetry: correlation ids over HTTP, through the composition root', function () {
  let h: Harness;
  const captured = captureLogger({ service: 'challenge-bot' });
  before(async () => {
    h = await startHarness('telemetry', { app: { logger: captured.logger } });
  });
  after(async () => h.stop());

  it("every POST to /api/messages is one turn: its lines carry the activity's id, a failed reply included", async () => {
    const amira = h.user('Amira Khan');
    const install = installationUpdate(h.channel.url, amira);
    const hello = message(h.channel.url, amira, 'help');
    const failing = message(h.channel.url, amira, 'help');
    assert.equal((await h.post(install)).status, 200);
    assert.equal((await h.post(hello)).status, 200);
    h.channel.failNext({ status: 403, match: /activities/ }); // not retried: the turn fails
    await h.post(failing);

    const lines = captured.lines();
    const turns = lines.filter((l) => l.message === 'turn');
    assert.deepEqual(
      turns.map((l) => l.correlationId),
      [install.id, hello.id, failing.id],
    );
    const failed = lines.filter((l) => l.message === 'turn failed');
    assert.equal(failed.length, 1, 'the failed reply is logged');
    assert.equal(failed[0]?.correlationId, failing.id, '...under the turn it failed in');
    assert.ok(
      lines.every((l) => ([install.id, hello.id, failing.id] as string[]).includes(String(l.correlationId))),
      'no line of a turn goes without its id',
    );
  });
});
