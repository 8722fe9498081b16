import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { stageOf } from '../../../src/procedures/index';
import type { OwnerRole } from '../../../src/procedures/schema';
import type { Participants, PersonRef } from '../../../src/workflow/types';
import { dudley, ladder, recordFields } from './support';

describe('Dudley procedure data', () => {
  it('DUD-1 to DUD-6 four stages, stage 1 to stage 4, covering children and adults', () => {
    assert.deepEqual(
      ladder(dudley).map((s) => s.label),
      ['Stage 1', 'Stage 2', 'Stage 3', 'Stage 4'],
    );
    assert.deepEqual(dudley.subjects, ['child', 'adult']);
  });

  it('DUD-1 stage 1 is between the practitioners, due one working day from the day raised, and tells no one else', () => {
    const s = stageOf(dudley, 'stage-1');
    assert.deepEqual(s.owners, ['raising.practitioner', 'receiving.practitioner']);
    assert.deepEqual(s.deadline, { kind: 'workingDays', days: 1, from: 'raised' });
    assert.deepEqual(s.notifyOnEntry, []);
    assert.deepEqual(dudley.copyOnRaise, []);
  });

  it('DUD-2 the practitioner escalates to stage 2, which starts no later than day 3', () => {
    assert.deepEqual(stageOf(dudley, 'stage-1').escalatedBy, ['raising.practitioner']);
    assert.deepEqual(stageOf(dudley, 'stage-2').startBy, { kind: 'dayOfChallenge', day: 3 });
  });

  it('DUD-3 stage 2 belongs to line managers and safeguarding leads on both sides, concluded by day 9, recording the problem and the aim', () => {
    const s = stageOf(dudley, 'stage-2');
    assert.deepEqual(s.owners, [
      'raising.lineManager',
      'raising.safeguardingLead',
      'receiving.lineManager',
      'receiving.safeguardingLead',
    ]);
    assert.deepEqual(s.deadline, { kind: 'dayOfChallenge', day: 9 });
    assert.deepEqual(recordFields(dudley, 'stage-2'), ['problem', 'aim', 'outcome', 'fedBackToRaiser']);
  });

  it('DUD-4 the same person may hold raiser and lead roles', () => {
    const worker: PersonRef = { id: 'aad-1', name: 'Third sector worker', reachable: true };
    const participants: Participants = { 'raising.practitioner': [worker], 'raising.safeguardingLead': [worker] };
    const ownersOf = (stageId: string) =>
      stageOf(dudley, stageId)
        .owners.flatMap((role: OwnerRole) => participants[role] ?? [])
        .map((p) => p.id);
    assert.deepEqual(ownersOf('stage-1'), ['aad-1']);
    assert.deepEqual(ownersOf('stage-2'), ['aad-1']);
  });

  it('DUD-5 stage 3 is escalated by a senior manager to the board representatives, concluded by day 14', () => {
    const s = stageOf(dudley, 'stage-3');
    assert.deepEqual(s.owners, [
      'raising.seniorManager',
      'raising.boardRepresentative',
      'receiving.boardRepresentative',
    ]);
    assert.deepEqual(s.deadline, { kind: 'dayOfChallenge', day: 14 });
    assert.ok(recordFields(dudley, 'stage-3').includes('fedBackToRaiser'));
  });

  it('DUD-6 stage 4 is the partnership executive: starts by day 16, concluded by day 21, the template goes to the business manager', () => {
    const s = stageOf(dudley, 'stage-4');
    assert.deepEqual(s.owners, ['partnership.executive', 'partnership.businessUnit']);
    assert.deepEqual(s.startBy, { kind: 'dayOfChallenge', day: 16 });
    assert.deepEqual(s.deadline, { kind: 'dayOfChallenge', day: 21 });
    assert.deepEqual(s.notifyOnEntry, [
      { to: ['partnership.businessUnit'], form: 'challenge-resolution-template', rule: 'DUD-6' },
    ]);
    assert.deepEqual(recordFields(dudley, 'stage-4'), [
      'writtenRepresentationsReceived',
      'meetingDate',
      'recommendation',
    ]);
  });

  it('DUD-7 stages 2 and 3 record their outcomes on the challenge; only stage 4 goes to the partnership', () => {
    for (const id of ['stage-2', 'stage-3']) assert.ok(recordFields(dudley, id).includes('outcome'), id);
    assert.deepEqual(
      dudley.stages.filter((s) => s.notifyOnEntry.length > 0).map((s) => s.id),
      ['stage-4'],
    );
  });

  it('DUD day numbers are calendar days of the challenge, stage 3 starting by day 9 as its heading says', () => {
    assert.deepEqual(stageOf(dudley, 'stage-3').startBy, { kind: 'dayOfChallenge', day: 9 });
    assert.ok(dudley.readings.some((r) => r.includes('calendar days')));
  });
});
