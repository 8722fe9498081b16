/** The fold itself: pure, counts versions, refuses impossible histories; and the machine's edges on a made-up procedure. */
import assert from 'node:assert/strict';
import { apply, describeOwners, escalatorsOf, replay, type ChallengeEvent } from '../../../src/workflow';
import { twoStage } from './fixtures/two-stage';
import { london, Run } from './helpers';

describe('workflow: apply and replay', () => {
  it('apply never changes the snapshot it is given', () => {
    const run = new Run(twoStage);
    run.raise('2026-12-23T10:00');
    const before = run.c;
    const frozen = JSON.stringify(before);
    run.ok('raising.practitioner', { type: 'recordOutcome', values: { note: 'n' } }, '2026-12-23T11:00');
    run.ok(
      'partnership.coordinator',
      { type: 'recordMeeting', date: '2026-12-23', attendees: ['a'], familyAttended: false, outcome: 'o', actions: '' },
      '2026-12-23T11:30',
    );
    assert.equal(JSON.stringify(before), frozen);
    assert.notEqual(run.c, before);
  });

  it('an event before the raise, or a second raise, is an impossible history', () => {
    const run = new Run(twoStage);
    run.raise('2026-12-23T10:00');
    const [raised, entered] = run.events as [ChallengeEvent, ChallengeEvent];
    assert.throws(() => apply(undefined, entered), /before the challenge was raised/);
    assert.throws(() => apply(run.c, raised), /already raised/);
    assert.throws(() => replay([]), /No events/);
  });

  it('version counts the events applied, and the idempotency key is remembered once per command', () => {
    const run = new Run(twoStage);
    run.raise('2026-12-23T10:00');
    assert.equal(run.c.version, 2);
    assert.deepEqual(run.c.appliedKeys, ['k1']);
  });

  it('a partnership closure day is not a working day: stage 1 raised on 23 Dec is due on 29 Dec', () => {
    const run = new Run(twoStage);
    run.raise('2026-12-23T10:00');
    assert.equal(london(run.stage.deadline), '2026-12-29 17:00');
  });

  it('a stage with no raising-side owners and no escalatedBy is escalated by its owners', () => {
    const two = twoStage.stages[1];
    assert.ok(two);
    assert.deepEqual(escalatorsOf(two), ['partnership.coordinator']);
    const run = new Run(twoStage);
    run.raise('2026-12-23T10:00');
    run.escalate('raising.practitioner', '2026-12-23T11:00');
    assert.equal(
      run.refused('raising.practitioner', { type: 'escalate', reason: 'x' }, '2026-12-23T12:00').code,
      'notOwner',
    );
    run.escalate('partnership.coordinator', '2026-12-23T12:00');
    assert.equal(run.c.stageId, 'three');
  });
});

describe('workflow: owners in plain words', () => {
  const rows: [string[], string][] = [
    [
      ['raising.lineManager', 'raising.safeguardingLead', 'receiving.lineManager', 'receiving.safeguardingLead'],
      'the line managers and safeguarding leads',
    ],
    [['raising.practitioner', 'receiving.practitioner'], 'the practitioners'],
    [['raising.practitioner'], 'the raiser'],
    [
      ['raising.practitioner', 'partnership.businessUnit', 'receiving.safeguardingLead'],
      "the raiser, the partnership business unit and the receiving agency's safeguarding lead",
    ],
    [['raising.headOfService', 'receiving.headOfService'], 'the heads of service'],
    [
      ['partnership.executive', 'partnership.businessUnit'],
      'the partnership executive and the partnership business unit',
    ],
  ];
  for (const [roles, words] of rows) {
    it(`${roles.join(', ')} → "${words}"`, () => {
      assert.equal(describeOwners(roles as Parameters<typeof describeOwners>[0]), words);
    });
  }
});
