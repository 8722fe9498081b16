/** When a resolved challenge is due to be purged: the partnership's retention period, as data. */
import assert from 'node:assert/strict';
import { procedures } from '../../../src/procedures';
import { ProcedureSchema } from '../../../src/procedures/schema';
import { isPurgeDue, purgeDay } from '../../../src/scheduler';
import type { Challenge } from '../../../src/workflow';
import { leeds, leedsRun } from './fixtures';

const resolvedAt = (at: string): Challenge => {
  const open = leedsRun('2026-11-02T10:00:00Z').challenge!;
  return {
    ...open,
    status: 'resolved',
    resolution: { agreedOutcome: 'a', outstandingIssues: 'b', stageId: open.stageId, resolvedAt: at, resolvedBy: 'x' },
  };
};

describe('retention: when a resolved challenge is purged', () => {
  it('every procedure states its retention period, and one without is refused by the schema', () => {
    for (const p of procedures) assert.ok(p.retention.monthsAfterResolved >= 1 && p.retention.basis, p.id);
    const { retention: _dropped, ...without } = leeds;
    assert.equal(ProcedureSchema.safeParse(without).success, false);
    assert.equal(
      ProcedureSchema.safeParse({ ...leeds, retention: { monthsAfterResolved: 0, basis: 'x' } }).success,
      false,
    );
  });

  it('counts calendar months from the day it was resolved in London, and is due from that day on', () => {
    const months = { retention: { monthsAfterResolved: 1, basis: 'test' } };
    // 23:30 UTC on 31 March 2027 is 1 April in London (summer time).
    const challenge = resolvedAt('2027-03-31T23:30:00Z');
    assert.equal(purgeDay(months, challenge), '2027-05-01');
    assert.equal(isPurgeDue(months, challenge, new Date('2027-04-30T22:59:00Z')), false);
    assert.equal(isPurgeDue(months, challenge, new Date('2027-04-30T23:00:00Z')), true, 'midnight in London');
    assert.equal(purgeDay(leeds, resolvedAt('2026-11-23T10:00:00Z')), '2032-11-23');
  });

  it('never purges an open or paused challenge', () => {
    const open = leedsRun('2020-01-02T10:00:00Z').challenge!;
    assert.equal(purgeDay(leeds, open), undefined);
    assert.equal(isPurgeDue(leeds, { ...open, status: 'paused' }, new Date('2099-01-01T00:00:00Z')), false);
  });
});
