/**
 * Retention (data protection): a resolved challenge is purged by the nightly reconcile once its
 * partnership's retention period (procedure data) is over: every row about it, in every table,
 * with a record of what went and when that holds no case data. Open challenges stay.
 */
import assert from 'node:assert/strict';
import { createScheduler } from '../../../src/functions/scheduler';
import { createSchedulerDeps } from '../../../src/functions/scheduler-deps';
import { silentLogger } from '../../../src/logger';
import { getProcedure } from '../../../src/procedures';
import { purgeDay } from '../../../src/scheduler';
import { createTableClients } from '../../../src/store/tables';
import type { Harness } from '../../support/bot-harness';
import { installPartnership, startBot, Walk } from '../bot/support';

const caseReference = 'RETAIN-0001';

describe('retention: resolved challenges are purged after their partnership keeps them', function () {
  let h: Harness;
  before(async () => {
    h = await startBot('retention', '2026-11-23T10:00:00Z');
    await installPartnership(h, 'leeds');
  });
  after(async () => h.stop());

  /** Every table row that names the challenge, in its keys or any of its values. */
  async function rowsAbout(challengeId: string, except: string[] = [], reference = challengeId): Promise<string[]> {
    const found: string[] = [];
    for (const [table, client] of Object.entries(createTableClients(h.storage))) {
      if (except.includes(table)) continue;
      for await (const row of client.listEntities()) {
        if (JSON.stringify(row).includes(challengeId) || JSON.stringify(row).includes(reference))
          found.push(`${table}: ${row.partitionKey}|${row.rowKey}`);
      }
    }
    return found;
  }

  it('purges a resolved challenge with its whole record on the first night past its period, and records it', async () => {
    const resolved = new Walk(h);
    await resolved.raise({ raiser: 'Amira Khan', raisedWith: 'Grace Liu', caseReference });
    await resolved.press('Amira Khan', 'escalate', { reason: 'No agreement at step 1.' });
    await resolved.press('Ben Ortiz', 'resolve', { agreedOutcome: 'Assessment agreed.', outstandingIssues: 'None.' });
    const open = new Walk(h);
    await open.raise({ raiser: 'Amira Khan', raisedWith: 'Grace Liu', caseReference: 'RETAIN-OPEN' });
    const challenge = (await h.app.stores.challenges.load(resolved.challengeId))!.challenge;
    assert.equal(challenge.status, 'resolved');
    assert.ok((await rowsAbout(resolved.challengeId)).some((r) => r.startsWith('audit') || r.startsWith('challenges')));
    assert.ok(
      (await rowsAbout(resolved.challengeId)).some((r) => r.startsWith('conversations')),
      'it has a thread',
    );
    const openRows = await rowsAbout(open.challengeId);

    const leeds = getProcedure('leeds');
    const day = purgeDay(leeds, challenge)!;
    assert.equal(day, '2032-11-23', `${leeds.retention.monthsAfterResolved} months after the day it was resolved`);
    const scheduler = createScheduler(
      createSchedulerDeps({ stores: h.app.stores, messenger: h.app.messenger, clock: h.clock, logger: silentLogger }),
      h.clock,
    );

    const dayBefore = await scheduler.reconcile(new Date('2032-11-22T23:00:00Z'));
    assert.equal(dayBefore.purged, 0, 'kept until its period is over');
    assert.ok(await h.app.stores.challenges.load(resolved.challengeId));

    const night = await scheduler.reconcile(new Date('2032-11-23T02:10:00Z'));
    assert.equal(night.purged, 1);
    assert.deepEqual(await rowsAbout(resolved.challengeId, ['purges'], caseReference), [], 'nothing about it is left');
    assert.deepEqual(await rowsAbout(open.challengeId), openRows, 'the open challenge is untouched');
    assert.ok(await h.app.stores.challenges.load(open.challengeId));

    const [record, ...more] = await h.app.stores.retention.records();
    assert.equal(more.length, 0);
    assert.equal(record?.challengeId, resolved.challengeId);
    assert.equal(record?.procedureId, 'leeds');
    assert.equal(record?.resolvedAt, challenge.resolution?.resolvedAt);
    assert.equal(record?.purgedAt, '2032-11-23T02:10:00.000Z');
    assert.ok((record?.rows.challenges ?? 0) > 3 && (record?.rows.audit ?? -1) >= 0);
    const purges = [];
    for await (const row of createTableClients(h.storage).purges.listEntities()) purges.push(row);
    assert.doesNotMatch(JSON.stringify(purges), new RegExp(caseReference), 'the record holds no case reference');

    const again = await scheduler.reconcile(new Date('2032-11-24T02:10:00Z'));
    assert.equal(again.purged, 0, 'a purge happens once');
  });
});
