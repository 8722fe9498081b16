import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { formOf, stageOf } from '../../../src/procedures/index';
import { ladder, leeds, recordFields } from './support';

const notification = (rule: string) => [{ to: ['partnership.businessUnit'], form: 'stage-3-notification', rule }];

describe('Leeds procedure data', () => {
  it('LEE-1 to LEE-5 the ladder is step 1, 2, 3a, 3b and stage 4', () => {
    assert.deepEqual(
      ladder(leeds).map((s) => s.label),
      ['Step 1', 'Step 2', 'Step 3a', 'Step 3b', 'Stage 4'],
    );
  });

  it('LEE-1 step 1 records the evidence-based reason, who it was shared with and the lead professional informed', () => {
    assert.deepEqual(stageOf(leeds, 'step-1').owners, ['raising.practitioner', 'receiving.practitioner']);
    assert.deepEqual(recordFields(leeds, 'step-1'), [
      'evidenceBasedReason',
      'sharedWith',
      'leadProfessionalInformed',
      'agreedResolution',
    ]);
  });

  it('LEE-2 step 2 is line manager to line manager, no more than 10 working days, with the agreed timescales recorded', () => {
    const s = stageOf(leeds, 'step-2');
    assert.deepEqual(s.owners, ['raising.lineManager', 'receiving.lineManager']);
    assert.deepEqual(s.deadline, { kind: 'workingDays', days: 10, from: 'stageStart' });
    assert.ok(recordFields(leeds, 'step-2').includes('timescaleAgreedWithRaiser'));
    assert.ok(recordFields(leeds, 'step-2').includes('responseTimescale'));
  });

  it('LEE-3 step 3a notifies the partnership with the Stage 3 Notifications and Outcomes Form', () => {
    const s = stageOf(leeds, 'step-3a');
    assert.deepEqual(s.owners, ['raising.headOfService', 'receiving.headOfService']);
    assert.deepEqual(s.deadline, { kind: 'workingDays', days: 10, from: 'stageStart' });
    assert.deepEqual(s.notifyOnEntry, notification('LEE-3'));
    assert.equal(formOf(leeds, 'stage-3-notification').title, 'Stage 3 Notifications and Outcomes Form');
  });

  it('LEE-4 step 3b is director to director within 2 working days, notified with the same form', () => {
    const s = stageOf(leeds, 'step-3b');
    assert.deepEqual(s.owners, ['raising.director', 'receiving.director']);
    assert.deepEqual(s.deadline, { kind: 'workingDays', days: 2, from: 'stageStart' });
    assert.deepEqual(s.notifyOnEntry, notification('LEE-4'));
  });

  it('LEE-5 stage 4 goes to the partnership executive with the form', () => {
    const s = stageOf(leeds, 'stage-4');
    assert.ok(s.owners.includes('partnership.executive'));
    assert.deepEqual(s.notifyOnEntry, notification('LEE-5'));
    assert.ok(recordFields(leeds, 'stage-4').includes('chairInvolved'));
  });

  it('LEE-6 the whole process takes no more than one calendar month from the raise', () => {
    assert.deepEqual(leeds.caps, [
      {
        label: 'The whole process takes no more than one month',
        stages: leeds.stages.map((s) => s.id),
        rule: { kind: 'calendarMonths', months: 1, from: 'raised' },
        rule_id: 'LEE-6',
      },
    ]);
  });

  it('LEE-7 a pause stops the clock', () => {
    assert.equal(leeds.pauseStopsClock, true);
  });

  it('LEE-10 step 1 may escalate straight to head of service (step 3a)', () => {
    assert.deepEqual(stageOf(leeds, 'step-1').escalateTo, ['step-2', 'step-3a']);
    assert.deepEqual(stageOf(leeds, 'step-2').escalateTo, ['step-3a']);
  });

  it('LEE-11 the notification form records the notifier, the date, agencies, concerns, steps taken, outcome, its date and who notified it', () => {
    assert.deepEqual(
      formOf(leeds, 'stage-3-notification').fields.map((f) => [f.label, f.required]),
      [
        ['Name', true],
        ['Agency', true],
        ['Role', true],
        ['Email and telephone', true],
        ['Date of notification', true],
        ['Agencies involved', true],
        ['Initial concerns', true],
        ['Steps taken to date', true],
        ['Outcome and any Next Steps', false],
        ['Date of outcome', false],
        ['Notification of outcome from', false],
      ],
    );
    assert.equal(formOf(leeds, 'stage-3-notification').document?.startsWith('Appendix 3'), true);
  });

  it('LEE-11 only steps 3a, 3b and stage 4 notify the partnership', () => {
    assert.deepEqual(
      leeds.stages.filter((s) => s.notifyOnEntry.length > 0).map((s) => s.id),
      ['step-3a', 'step-3b', 'stage-4'],
    );
  });
});
