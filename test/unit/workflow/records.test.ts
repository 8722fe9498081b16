/** Meetings, partnership notification forms and the partnership log. */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import { allowedCommands, type Command } from '../../../src/workflow';
import { Run, validValues } from './helpers';

const raised = '2026-12-23T10:00';
const meeting: Extract<Command, { type: 'recordMeeting' }> = {
  type: 'recordMeeting',
  date: '2026-12-30',
  attendees: ['Social worker', 'School DSL'],
  familyAttended: true,
  outcome: 'Plan revised.',
  actions: 'Review on 8 Jan.',
};

function leedsAt3a(): Run {
  const run = new Run(getProcedure('leeds'));
  run.raise(raised);
  run.escalate('raising.practitioner', '2026-12-24T10:00', { to: 'step-3a' });
  return run;
}

describe('workflow: meetings', () => {
  it('LEE-12 a meeting records whether the family attended, who ran it and at which stage', () => {
    const run = leedsAt3a();
    run.ok('receiving.headOfService', meeting, '2026-12-30T16:00');
    const { type: _type, ...fields } = meeting;
    assert.deepEqual(run.c.meetings, [
      { ...fields, attendees: [...fields.attendees], recordedBy: 'receiving.headOfService', stageId: 'step-3a' },
    ]);
    const noFamily = run.refused(
      'receiving.headOfService',
      { ...meeting, familyAttended: undefined as unknown as boolean },
      '2026-12-30T16:00',
    );
    assert.match(noFamily.reason, /whether the family attended/);
  });

  it('DAR-3 the interagency meeting is recorded by anyone on the challenge, with its attendees; not by a stranger', () => {
    const run = new Run(getProcedure('darlington'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    run.escalate('raising.lineManager', '2026-12-29T10:00');
    run.ok('receiving.practitioner', meeting, '2026-12-30T16:00');
    assert.equal(run.refused('stranger', meeting, '2026-12-30T16:00').code, 'notOwner');
    assert.equal(
      run.refused('receiving.practitioner', { ...meeting, attendees: [] }, '2026-12-30T16:00').code,
      'invalid',
    );
    assert.equal(
      run.refused('receiving.practitioner', { ...meeting, date: '30 Dec' }, '2026-12-30T16:00').code,
      'invalid',
    );
  });

  it('DUR-5 DUR-6 the business manager records the stage 3 and stage 4 meetings with their dates', () => {
    const run = new Run(getProcedure('durham'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    run.escalate('raising.practitioner', '2026-12-29T10:00');
    run.ok('partnership.businessUnit', { ...meeting, date: '2026-12-31' }, '2026-12-31T16:00');
    run.ok(
      'partnership.businessUnit',
      {
        type: 'recordOutcome',
        values: {
          meetingRecord: 'Actions agreed.',
          dateOfMeeting: '2026-12-31',
          dateResolvedOrProgressed: '2027-01-04',
        },
      },
      '2027-01-04T10:00',
    );
    run.escalate('raising.practitioner', '2027-01-04T11:00');
    run.ok('partnership.businessUnit', { ...meeting, date: '2027-01-06' }, '2027-01-06T16:00');
    assert.deepEqual(
      run.c.meetings.map((m) => [m.stageId, m.date]),
      [
        ['stage-3', '2026-12-31'],
        ['stage-4', '2027-01-06'],
      ],
    );
  });
});

describe('workflow: partnership notifications', () => {
  it('LEE-3 entering step 3a notifies the partnership with the Stage 3 Notifications and Outcomes Form', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    const decision = run.escalate('raising.practitioner', '2026-12-24T10:00', { to: 'step-3a' });
    assert.ok(decision.ok);
    const notice = decision.effects.find((e) => e.type === 'notifyPartnership');
    assert.deepEqual(notice, {
      type: 'notifyPartnership',
      to: [run.c.participants['partnership.businessUnit']?.[0]],
      roles: ['partnership.businessUnit'],
      stageId: 'step-3a',
      formId: 'stage-3-notification',
      rule: 'LEE-3',
    });
  });

  it('LEE-11 the notification form records the notifier, agencies, concerns and steps taken; the head of service sends it', () => {
    const run = leedsAt3a();
    const form = run.procedure.forms.find((f) => f.id === 'stage-3-notification');
    assert.ok(form);
    const incomplete = run.refused(
      'raising.headOfService',
      { type: 'recordNotification', formId: form.id, values: { notifierName: 'A' } },
      '2026-12-29T10:00',
    );
    assert.match(incomplete.reason, /"Agencies involved" is required/);
    assert.equal(
      run.refused(
        'raising.practitioner',
        { type: 'recordNotification', formId: form.id, values: validValues(form) },
        '2026-12-29T10:00',
      ).code,
      'notOwner',
    );
    run.ok(
      'raising.headOfService',
      { type: 'recordNotification', formId: form.id, values: validValues(form) },
      '2026-12-29T10:00',
    );
    assert.equal(run.c.notifications[0]?.recordedBy, 'raising.headOfService');
    assert.equal(run.c.notifications[0]?.stageId, 'step-3a');
  });

  it('LEE-4 LEE-5 step 3b and stage 4 notify the partnership again with the same form', () => {
    const run = leedsAt3a();
    const at3b = run.escalate('raising.headOfService', '2026-12-29T10:00');
    const at4 = run.escalate('raising.director', '2026-12-30T10:00');
    for (const [decision, rule] of [
      [at3b, 'LEE-4'],
      [at4, 'LEE-5'],
    ] as const) {
      assert.ok(decision.ok);
      assert.ok(
        decision.effects.some(
          (e) => e.type === 'notifyPartnership' && e.formId === 'stage-3-notification' && e.rule === rule,
        ),
      );
    }
  });

  it('DUR-4 at stage 2 the line manager is sent the Compliance Challenge Form', () => {
    const run = new Run(getProcedure('durham'));
    run.raise(raised, { familyName: 'Smithson' });
    const decision = run.escalate('raising.practitioner', '2026-12-24T10:00');
    assert.ok(
      decision.ok &&
        decision.effects.some(
          (e) =>
            e.type === 'notifyPartnership' &&
            e.formId === 'compliance-challenge-form' &&
            e.roles.includes('receiving.lineManager'),
        ),
    );
  });

  it('DUD-6 the Professional Challenge and Resolution Template goes to the business manager at stage 4', () => {
    const run = new Run(getProcedure('dudley'));
    run.raise(raised);
    assert.equal(
      run.refused(
        'raising.practitioner',
        { type: 'recordNotification', formId: 'challenge-resolution-template', values: {} },
        '2026-12-23T11:00',
      ).code,
      'notAllowed',
    );
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    run.escalate('raising.lineManager', '2026-12-29T10:00');
    run.escalate('raising.seniorManager', '2026-12-30T10:00');
    const form = run.procedure.forms.find((f) => f.id === 'challenge-resolution-template');
    assert.ok(form);
    run.ok(
      'partnership.businessUnit',
      { type: 'recordNotification', formId: form.id, values: validValues(form) },
      '2026-12-31T10:00',
    );
    assert.equal(run.c.notifications[0]?.formId, 'challenge-resolution-template');
  });

  it('DAR-3 a copy of the recording tool goes to the business unit at stage 3; DAR-5 the stage 5 report at stage 5', () => {
    const run = new Run(getProcedure('darlington'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    const at3 = run.escalate('raising.lineManager', '2026-12-29T10:00');
    assert.ok(
      at3.ok &&
        at3.effects.some((e) => e.type === 'notifyPartnership' && e.formId === 'recording-tool' && e.rule === 'DAR-3'),
    );
    const tool = run.procedure.forms.find((f) => f.id === 'recording-tool');
    assert.ok(tool);
    run.ok(
      'raising.lineManager',
      { type: 'recordNotification', formId: 'recording-tool', values: validValues(tool, ['raising.lineManager']) },
      '2026-12-30T10:00',
    );
    run.escalate('raising.lineManager', '2026-12-30T11:00');
    const at5 = run.escalate('raising.headOfService', '2026-12-31T10:00');
    assert.ok(
      at5.ok &&
        at5.effects.some((e) => e.type === 'notifyPartnership' && e.formId === 'stage-5-report' && e.rule === 'DAR-5'),
    );
    const report = run.procedure.forms.find((f) => f.id === 'stage-5-report');
    assert.ok(report);
    assert.match(
      run.refused(
        'partnership.businessUnit',
        { type: 'recordNotification', formId: 'stage-5-report', values: { whatWasTheChallenge: 'x' } },
        '2026-12-31T11:00',
      ).reason,
      /"How was the issue resolved\?" is required/,
    );
    run.ok(
      'partnership.businessUnit',
      { type: 'recordNotification', formId: 'stage-5-report', values: validValues(report) },
      '2026-12-31T11:00',
    );
    assert.deepEqual(
      run.c.notifications.map((n) => [n.formId, n.stageId]),
      [
        ['recording-tool', 'stage-3'],
        ['stage-5-report', 'stage-5'],
      ],
    );
  });
});

describe('workflow: the partnership log', () => {
  it('DAR-6 the business unit gives a stage 3+ challenge a log ID, once; not before stage 3 and not anyone else', () => {
    const procedure = getProcedure('darlington');
    const run = new Run(procedure);
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    const early = run.refused(
      'partnership.businessUnit',
      { type: 'assignLogId', logId: 'PCL-2026-017' },
      '2026-12-24T11:00',
    );
    assert.equal(early.reason, 'A log ID is given from Stage 3 on.');
    run.escalate('raising.lineManager', '2026-12-29T10:00');
    assert.equal(
      run.refused('raising.lineManager', { type: 'assignLogId', logId: 'PCL-2026-017' }, '2026-12-29T11:00').code,
      'notOwner',
    );
    assert.ok(
      allowedCommands(procedure, run.c, 'partnership.businessUnit', new Date('2026-12-29T11:00:00Z')).includes(
        'assignLogId',
      ),
    );
    run.ok('partnership.businessUnit', { type: 'assignLogId', logId: ' PCL-2026-017 ' }, '2026-12-29T11:00');
    assert.equal(run.c.logId, 'PCL-2026-017');
    assert.match(
      run.refused('partnership.businessUnit', { type: 'assignLogId', logId: 'PCL-2026-018' }, '2026-12-29T12:00')
        .reason,
      /already has log ID PCL-2026-017/,
    );
    run.escalate('raising.lineManager', '2026-12-30T10:00');
    assert.ok(
      !allowedCommands(procedure, run.c, 'partnership.businessUnit', new Date('2026-12-30T11:00:00Z')).includes(
        'assignLogId',
      ),
    );
  });

  it('DAR-6 a procedure without a log refuses a log ID', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    assert.equal(
      run.refused('partnership.businessUnit', { type: 'assignLogId', logId: 'X' }, '2026-12-23T11:00').reason,
      'This partnership keeps no challenge log.',
    );
  });
});
