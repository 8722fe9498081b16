import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { nextStage, stageOf } from '../../../src/procedures/index';
import { ladder, newcastle, recordFields } from './support';

describe('Newcastle procedure data', () => {
  it('NEW-1 six steps on the ordinary ladder', () => {
    assert.deepEqual(
      ladder(newcastle).map((s) => s.label),
      ['Step 1', 'Step 2', 'Step 3', 'Step 4', 'Step 5', 'Step 6'],
    );
  });

  it('NEW-1 steps 1 to 5 are due within 5 working days of the raise, and capped there', () => {
    const five = { kind: 'workingDays', days: 5, from: 'raised' };
    for (const id of ['step-1', 'step-2', 'step-3', 'step-4', 'step-5'])
      assert.deepEqual(stageOf(newcastle, id).deadline, five, id);
    assert.deepEqual(
      newcastle.caps.map((c) => [c.stages, c.rule, c.rule_id]),
      [[['step-1', 'step-2', 'step-3', 'step-4', 'step-5'], five, 'NEW-1']],
    );
  });

  it('NEW-1 step 6 takes no more than 14 working days of its own', () => {
    assert.deepEqual(stageOf(newcastle, 'step-6').deadline, { kind: 'workingDays', days: 14, from: 'stageStart' });
  });

  it('NEW-2 step 1: the worker consults co-workers or their safeguarding lead', () => {
    assert.deepEqual(stageOf(newcastle, 'step-1').owners, ['raising.practitioner', 'raising.safeguardingLead']);
    assert.ok(recordFields(newcastle, 'step-1').includes('consulted'));
  });

  it('NEW-3 step 2: both professionals give their reasons in writing', () => {
    assert.deepEqual(stageOf(newcastle, 'step-2').owners, ['raising.practitioner', 'receiving.practitioner']);
    assert.deepEqual(recordFields(newcastle, 'step-2'), ['raisingAgencyReasons', 'receivingAgencyReasons', 'outcome']);
  });

  it('NEW-4 step 3: line managers or safeguarding leads with their equivalents, the protocol formally invoked', () => {
    const owners = stageOf(newcastle, 'step-3').owners;
    assert.deepEqual(owners, [
      'raising.lineManager',
      'raising.safeguardingLead',
      'receiving.lineManager',
      'receiving.safeguardingLead',
    ]);
    assert.ok(recordFields(newcastle, 'step-3').includes('protocolInvokedOn'));
  });

  it('NEW-5 step 4: the relevant service manager', () => {
    assert.ok(stageOf(newcastle, 'step-4').owners.includes('receiving.serviceManager'));
  });

  it('NEW-6 step 5: the Assistant Director for each agency', () => {
    assert.deepEqual(stageOf(newcastle, 'step-5').owners, ['raising.director', 'receiving.director']);
  });

  it('NEW-7 step 6: the partnership coordinator decides a course of action', () => {
    assert.deepEqual(stageOf(newcastle, 'step-6').owners, ['partnership.coordinator']);
    assert.ok(recordFields(newcastle, 'step-6').includes('courseOfAction'));
  });

  it('NEW-8 the immediate route: agreed by the safeguarding lead, an urgent service manager review within one working day, then head of service', () => {
    assert.deepEqual(newcastle.immediateRoute, {
      stage: 'immediate',
      agreedBy: ['raising.safeguardingLead'],
      rule: 'NEW-8',
    });
    const review = stageOf(newcastle, 'immediate');
    assert.equal(review.immediate, true);
    assert.ok(review.owners.includes('receiving.serviceManager'));
    assert.deepEqual(review.deadline, { kind: 'workingDays', days: 1, from: 'stageStart' });
    const head = nextStage(newcastle, 'immediate');
    assert.equal(head?.immediate, true);
    assert.ok(head?.owners.includes('receiving.headOfService'));
    assert.deepEqual(head?.escalatedBy, ['raising.safeguardingLead']);
    assert.ok(recordFields(newcastle, 'immediate').includes('decisionUpheld'));
  });

  it('NEW-9 learning for the partnership is recorded', () => {
    assert.ok(recordFields(newcastle, 'step-6').includes('learning'));
  });

  it('NEW-10 the raise form can record dissent at a child protection conference', () => {
    assert.equal(newcastle.raiseForm.conferenceDissent, true);
    assert.ok(newcastle.areasOfDisagreement.includes('Dissent at a Child Protection Conference'));
  });
});
