/** Escalation: up the ladder by default, to a named later stage only where listed, the immediate route, and who may escalate. */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import { castFor, Run } from './helpers';

const raised = '2026-12-23T10:00';

describe('workflow: escalation', () => {
  it('DUD-2 unresolved at stage 1, the practitioner escalates to stage 2, owned by line managers and safeguarding leads', () => {
    const run = new Run(getProcedure('dudley'));
    run.raise(raised);
    const refusal = run.refused('receiving.practitioner', { type: 'escalate', reason: 'x' }, '2026-12-24T10:00');
    assert.equal(refusal.code, 'notOwner');
    assert.equal(
      refusal.reason,
      'Only the raiser can escalate from Stage 1; you are the professional the challenge is raised with.',
    );
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    assert.equal(run.c.stageId, 'stage-2');
    const notOwner = run.refused('raising.practitioner', { type: 'recordOutcome', values: {} }, '2026-12-24T11:00');
    assert.equal(notOwner.reason, 'Stage 2 is owned by the line managers and safeguarding leads; you are the raiser.');
  });

  it('DUD-5 at stage 3 a senior manager escalates (to the partnership executive); the other side cannot', () => {
    const run = new Run(getProcedure('dudley'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    run.escalate('raising.lineManager', '2026-12-29T10:00');
    assert.equal(run.c.stageId, 'stage-3');
    assert.equal(
      run.refused('receiving.boardRepresentative', { type: 'escalate', reason: 'x' }, '2026-12-30T10:00').code,
      'notOwner',
    );
    run.escalate('raising.seniorManager', '2026-12-30T10:00');
    assert.equal(run.c.stageId, 'stage-4');
  });

  it('DUR-3 the IRO decides whether stage 1 is resolved informally: only the IRO escalates', () => {
    const run = new Run(getProcedure('durham'));
    run.raise(raised);
    assert.equal(
      run.refused('receiving.practitioner', { type: 'escalate', reason: 'x' }, '2026-12-24T10:00').code,
      'notOwner',
    );
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    assert.equal(run.c.stageId, 'stage-2');
  });

  it('DUR-5 the IRO escalates to the DSCP business manager, who owns stage 3 with the agency safeguarding lead', () => {
    const run = new Run(getProcedure('durham'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    run.escalate('raising.practitioner', '2026-12-29T10:00', { reason: 'Recurring: third late report this year.' });
    assert.equal(run.c.stageId, 'stage-3');
    assert.ok(run.c.participants['partnership.businessUnit']);
    run.ok(
      'partnership.businessUnit',
      { type: 'pause', reason: 'Safeguarding lead on leave until Monday.' },
      '2026-12-29T11:00',
    );
  });

  it('DUR-6 at stage 4 the business manager may also escalate to the executive', () => {
    const run = new Run(getProcedure('durham'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    run.escalate('raising.practitioner', '2026-12-29T10:00');
    run.escalate('raising.practitioner', '2026-12-30T10:00');
    run.escalate('partnership.businessUnit', '2026-12-31T10:00');
    assert.equal(run.c.stageId, 'stage-5');
  });

  it("DAR-2 the raiser's manager decides whether to take it on; the receiving manager cannot escalate", () => {
    const run = new Run(getProcedure('darlington'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    assert.equal(
      run.refused('receiving.lineManager', { type: 'escalate', reason: 'x' }, '2026-12-29T10:00').code,
      'notOwner',
    );
    run.escalate('raising.lineManager', '2026-12-29T10:00');
    assert.equal(run.c.stageId, 'stage-3');
  });

  it('LEE-10 a serious or urgent issue may go straight from step 1 to head of service (step 3a), recorded as a skip', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    const decision = run.escalate('raising.practitioner', '2026-12-24T10:00', {
      to: 'step-3a',
      reason: 'Child left at home with the new partner.',
    });
    assert.ok(decision.ok);
    assert.equal(run.c.stageId, 'step-3a');
    const escalated = decision.events.find((e) => e.type === 'Escalated');
    assert.deepEqual(escalated?.data, {
      from: 'step-1',
      to: 'step-3a',
      reason: 'Child left at home with the new partner.',
      route: 'skip',
    });
  });

  it('LEE-10 only a stage listed in escalateTo may be named: step 2 cannot jump to stage 4', () => {
    const run = new Run(getProcedure('leeds'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    const refusal = run.refused(
      'raising.lineManager',
      { type: 'escalate', to: 'stage-4', reason: 'x' },
      '2026-12-29T10:00',
    );
    assert.equal(refusal.code, 'notAllowed');
    assert.equal(refusal.reason, 'From Step 2 a challenge goes to Step 3a.');
  });

  it('NEW-7 step 6 (the partnership coordinator) is the last step: it can be resolved but not escalated', () => {
    const run = new Run(getProcedure('newcastle'));
    run.raise(raised);
    for (const by of [
      'raising.practitioner',
      'raising.practitioner',
      'raising.lineManager',
      'raising.lineManager',
      'raising.director',
    ]) {
      run.escalate(by, '2026-12-24T10:00');
    }
    assert.equal(run.c.stageId, 'step-6');
    const refusal = run.refused('raising.director', { type: 'escalate', reason: 'x' }, '2026-12-29T10:00');
    assert.equal(refusal.code, 'notAllowed');
    assert.match(refusal.reason, /Step 6 is the last stage/);
    run.ok(
      'partnership.coordinator',
      { type: 'resolve', agreedOutcome: 'Reported to the partnership.', outstandingIssues: 'None.' },
      '2026-12-29T10:00',
    );
  });

  it('NEW-8 the safeguarding lead agrees immediate escalation to the service manager, then to the head of service', () => {
    const run = new Run(getProcedure('newcastle'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-23T11:00');
    const refusal = run.refused(
      'raising.practitioner',
      { type: 'escalate', route: 'immediate', reason: 'x' },
      '2026-12-23T12:00',
    );
    assert.equal(refusal.code, 'notOwner');
    assert.match(
      refusal.reason,
      /immediate route is agreed by the raising agency's safeguarding lead; you are the raiser/,
    );
    const decision = run.escalate('raising.safeguardingLead', '2026-12-23T12:00', {
      route: 'immediate',
      reason: 'Significant risk tonight.',
    });
    assert.ok(decision.ok);
    assert.equal(run.c.stageId, 'immediate');
    assert.equal(decision.events.find((e) => e.type === 'Escalated')?.data.route, 'immediate');
    assert.equal(run.stage.deadline, '2026-12-24T17:00:00.000Z');
    assert.match(
      run.refused('raising.safeguardingLead', { type: 'escalate', route: 'immediate', reason: 'x' }, '2026-12-23T13:00')
        .reason,
      /already on the immediate route/,
    );
    run.ok(
      'receiving.serviceManager',
      {
        type: 'recordOutcome',
        values: { leadAgreed: ['Lead'], decisionUpheld: true, concernsRemainHigh: true, outcome: 'Upheld.' },
      },
      '2026-12-24T09:00',
    );
    assert.equal(
      run.refused('raising.practitioner', { type: 'escalate', reason: 'x' }, '2026-12-24T10:00').code,
      'notOwner',
    );
    run.escalate('raising.safeguardingLead', '2026-12-24T10:00', {
      reason: 'Decision upheld; concerns remain immediately high.',
    });
    assert.equal(run.c.stageId, 'immediate-head-of-service');
    assert.equal(run.stage.deadline, '2026-12-29T17:00:00.000Z');
  });

  it('NEW-8 the immediate route is refused in a procedure that has none', () => {
    const run = new Run(getProcedure('dudley'));
    run.raise(raised);
    const refusal = run.refused(
      'raising.practitioner',
      { type: 'escalate', route: 'immediate', reason: 'x' },
      '2026-12-23T11:00',
    );
    assert.equal(refusal.reason, 'The Dudley Safeguarding People Partnership procedure has no immediate route.');
  });

  it('an escalation needs a reason, and a stale card cannot escalate', () => {
    const run = new Run(getProcedure('dudley'));
    run.raise(raised);
    assert.equal(
      run.refused('raising.practitioner', { type: 'escalate', reason: ' ' }, '2026-12-23T11:00').code,
      'invalid',
    );
    run.ok(
      'raising.practitioner',
      { type: 'recordOutcome', values: { reasons: 'r', outcome: 'o' } },
      '2026-12-23T11:00',
    );
    assert.equal(
      run.refused('raising.practitioner', { type: 'escalate', reason: 'x' }, '2026-12-23T12:00', { expectedVersion: 2 })
        .code,
      'stale',
    );
  });

  it('NEW-4 NEW-5 NEW-6 steps 3 to 5 belong to the line managers / leads, the service manager, then the assistant directors', () => {
    const procedure = getProcedure('newcastle');
    const run = new Run(procedure);
    run.raise(raised, { participants: castFor(procedure) });
    run.escalate('raising.practitioner', '2026-12-23T11:00');
    run.escalate('raising.practitioner', '2026-12-23T12:00');
    assert.match(
      run.refused('raising.practitioner', { type: 'recordOutcome', values: {} }, '2026-12-23T13:00').reason,
      /^Step 3 is owned by the line managers and safeguarding leads/,
    );
    run.escalate('raising.safeguardingLead', '2026-12-23T13:00');
    assert.match(
      run.refused('receiving.lineManager', { type: 'recordOutcome', values: {} }, '2026-12-23T14:00').reason,
      /receiving agency's service manager/,
    );
    run.escalate('raising.lineManager', '2026-12-23T14:00');
    assert.match(
      run.refused('raising.lineManager', { type: 'recordOutcome', values: {} }, '2026-12-23T15:00').reason,
      /^Step 5 is owned by the directors/,
    );
  });
});

describe('workflow: who each stage starts with', () => {
  it('NEW-2 step 1 is the worker with their co-workers and safeguarding lead: the other agency is not yet involved', () => {
    const run = new Run(getProcedure('newcastle'));
    const decision = run.raise(raised);
    assert.ok(decision.ok);
    const cards = decision.effects.filter((e) => e.type === 'sendStageCard');
    assert.deepEqual(
      cards.map((e) => e.type === 'sendStageCard' && e.to.map((p) => p.id)),
      [['raising.practitioner', 'raising.safeguardingLead']],
    );
    run.ok(
      'raising.safeguardingLead',
      { type: 'recordOutcome', values: { consulted: "Professionals' meeting", outcome: 'Go to step 2.' } },
      '2026-12-23T11:00',
    );
    const refusal = run.refused(
      'receiving.practitioner',
      { type: 'recordOutcome', values: { consulted: 'x', outcome: 'y' } },
      '2026-12-23T11:00',
    );
    assert.equal(
      refusal.reason,
      "Step 1 is owned by the raiser and the raising agency's safeguarding lead; you are the professional the challenge is raised with.",
    );
  });
});
