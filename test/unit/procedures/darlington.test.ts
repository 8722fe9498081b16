import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { formOf, stageOf } from '../../../src/procedures/index';
import { darlington, ladder, recordFields } from './support';

describe('Darlington procedure data', () => {
  it('DAR-1 to DAR-5 five stages', () => {
    assert.deepEqual(
      ladder(darlington).map((s) => s.label),
      ['Stage 1', 'Stage 2', 'Stage 3', 'Stage 4', 'Stage 5'],
    );
  });

  it('DAR-1 stage 1 contacts the decision maker within one working day and records the rationale and plan', () => {
    const s = stageOf(darlington, 'stage-1');
    assert.deepEqual(s.owners, ['raising.practitioner', 'receiving.practitioner']);
    assert.deepEqual(s.deadline, { kind: 'workingDays', days: 1, from: 'stageStart' });
    assert.deepEqual(recordFields(darlington, 'stage-1'), [
      'rationale',
      'reasonForDisagreement',
      'planOfAction',
      'summaryEmailSent',
    ]);
  });

  it("DAR-2 stage 2 is the managers' review, within 3 working days", () => {
    const s = stageOf(darlington, 'stage-2');
    assert.ok(s.owners.includes('raising.lineManager') && s.owners.includes('receiving.lineManager'));
    assert.deepEqual(s.deadline, { kind: 'workingDays', days: 3, from: 'stageStart' });
    assert.ok(recordFields(darlington, 'stage-2').includes('concernJustified'));
  });

  it('DAR-3 stage 3 is recorded on the Professional Challenge Recording Tool, a copy to the business unit', () => {
    const s = stageOf(darlington, 'stage-3');
    assert.equal(s.record, 'recording-tool');
    assert.deepEqual(s.notifyOnEntry, [{ to: ['partnership.businessUnit'], form: 'recording-tool', rule: 'DAR-3' }]);
  });

  it('DAR-4 stage 4 is head of service to head of service, decided as soon as possible', () => {
    const s = stageOf(darlington, 'stage-4');
    assert.deepEqual(s.owners, ['raising.headOfService', 'receiving.headOfService']);
    assert.equal(s.deadline.kind, 'none');
  });

  it('DAR-5 stage 5 reports the five answers to the business unit for the statutory safeguarding partners', () => {
    const s = stageOf(darlington, 'stage-5');
    assert.ok(s.owners.includes('partnership.executive'));
    assert.deepEqual(s.notifyOnEntry, [{ to: ['partnership.businessUnit'], form: 'stage-5-report', rule: 'DAR-5' }]);
    assert.deepEqual(
      formOf(darlington, 'stage-5-report').fields.map((f) => f.label),
      [
        'What was the challenge?',
        'What was done to address the challenge?',
        'What was the outcome of these actions?',
        'How was the issue resolved?',
        'Are the professionals involved satisfied with the outcome?',
      ],
    );
  });

  it('DAR-6 the business unit gives every challenge from stage 3 a log ID, and only it fills the log fields', () => {
    assert.deepEqual(darlington.log, { fromStage: 'stage-3', assignedBy: ['partnership.businessUnit'], rule: 'DAR-6' });
    const businessUnitOnly = formOf(darlington, 'recording-tool').fields.filter((f) => f.completedBy);
    assert.deepEqual(
      businessUnitOnly.map((f) => [f.id, f.completedBy]),
      [
        ['logIdNumber', ['partnership.businessUnit']],
        ['dateRecorded', ['partnership.businessUnit']],
        ['stageResolved', ['partnership.businessUnit']],
      ],
    );
  });

  it('DAR-7 the recording tool holds the raise, the parties, the area, earlier attempts, barriers, the meeting and the result', () => {
    const ids = formOf(darlington, 'recording-tool')
      .fields.filter((f) => f.rule === 'DAR-7')
      .map((f) => f.id);
    assert.deepEqual(ids, [
      'dateRaised',
      'initiatedByName',
      'initiatedByRole',
      'initiatedByOrganisation',
      'raisedWithName',
      'raisedWithRole',
      'raisedWithOrganisation',
      'areaOfDisagreement',
      'monitoringActivity',
      'barriers',
      'managerAgreementName',
      'managerAgreementDate',
      'agenciesToInvite',
      'meetingDate',
      'meetingDiscussion',
      'agreedOutcomeActions',
      'outstandingIssues',
      'dateResolved',
      'nextSteps',
    ]);
  });

  it("DAR-8 areas of disagreement are Darlington's list", () => {
    assert.equal(darlington.areasOfDisagreement.length, 12);
    assert.equal(darlington.areasOfDisagreement[0], 'Response to a safeguarding concern');
    for (const word of [
      'threshold',
      'signs of harm',
      'Mental capacity',
      'best interest',
      'strategy discussion',
      'Recording practices',
      'Executive Strategy Process',
    ]) {
      assert.ok(
        darlington.areasOfDisagreement.some((a) => a.includes(word)),
        word,
      );
    }
    assert.equal(darlington.multipleAreas, false);
  });

  it('DAR-9 covers children and adults at risk', () => {
    assert.deepEqual(darlington.subjects, ['child', 'adult']);
  });
});
