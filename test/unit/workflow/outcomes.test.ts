/** Stage outcomes are recorded on the stage's own form, by its owners, and never rewritten (COM-3). */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import { replay } from '../../../src/workflow';
import { Run } from './helpers';

const raised = '2026-12-23T10:00';

describe('workflow: stage outcomes', () => {
  it('COM-3 a correction is a new entry: the snapshot shows the latest, the events keep both, with who and when', () => {
    const run = new Run(getProcedure('dudley'));
    run.raise(raised);
    run.ok(
      'raising.practitioner',
      { type: 'recordOutcome', values: { reasons: 'Thresholds.', outcome: 'Not agreed.' } },
      '2026-12-23T11:00',
    );
    run.ok(
      'receiving.practitioner',
      { type: 'recordOutcome', values: { reasons: 'Thresholds.', outcome: 'Not agreed; meeting offered.' } },
      '2026-12-23T12:00',
    );
    assert.deepEqual(run.stage.outcome, { reasons: 'Thresholds.', outcome: 'Not agreed; meeting offered.' });
    assert.equal(run.stage.outcomeRecordedBy, 'receiving.practitioner');
    assert.equal(run.stage.outcomeRecordedAt, '2026-12-23T12:00:00.000Z');
    const recorded = run.events.filter((e) => e.type === 'StageOutcomeRecorded');
    assert.deepEqual(
      recorded.map((e) => [e.by.id, e.at]),
      [
        ['raising.practitioner', '2026-12-23T11:00:00.000Z'],
        ['receiving.practitioner', '2026-12-23T12:00:00.000Z'],
      ],
    );
    assert.deepEqual(replay(run.events.slice(0, 3)).stages[0]?.outcome, {
      reasons: 'Thresholds.',
      outcome: 'Not agreed.',
    });
  });

  const rows: [
    rule: string,
    partnership: string,
    escalations: string[],
    by: string,
    values: Record<string, unknown>,
    problem: RegExp,
  ][] = [
    [
      'DUD-3 stage 2 states the problem and the aim explicitly',
      'dudley',
      ['raising.practitioner'],
      'raising.lineManager',
      { outcome: 'o' },
      /"What the problem is" is required; "What the practitioners aim to achieve" is required/,
    ],
    [
      'NEW-3 both professionals give their reasons in writing',
      'newcastle',
      ['raising.practitioner'],
      'raising.practitioner',
      { raisingAgencyReasons: 'r', outcome: 'o' },
      /"Other agency's reasons for its safeguarding concerns and approach" is required/,
    ],
    [
      'NEW-4 the date this protocol was formally invoked is a real date',
      'newcastle',
      ['raising.practitioner', 'raising.practitioner'],
      'raising.lineManager',
      { protocolInvokedOn: '31/12/2026', discussion: 'd', outcome: 'o' },
      /must be a date/,
    ],
    [
      'LEE-1 the written record says who it was shared with',
      'leeds',
      [],
      'raising.practitioner',
      { evidenceBasedReason: 'e' },
      /"Written record shared with" is required/,
    ],
    [
      'DUR-8 each stage records the date it was resolved or progressed',
      'durham',
      ['raising.practitioner'],
      'receiving.lineManager',
      { lineManagersResponse: 'Report sent today.' },
      /"Date resolved \/ progressed" is required/,
    ],
    [
      'DUR-7 stage 5 records the reasons for escalation with the date escalated',
      'durham',
      ['raising.practitioner', 'raising.practitioner', 'raising.practitioner', 'raising.practitioner'],
      'partnership.executive',
      { reasonsForEscalation: 'r' },
      /"Date escalated" is required/,
    ],
    [
      'DAR-7 the recording tool asks for the barriers to resolution',
      'darlington',
      ['raising.practitioner', 'raising.lineManager'],
      'raising.lineManager',
      { dateRaised: '2026-12-23' },
      /"What do you see as the barriers towards reaching a resolution\?" is required/,
    ],
    [
      'DAR-7 the log boxes of the recording tool are for the business unit only',
      'darlington',
      ['raising.practitioner', 'raising.lineManager'],
      'raising.lineManager',
      { logIdNumber: 'PCL-1' },
      /"ID Number" is filled in by someone else/,
    ],
    [
      'NEW-8 the urgent review records whether the service manager upheld the decision (yes or no)',
      'newcastle',
      [],
      'raising.practitioner',
      {},
      /.+/,
    ],
    [
      'DUR-9 a field outside the form is refused',
      'durham',
      [],
      'raising.practitioner',
      { discussion: 'd', resolvedInformally: false, familyName: 'Smithson' },
      /"familyName" is not a field/,
    ],
  ];
  for (const [rule, partnership, escalations, by, values, problem] of rows) {
    it(`${rule}: a record without it is refused`, () => {
      const run = new Run(getProcedure(partnership));
      run.raise(raised);
      for (const who of escalations) run.escalate(who, '2026-12-23T11:00');
      if (rule.startsWith('NEW-8')) {
        run.escalate('raising.safeguardingLead', '2026-12-23T11:00', { route: 'immediate' });
        const refusal = run.refused(
          'receiving.serviceManager',
          { type: 'recordOutcome', values: { leadAgreed: ['L'], decisionUpheld: 'yes', outcome: 'o' } },
          '2026-12-23T12:00',
        );
        assert.match(refusal.reason, /"The Service Manager upheld the decision" must be yes or no/);
        return;
      }
      const refusal = run.refused(by, { type: 'recordOutcome', values }, '2026-12-23T12:00');
      assert.equal(refusal.code, 'invalid');
      assert.match(refusal.reason, problem);
    });
  }

  it('DUD-7 outcomes at stages 2 and 3 stay on the challenge for the partnership to ask for; no partnership notice before stage 4', () => {
    const run = new Run(getProcedure('dudley'));
    const effects = [run.raise(raised)];
    effects.push(run.escalate('raising.practitioner', '2026-12-24T10:00'));
    run.ok(
      'receiving.safeguardingLead',
      { type: 'recordOutcome', values: { problem: 'p', aim: 'a', outcome: 'Stage 2 outcome.' } },
      '2026-12-29T10:00',
    );
    effects.push(run.escalate('raising.safeguardingLead', '2026-12-30T10:00'));
    run.ok(
      'receiving.boardRepresentative',
      { type: 'recordOutcome', values: { representatives: ['DSCPG rep'], outcome: 'Stage 3 outcome.' } },
      '2027-01-04T10:00',
    );
    assert.deepEqual(
      run.c.stages.map((s) => s.outcome?.outcome),
      [undefined, 'Stage 2 outcome.', 'Stage 3 outcome.'],
    );
    assert.ok(effects.every((d) => d.ok && !d.effects.some((e) => e.type === 'notifyPartnership')));
    const toStage4 = run.escalate('raising.seniorManager', '2027-01-05T10:00');
    assert.ok(
      toStage4.ok &&
        toStage4.effects.some((e) => e.type === 'notifyPartnership' && e.formId === 'challenge-resolution-template'),
    );
  });

  it('DUR-8 the stage record keeps the date each stage was progressed or resolved', () => {
    const run = new Run(getProcedure('durham'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    run.ok(
      'raising.practitioner',
      { type: 'resolve', agreedOutcome: 'Report received.', outstandingIssues: 'None.' },
      '2026-12-30T15:00',
    );
    assert.deepEqual(
      run.c.stages.map((s) => [s.stageId, s.endedAt, s.endedBy]),
      [
        ['stage-1', '2026-12-24T10:00:00.000Z', 'escalated'],
        ['stage-2', '2026-12-30T15:00:00.000Z', 'resolved'],
      ],
    );
  });
});
