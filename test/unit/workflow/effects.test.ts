/** What the shell is told to do: cards, feedback to the raiser, copies to the partnership, other means of contact. */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import type { Effect } from '../../../src/workflow';
import { castFor, person, Run } from './helpers';

const raised = '2026-12-23T10:00';
const ofType = <T extends Effect['type']>(effects: Effect[], type: T) =>
  effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);

function effectsOf(decision: ReturnType<Run['ok']>): Effect[] {
  assert.ok(decision.ok);
  return decision.effects;
}

describe('workflow: effects', () => {
  it('COM-4 LEE-9 the raiser hears at every stage change, with the new owners and deadline', () => {
    const run = new Run(getProcedure('leeds'));
    assert.deepEqual(ofType(effectsOf(run.raise(raised)), 'feedbackToRaiser'), []);
    const moved = ofType(effectsOf(run.escalate('raising.practitioner', '2026-12-24T10:00')), 'feedbackToRaiser');
    assert.deepEqual(moved, [
      {
        type: 'feedbackToRaiser',
        to: run.c.participants['raising.practitioner']?.[0],
        message:
          'Your challenge on case CR-2026-0042 has moved from Step 1 to Step 2. It is now with the line managers; due by Tue 12 Jan 2027, 5pm.',
      },
    ]);
    for (const [by, when] of [
      ['raising.lineManager', '2026-12-29T10:00'],
      ['raising.headOfService', '2026-12-30T10:00'],
    ] as const) {
      assert.equal(ofType(effectsOf(run.escalate(by, when)), 'feedbackToRaiser').length, 1);
    }
    assert.deepEqual(
      ofType(
        effectsOf(
          run.ok(
            'raising.director',
            { type: 'recordOutcome', values: { letterDate: '2026-12-31' } },
            '2026-12-31T10:00',
          ),
        ),
        'feedbackToRaiser',
      ),
      [],
    );
  });

  it('COM-4 COM-5 NEW-9 at resolution the raiser is told the agreed outcome and how outstanding issues will be pursued', () => {
    const run = new Run(getProcedure('newcastle'));
    run.raise(raised);
    run.escalate('raising.practitioner', '2026-12-24T10:00');
    const decision = run.ok(
      'receiving.practitioner',
      {
        type: 'resolve',
        agreedOutcome: 'Strategy discussion on 4 Jan.',
        outstandingIssues: 'Health to confirm attendance by the core group.',
      },
      '2026-12-29T10:00',
    );
    assert.deepEqual(run.c.resolution, {
      agreedOutcome: 'Strategy discussion on 4 Jan.',
      outstandingIssues: 'Health to confirm attendance by the core group.',
      stageId: 'step-2',
      resolvedAt: '2026-12-29T10:00:00.000Z',
      resolvedBy: 'receiving.practitioner',
    });
    const [feedback] = ofType(effectsOf(decision), 'feedbackToRaiser');
    assert.equal(feedback?.to.id, 'raising.practitioner');
    assert.equal(
      feedback?.message,
      'Your challenge on case CR-2026-0042 was resolved at Step 2. Agreed outcome: Strategy discussion on 4 Jan. Outstanding issues: Health to confirm attendance by the core group.',
    );
  });

  it('COM-5 a challenge can be resolved at any stage, by the stage owners or the raiser; both fields are needed', () => {
    for (const [id, steps, by] of [
      ['dudley', 0, 'receiving.practitioner'],
      ['durham', 2, 'partnership.businessUnit'],
      ['leeds', 1, 'raising.practitioner'],
    ] as const) {
      const run = new Run(getProcedure(id));
      run.raise(raised);
      for (let i = 0; i < steps; i++)
        run.escalate(
          i === 0
            ? 'raising.practitioner'
            : (run.procedure.stages[i]?.escalatedBy?.[0] ?? run.procedure.stages[i]?.owners[0] ?? ''),
          '2026-12-24T10:00',
        );
      assert.equal(
        run.refused(by, { type: 'resolve', agreedOutcome: 'Agreed.', outstandingIssues: '' }, '2026-12-29T10:00').code,
        'invalid',
      );
      assert.equal(
        run.refused(
          'stranger',
          { type: 'resolve', agreedOutcome: 'Agreed.', outstandingIssues: 'None.' },
          '2026-12-29T10:00',
        ).code,
        'notOwner',
      );
      run.ok(by, { type: 'resolve', agreedOutcome: 'Agreed.', outstandingIssues: 'None.' }, '2026-12-29T10:00');
      assert.equal(run.c.resolution?.stageId, run.procedure.stages[steps]?.id);
      assert.equal(
        run.refused(
          by,
          {
            type: 'recordMeeting',
            date: '2026-12-29',
            attendees: ['a'],
            familyAttended: false,
            outcome: 'o',
            actions: '',
          },
          '2026-12-29T11:00',
        ).code,
        'closed',
      );
    }
  });

  it('DUD-1 resolved at stage 1, the partnership is not informed', () => {
    const run = new Run(getProcedure('dudley'));
    const effects = [...effectsOf(run.raise(raised))];
    effects.push(
      ...effectsOf(
        run.ok(
          'raising.practitioner',
          { type: 'recordOutcome', values: { reasons: 'r', outcome: 'Agreed.', recordedOnPersonRecord: true } },
          '2026-12-23T15:00',
        ),
      ),
    );
    effects.push(
      ...effectsOf(
        run.ok(
          'raising.practitioner',
          { type: 'resolve', agreedOutcome: 'Agreed.', outstandingIssues: 'None.' },
          '2026-12-23T16:00',
        ),
      ),
    );
    assert.deepEqual(ofType(effects, 'notifyPartnership'), []);
  });

  it('DUD-3 DUD-5 the resolution at stage 2 or 3 is fed back to the practitioner who raised the concern', () => {
    for (const stages of [1, 2]) {
      const run = new Run(getProcedure('dudley'));
      run.raise(raised);
      run.escalate('raising.practitioner', '2026-12-24T10:00');
      if (stages === 2) run.escalate('raising.lineManager', '2026-12-29T10:00');
      const owner = stages === 1 ? 'receiving.lineManager' : 'receiving.boardRepresentative';
      const feedback = ofType(
        effectsOf(
          run.ok(owner, { type: 'resolve', agreedOutcome: 'Agreed.', outstandingIssues: 'None.' }, '2026-12-30T10:00'),
        ),
        'feedbackToRaiser',
      );
      assert.match(feedback[0]?.message ?? '', new RegExp(`resolved at Stage ${stages + 1}`));
    }
  });

  it('DUR-11 the QRT business manager is copied on every new challenge with the Compliance Challenge Form', () => {
    const run = new Run(getProcedure('durham'));
    const copies = ofType(effectsOf(run.raise(raised, { familyName: 'Smithson' })), 'notifyPartnership');
    assert.deepEqual(
      copies.map((c) => [c.roles, c.formId, c.rule, c.to.map((p) => p.id)]),
      [[['partnership.businessUnit'], 'compliance-challenge-form', 'DUR-11', ['partnership.businessUnit']]],
    );
  });

  it("COM-2 stage cards go to the new stage's owners", () => {
    const run = new Run(getProcedure('durham'));
    const first = effectsOf(run.raise(raised, { familyName: 'Smithson' }));
    assert.deepEqual(
      ofType(first, 'sendStageCard').map((e) => e.to.map((p) => p.id)),
      [['raising.practitioner', 'receiving.practitioner']],
    );
    const second = effectsOf(run.escalate('raising.practitioner', '2026-12-24T10:00'));
    assert.deepEqual(
      ofType(second, 'sendStageCard').map((e) => e.to.map((p) => p.id)),
      [['raising.practitioner', 'receiving.lineManager', 'receiving.safeguardingLead']],
    );
  });

  it('an owner the bot cannot reach (external, or no bot) is contacted by other means: the raising side is told who', () => {
    const procedure = getProcedure('leeds');
    const participants = castFor(procedure);
    const external = person('receiving.lineManager', {
      name: 'GP practice manager',
      external: true,
      reachable: false,
      phone: '0113 000 0000',
    });
    participants['receiving.lineManager'] = [external];
    const run = new Run(procedure);
    run.raise(raised, { participants });
    const effects = effectsOf(run.escalate('raising.practitioner', '2026-12-24T10:00'));
    assert.deepEqual(
      ofType(effects, 'sendStageCard').map((e) => e.to.map((p) => p.id)),
      [['raising.lineManager']],
    );
    assert.deepEqual(ofType(effects, 'contactByOtherMeans'), [
      {
        type: 'contactByOtherMeans',
        tell: participants['raising.lineManager'],
        unreachable: [external],
        stageId: 'step-2',
      },
    ]);
  });
});
