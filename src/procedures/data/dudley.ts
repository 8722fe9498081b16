/**
 * Dudley Safeguarding People Partnership: Procedure for Multi-Agency Professional Challenge
 * and Resolution (children and adults). Rules DUD-1 to DUD-7 in procedures.md.
 */
import type { ProcedureInput } from '../schema';
import { forms } from './dudley-forms';

export const procedure = {
  id: 'dudley',
  code: 'DUD',
  partnership: 'Dudley Safeguarding People Partnership',
  title: 'Procedure for Multi-Agency Professional Challenge and Resolution',
  source: 'Dudley Safeguarding People Partnership, "Procedure for Multi-Agency Professional Challenge and Resolution"',
  // "a child, young person, adult or family": both.
  subjects: ['child', 'adult'],
  // The procedure publishes no list: derived from its own wording (see readings).
  areasOfDisagreement: [
    'Difference of professional opinion about a child, young person or adult',
    'Concern about professional practice',
    'Response to safeguarding needs',
    'Not acting in the best interests of the child, young person, adult or family',
    'Other',
  ],
  firstStage: 'stage-1',
  stages: [
    {
      id: 'stage-1',
      label: 'Stage 1',
      title: 'Professionals resolving disagreements',
      summary:
        "The worker raises the issue with the other agency and the two talk through the reasons for the difference of opinion. If it is resolved, it is recorded in each agency on the person's record and the partnership does not need to be told.",
      owners: ['raising.practitioner', 'receiving.practitioner'],
      deadline: { kind: 'workingDays', days: 1, from: 'raised' }, // DUD-1: within one working day
      record: 'stage-1-record',
      escalateTo: ['stage-2'],
      // DUD-2: the practitioner notifies their line manager / safeguarding lead.
      escalatedBy: ['raising.practitioner'],
      rules: ['DUD-1', 'DUD-2'],
    },
    {
      id: 'stage-2',
      label: 'Stage 2',
      title: 'Line managers / safeguarding leads',
      summary:
        'The line manager or named/designated safeguarding lead discusses the concerns with their opposite manager in the other agency. They state explicitly what the problem is and what the practitioners aim to achieve. The challenge and outcome are recorded and the resolution is fed back to the practitioner who raised the concern.',
      owners: [
        'raising.lineManager',
        'raising.safeguardingLead',
        'receiving.lineManager',
        'receiving.safeguardingLead',
      ],
      startBy: { kind: 'dayOfChallenge', day: 3 }, // DUD-2: no later than day 3
      deadline: { kind: 'dayOfChallenge', day: 9 }, // DUD-3: concluded no later than day 9
      record: 'stage-2-record',
      escalateTo: ['stage-3'],
      rules: ['DUD-2', 'DUD-3', 'DUD-4', 'DUD-7'],
    },
    {
      id: 'stage-3',
      label: 'Stage 3',
      title: 'DSAB / DSCPG representative',
      summary:
        'A senior manager (for a school, the Chair of Governors with the Head Teacher) escalates the concern to their representative on the Dudley Safeguarding Adults Board (adult) or Safeguarding Children Partnership Group (child), who seeks resolution with their equivalent. They may ask for a meeting. The challenge and outcome are recorded and fed back to the practitioner who raised the concern.',
      owners: ['raising.seniorManager', 'raising.boardRepresentative', 'receiving.boardRepresentative'],
      startBy: { kind: 'dayOfChallenge', day: 9 }, // the heading: "no later than day 9"
      deadline: { kind: 'dayOfChallenge', day: 14 }, // DUD-5: concluded no later than day 14
      record: 'stage-3-record',
      escalateTo: ['stage-4'],
      // "the issue should be brought to the DSPP Business Manager"
      escalatedBy: ['raising.seniorManager', 'raising.boardRepresentative'],
      rules: ['DUD-5', 'DUD-7'],
    },
    {
      id: 'stage-4',
      label: 'Stage 4',
      title: 'DSPP Executive',
      summary:
        'The DSPP Executive asks for written representation and may call a meeting with the parties. A recommendation is made on the most appropriate action and resolution. The Professional Challenge and Resolution Template goes to the DSPP Business Manager.',
      owners: ['partnership.executive', 'partnership.businessUnit'],
      startBy: { kind: 'dayOfChallenge', day: 16 }, // DUD-6: no later than day 16
      deadline: { kind: 'dayOfChallenge', day: 21 }, // DUD-6: concluded no later than day 21
      record: 'stage-4-record',
      notifyOnEntry: [{ to: ['partnership.businessUnit'], form: 'challenge-resolution-template', rule: 'DUD-6' }],
      escalateTo: [],
      rules: ['DUD-6', 'DUD-7'],
    },
  ],
  forms,
  // Not in the published procedure: the partnership's retention schedule decides; six years is a placeholder to confirm.
  retention: {
    monthsAfterResolved: 72,
    basis: 'Placeholder until the partnership confirms its retention schedule: six years after resolution.',
  },
  readings: [
    "Day numbers are calendar days counted from the day raised (day 1), except stage 1's one working day; a day that falls on a weekend or bank holiday moves to the next working day (procedures.md, Dudley reading).",
    'Stage 1 is "within one working day" of the concern arising; we count it from the day the challenge is raised.',
    'Stage 3\'s heading says "no later than day 9" and its diagram "days 9 to 14": we read day 9 as the latest start of stage 3.',
    "Stage 3's representative is the agency's own representative on the Safeguarding Adults Board (for an adult) or the Safeguarding Children Partnership Group (for a child); the directory resolves which one from the challenge's subject.",
    'DUD-4: in the third sector the safeguarding lead may be the same person as the raiser; nothing stops one person holding both roles.',
    'The procedure publishes no list of areas of disagreement: ours is derived from its introduction ("differences of opinion or concerns about professional practice", "not acting in the best interests").',
    'The Professional Challenge and Resolution Template is not published with the procedure: its fields are taken from what the procedure asks to be recorded (the problem, the aim, outcomes at stages 2 and 3, written representation).',
    'DUD-7: outcomes at stages 2 and 3 are held on the challenge and reportable on request; the partnership is only sent the template at stage 4.',
  ],
} satisfies ProcedureInput;
