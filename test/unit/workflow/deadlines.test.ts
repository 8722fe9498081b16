/**
 * Stage deadlines fixed at entry: the stage's own rule, capped by every overall limit that
 * lists it, and a late start flagged against startBy. Raised on Wed 23 Dec 2026, so every
 * table row crosses Christmas Day, the substitute Boxing Day (Mon 28 Dec) and New Year's Day.
 */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import { london, Run } from './helpers';

const raisedAt = '2026-12-23T10:00';

interface Row {
  rule: string;
  partnership: string;
  /** [escalated by, at] steps after the raise, in order. */
  steps: [string, string, string?][];
  stage: string;
  due: string | undefined;
  startedLate?: boolean;
}

const rows: Row[] = [
  {
    rule: 'DUD-1 stage 1 is due one working day after the raise',
    partnership: 'dudley',
    steps: [],
    stage: 'stage-1',
    due: '2026-12-24 17:00',
  },
  {
    rule: 'DUD-2 stage 2 must start by day 3 (Christmas Day, rolled past the bank holidays to Tue 29 Dec): on time',
    partnership: 'dudley',
    steps: [['raising.practitioner', '2026-12-24T11:00']],
    stage: 'stage-2',
    due: '2026-12-31 17:00',
    startedLate: false,
  },
  {
    rule: 'DUD-2 stage 2 started on day 8 is recorded as a late start',
    partnership: 'dudley',
    steps: [['raising.practitioner', '2026-12-30T09:00']],
    stage: 'stage-2',
    due: '2026-12-31 17:00',
    startedLate: true,
  },
  {
    rule: 'DUD-3 stage 2 is concluded no later than day 9 (Thu 31 Dec)',
    partnership: 'dudley',
    steps: [['raising.practitioner', '2026-12-24T11:00']],
    stage: 'stage-2',
    due: '2026-12-31 17:00',
  },
  {
    rule: 'DUD-5 stage 3 is concluded no later than day 14 (Tue 5 Jan)',
    partnership: 'dudley',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.lineManager', '2026-12-30T11:00'],
    ],
    stage: 'stage-3',
    due: '2027-01-05 17:00',
    startedLate: false,
  },
  {
    rule: 'DUD-6 stage 4 starts by day 16 and is concluded by day 21 (Tue 12 Jan)',
    partnership: 'dudley',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.lineManager', '2026-12-30T11:00'],
      ['raising.seniorManager', '2027-01-04T11:00'],
    ],
    stage: 'stage-4',
    due: '2027-01-12 17:00',
    startedLate: false,
  },
  {
    rule: 'DUD-6 stage 4 started after day 16 is a late start',
    partnership: 'dudley',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.lineManager', '2026-12-30T11:00'],
      ['raising.seniorManager', '2027-01-08T11:00'],
    ],
    stage: 'stage-4',
    due: '2027-01-12 17:00',
    startedLate: true,
  },
  {
    rule: 'DUR-3 stage 1 is due one working day after it starts',
    partnership: 'durham',
    steps: [],
    stage: 'stage-1',
    due: '2026-12-24 17:00',
  },
  {
    rule: 'DUR-4 stage 2 is due 3 working days after it starts ("date response required")',
    partnership: 'durham',
    steps: [['raising.practitioner', '2026-12-24T11:00']],
    stage: 'stage-2',
    due: '2026-12-31 17:00',
  },
  {
    rule: 'DUR-5 stage 3 is due 5 working days after it starts, past New Year',
    partnership: 'durham',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.practitioner', '2026-12-31T11:00'],
    ],
    stage: 'stage-3',
    due: '2027-01-08 17:00',
  },
  {
    rule: 'DUR-6 stage 4 is due 7 working days after it starts',
    partnership: 'durham',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.practitioner', '2026-12-29T11:00'],
      ['raising.practitioner', '2027-01-04T11:00'],
    ],
    stage: 'stage-4',
    due: '2027-01-13 17:00',
  },
  {
    rule: 'DUR-2 stage 4 may not pass 16 working days from the raise (Tue 19 Jan) even when it starts late',
    partnership: 'durham',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.practitioner', '2026-12-31T11:00'],
      ['raising.practitioner', '2027-01-11T11:00'],
    ],
    stage: 'stage-4',
    due: '2027-01-19 17:00',
  },
  {
    rule: 'DUR-7 stage 5 (the DSCP Executive) has no deadline',
    partnership: 'durham',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.practitioner', '2026-12-29T11:00'],
      ['raising.practitioner', '2027-01-04T11:00'],
      ['raising.practitioner', '2027-01-08T11:00'],
    ],
    stage: 'stage-5',
    due: undefined,
  },
  {
    rule: 'NEW-1 step 1 is due within 5 working days of the raise',
    partnership: 'newcastle',
    steps: [],
    stage: 'step-1',
    due: '2027-01-04 17:00',
  },
  {
    rule: 'NEW-1 steps 2 to 5 share the same 5-working-day limit',
    partnership: 'newcastle',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.practitioner', '2026-12-29T11:00'],
      ['raising.lineManager', '2026-12-30T11:00'],
    ],
    stage: 'step-4',
    due: '2027-01-04 17:00',
  },
  {
    rule: 'NEW-1 step 6 has 14 working days of its own',
    partnership: 'newcastle',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.practitioner', '2026-12-29T11:00'],
      ['raising.lineManager', '2026-12-30T11:00'],
      ['raising.lineManager', '2026-12-31T11:00'],
      ['raising.director', '2027-01-05T11:00'],
    ],
    stage: 'step-6',
    due: '2027-01-25 17:00',
  },
  {
    rule: 'LEE-1 step 1 has 10 working days, across Christmas and New Year',
    partnership: 'leeds',
    steps: [],
    stage: 'step-1',
    due: '2027-01-11 17:00',
  },
  {
    rule: 'LEE-2 step 2 has no more than 10 working days',
    partnership: 'leeds',
    steps: [['raising.practitioner', '2026-12-24T11:00']],
    stage: 'step-2',
    due: '2027-01-12 17:00',
  },
  {
    rule: 'LEE-6 step 2 may not pass one month from the raise (Sat 23 Jan, rolled to Mon 25 Jan)',
    partnership: 'leeds',
    steps: [['raising.practitioner', '2027-01-14T11:00']],
    stage: 'step-2',
    due: '2027-01-25 17:00',
  },
  {
    rule: 'LEE-3 step 3a has no more than 10 working days',
    partnership: 'leeds',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.lineManager', '2026-12-29T11:00'],
    ],
    stage: 'step-3a',
    due: '2027-01-13 17:00',
  },
  {
    rule: 'LEE-4 step 3b is raised within a further 2 working days',
    partnership: 'leeds',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.lineManager', '2026-12-29T11:00'],
      ['raising.headOfService', '2026-12-30T11:00'],
    ],
    stage: 'step-3b',
    due: '2027-01-04 17:00',
  },
  {
    rule: 'LEE-5 stage 4 (the executive) is still within the one-month limit',
    partnership: 'leeds',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.lineManager', '2026-12-29T11:00'],
      ['raising.headOfService', '2026-12-30T11:00'],
      ['raising.director', '2027-01-20T11:00'],
    ],
    stage: 'stage-4',
    due: '2027-01-25 17:00',
  },
  {
    rule: 'DAR-1 stage 1 is due within one working day',
    partnership: 'darlington',
    steps: [],
    stage: 'stage-1',
    due: '2026-12-24 17:00',
  },
  {
    rule: 'DAR-2 stage 2 is due within 3 working days',
    partnership: 'darlington',
    steps: [['raising.practitioner', '2026-12-24T11:00']],
    stage: 'stage-2',
    due: '2026-12-31 17:00',
  },
  {
    rule: 'DAR-3 stage 3 (the interagency meeting) has no fixed deadline',
    partnership: 'darlington',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.lineManager', '2026-12-29T11:00'],
    ],
    stage: 'stage-3',
    due: undefined,
  },
  {
    rule: 'DAR-4 stage 4 (heads of service) is decided as soon as possible: no deadline to nag about',
    partnership: 'darlington',
    steps: [
      ['raising.practitioner', '2026-12-24T11:00'],
      ['raising.lineManager', '2026-12-29T11:00'],
      ['raising.lineManager', '2026-12-30T11:00'],
    ],
    stage: 'stage-4',
    due: undefined,
  },
];

describe('workflow: stage deadlines', () => {
  for (const row of rows) {
    it(row.rule, () => {
      const run = new Run(getProcedure(row.partnership));
      run.raise(raisedAt);
      for (const [by, when, to] of row.steps) run.escalate(by, when, to ? { to } : {});
      assert.equal(run.c.stageId, row.stage);
      if (row.due === undefined) assert.equal(run.stage.deadline, undefined);
      else assert.equal(london(run.stage.deadline), row.due);
      assert.equal(run.stage.deadlineVersion, 1);
      if (row.startedLate !== undefined) assert.equal(run.stage.startedLate, row.startedLate);
    });
  }

  it('DUD-2 a stage with no startBy rule records no late start', () => {
    const run = new Run(getProcedure('dudley'));
    run.raise(raisedAt);
    assert.equal(run.stage.startedLate, undefined);
    assert.equal(run.stage.startBy, undefined);
  });
});
