import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { formOf, procedures, stageOf } from '../../../src/procedures/index';
import { durham, ladder, recordFields } from './support';

const durhamIssues = [
  'Reports not sent to QRT within timescales to be shared with professional',
  'Reports not shared with family within timescale for meeting',
  'Lack of attendance at core groups/care team meetings/conference',
  'Not completing or progressing an action in a plan that is causing delay',
  'Lack of report',
  'Other',
];

describe('Durham procedure data', () => {
  it('DUR-1 challenges are raised by the Independent Reviewing Officer, about children', () => {
    assert.deepEqual(durham.raisedBy, ['Independent Reviewing Officer']);
    assert.deepEqual(durham.subjects, ['child']);
    assert.equal(stageOf(durham, 'stage-1').owners[0], 'raising.practitioner');
  });

  it('DUR-2 five stages', () => {
    assert.deepEqual(
      ladder(durham).map((s) => s.label),
      ['Stage 1', 'Stage 2', 'Stage 3', 'Stage 4', 'Stage 5'],
    );
  });

  it("DUR-2 stages 1 to 4 take the form's 1, 3, 5 and 7 working days, adding up to the stated 16", () => {
    const days = ['stage-1', 'stage-2', 'stage-3', 'stage-4'].map((id) => {
      const d = stageOf(durham, id).deadline;
      assert.equal(d.kind === 'workingDays' && d.from, 'stageStart', id);
      return d.kind === 'workingDays' ? d.days : NaN;
    });
    assert.deepEqual(days, [1, 3, 5, 7]);
    assert.equal(
      days.reduce((a, b) => a + b, 0),
      16,
    );
  });

  it('DUR-2 the whole process is capped at 16 working days from the raise; stage 5 has no timescale', () => {
    assert.deepEqual(durham.caps, [
      {
        label: 'The process is completed in its entirety within 16 working days',
        stages: ['stage-1', 'stage-2', 'stage-3', 'stage-4'],
        rule: { kind: 'workingDays', days: 16, from: 'raised' },
        rule_id: 'DUR-2',
      },
    ]);
    assert.equal(stageOf(durham, 'stage-5').deadline.kind, 'none');
  });

  it('DUR-3 stage 1 is the IRO and the professional; only the IRO moves it on', () => {
    const s = stageOf(durham, 'stage-1');
    assert.deepEqual(s.owners, ['raising.practitioner', 'receiving.practitioner']);
    assert.deepEqual(s.escalatedBy, ['raising.practitioner']);
    assert.ok(recordFields(durham, 'stage-1').includes('resolvedInformally'));
  });

  it('DUR-4 stage 2 sends the Compliance Challenge Form to the line manager, who may involve their safeguarding lead', () => {
    const s = stageOf(durham, 'stage-2');
    assert.deepEqual(s.owners, ['raising.practitioner', 'receiving.lineManager', 'receiving.safeguardingLead']);
    assert.deepEqual(s.notifyOnEntry, [
      { to: ['receiving.lineManager'], form: 'compliance-challenge-form', rule: 'DUR-4' },
    ]);
    assert.deepEqual(recordFields(durham, 'stage-2'), ['lineManagersResponse', 'dateResolvedOrProgressed']);
  });

  it("DUR-5 stage 3 brings in the DSCP Business Manager and the agency's safeguarding lead, and records the meeting", () => {
    assert.deepEqual(stageOf(durham, 'stage-3').owners, [
      'raising.practitioner',
      'partnership.businessUnit',
      'receiving.safeguardingLead',
    ]);
    assert.deepEqual(recordFields(durham, 'stage-3'), ['meetingRecord', 'dateOfMeeting', 'dateResolvedOrProgressed']);
  });

  it('DUR-6 stage 4 is stage 3 at the next level, with the same record', () => {
    assert.deepEqual(recordFields(durham, 'stage-4'), recordFields(durham, 'stage-3'));
    assert.ok(stageOf(durham, 'stage-4').owners.includes('partnership.businessUnit'));
    assert.deepEqual(stageOf(durham, 'stage-4').escalatedBy, ['raising.practitioner', 'partnership.businessUnit']);
  });

  it('DUR-7 stage 5 goes to the partnership executive with the reasons and the date escalated', () => {
    assert.ok(stageOf(durham, 'stage-5').owners.includes('partnership.executive'));
    assert.deepEqual(recordFields(durham, 'stage-5'), ['reasonsForEscalation', 'dateEscalated']);
  });

  it('DUR-8 stages 2 to 4 record the date resolved or progressed', () => {
    for (const id of ['stage-2', 'stage-3', 'stage-4']) {
      assert.ok(recordFields(durham, id).includes('dateResolvedOrProgressed'), id);
    }
  });

  it("DUR-9 identified issues are Durham's own six, one or more of them", () => {
    assert.deepEqual(durham.areasOfDisagreement, durhamIssues);
    assert.equal(durham.multipleAreas, true);
    const issue = formOf(durham, 'compliance-challenge-form').fields.find((f) => f.id === 'identifiedIssue');
    assert.equal(issue?.kind, 'multiChoice');
    assert.deepEqual(issue?.choices, durhamIssues);
  });

  it('DUR-10 the raise form asks for the family name, and only Durham asks', () => {
    assert.equal(durham.raiseForm.familyName, true);
    assert.deepEqual(
      procedures.filter((p) => p.raiseForm.familyName).map((p) => p.id),
      ['durham'],
    );
  });

  it('DUR-10 the Compliance Challenge Form header holds the family name, people, dates and the IRO concern', () => {
    assert.deepEqual(
      formOf(durham, 'compliance-challenge-form').fields.map((f) => f.label),
      [
        'Family name',
        'IRO',
        'Professional',
        'Line Manager',
        'Date form sent',
        'Date response required',
        'Name of Safeguarding Lead',
        'Date of escalation',
        'Identified Issue',
        "The IRO's concern and what we would like to see happening",
      ],
    );
  });

  it('DUR-11 the QRT business manager is copied on every challenge; a repeat pattern goes to the IRO service manager', () => {
    assert.deepEqual(durham.copyOnRaise, [
      { to: ['partnership.businessUnit'], form: 'compliance-challenge-form', rule: 'DUR-11' },
    ]);
    assert.deepEqual(durham.repeatPattern?.tell, ['raising.serviceManagerOversight']);
    assert.ok((durham.repeatPattern?.threshold ?? 0) >= 2);
  });
});
