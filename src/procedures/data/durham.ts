/**
 * Durham Safeguarding Children Partnership: Multi-Agency Professional Challenge/Resolution
 * Process, the IRO's compliance challenge. Rules DUR-1 to DUR-11 in procedures.md.
 */
import type { ProcedureInput } from '../schema';
import { forms } from './durham-forms';

export const procedure = {
  id: 'durham',
  code: 'DUR',
  partnership: 'Durham Safeguarding Children Partnership',
  title: 'Multi-Agency Professional Challenge/Resolution Process (Compliance Challenge)',
  source:
    'Durham Safeguarding Children Partnership, "Multi-Agency Professional Challenge/Resolution Process" and its Compliance Challenge Form',
  subjects: ['child'],
  raisedBy: ['Independent Reviewing Officer'], // DUR-1
  raiseForm: { familyName: true }, // DUR-10: held, never posted to a channel
  // DUR-9: the "Identified Issue" list of the Compliance Challenge Form.
  areasOfDisagreement: [
    'Reports not sent to QRT within timescales to be shared with professional',
    'Reports not shared with family within timescale for meeting',
    'Lack of attendance at core groups/care team meetings/conference',
    'Not completing or progressing an action in a plan that is causing delay',
    'Lack of report',
    'Other',
  ],
  multipleAreas: true, // DUR-9: "one or more of"
  firstStage: 'stage-1',
  stages: [
    {
      id: 'stage-1',
      label: 'Stage 1',
      title: 'Informal discussion',
      summary:
        'An informal discussion between the IRO and the professional. The IRO decides whether the issue can be resolved informally and, if not, starts stage 2.',
      owners: ['raising.practitioner', 'receiving.practitioner'],
      deadline: { kind: 'workingDays', days: 1, from: 'stageStart' }, // DUR-3
      record: 'stage-1-record',
      escalateTo: ['stage-2'],
      escalatedBy: ['raising.practitioner'], // DUR-3: the IRO decides
      rules: ['DUR-2', 'DUR-3'],
    },
    {
      id: 'stage-2',
      label: 'Stage 2',
      title: "Line manager's response",
      summary:
        "The IRO contacts the professional's line manager with their concerns and sends the Compliance Challenge Form for them to complete. The line manager should consider involving their own agency's safeguarding lead. If the issue is resolved within 3 working days, the process ends here.",
      owners: ['raising.practitioner', 'receiving.lineManager', 'receiving.safeguardingLead'],
      deadline: { kind: 'workingDays', days: 3, from: 'stageStart' }, // DUR-4: "date response required"
      record: 'stage-2-record',
      notifyOnEntry: [{ to: ['receiving.lineManager'], form: 'compliance-challenge-form', rule: 'DUR-4' }],
      escalateTo: ['stage-3'],
      escalatedBy: ['raising.practitioner'],
      rules: ['DUR-2', 'DUR-4', 'DUR-8'],
    },
    {
      id: 'stage-3',
      label: 'Stage 3',
      title: 'DSCP Business Manager and agency safeguarding lead',
      summary:
        "If the issue remains unresolved or is recurring, the IRO escalates it to the DSCP Business Manager, who contacts the agency's safeguarding lead to discuss the concerns. The meeting, actions agreed and timescales are recorded.",
      owners: ['raising.practitioner', 'partnership.businessUnit', 'receiving.safeguardingLead'],
      deadline: { kind: 'workingDays', days: 5, from: 'stageStart' }, // DUR-2, DUR-5
      record: 'stage-3-record',
      escalateTo: ['stage-4'],
      escalatedBy: ['raising.practitioner'],
      rules: ['DUR-2', 'DUR-5', 'DUR-8'],
    },
    {
      id: 'stage-4',
      label: 'Stage 4',
      title: 'DSCP Business Manager at the next level',
      summary:
        'As stage 3, at the next level of the agency. The meeting, actions agreed and timescales are recorded. If the issue is still unresolved, the IRO informs the DSCP Business Manager to consider escalation to the DSCP Executive.',
      owners: ['raising.practitioner', 'partnership.businessUnit', 'receiving.seniorManager'],
      deadline: { kind: 'workingDays', days: 7, from: 'stageStart' }, // DUR-2, DUR-6
      record: 'stage-4-record',
      escalateTo: ['stage-5'],
      escalatedBy: ['raising.practitioner', 'partnership.businessUnit'],
      rules: ['DUR-2', 'DUR-6', 'DUR-8'],
    },
    {
      id: 'stage-5',
      label: 'Stage 5',
      title: 'Escalation to the DSCP Executive',
      summary: 'The reasons for escalation to the DSCP Executive are recorded with the date escalated.',
      owners: ['partnership.executive', 'partnership.businessUnit'],
      deadline: { kind: 'none', guidance: 'The DSCP Executive considers the escalation.' }, // DUR-2
      record: 'stage-5-record',
      escalateTo: [],
      rules: ['DUR-2', 'DUR-7', 'DUR-8'],
    },
  ],
  caps: [
    {
      label: 'The process is completed in its entirety within 16 working days',
      stages: ['stage-1', 'stage-2', 'stage-3', 'stage-4'],
      rule: { kind: 'workingDays', days: 16, from: 'raised' },
      rule_id: 'DUR-2',
    },
  ],
  forms,
  // DUR-11: "The IRO is to copy in the Business Manager for QRT when sending these challenges."
  copyOnRaise: [{ to: ['partnership.businessUnit'], form: 'compliance-challenge-form', rule: 'DUR-11' }],
  // DUR-11: patterns go to the IRO Service Manager to consider escalation (threshold and window: see readings).
  repeatPattern: { threshold: 3, withinDays: 365, tell: ['raising.serviceManagerOversight'], rule: 'DUR-11' },
  // Not in the published procedure: the partnership's retention schedule decides; six years is a placeholder to confirm.
  retention: {
    monthsAfterResolved: 72,
    basis: 'Placeholder until the partnership confirms its retention schedule: six years after resolution.',
  },
  readings: [
    'DUR-2: the per-stage timescales are the Compliance Challenge Form\'s (1, 3, 5 and 7 working days, each from the start of its stage), which add up to the stated 16; section 5.4 of the text gives stage 3 "7 working days", compressing stages 3 and 4. Stages 1 to 4 are also held to 16 working days from the day raised.',
    'DUR-2: stage 5 (escalation to the DSCP Executive) has no timescale of its own.',
    'DUR-1: only an Independent Reviewing Officer raises a challenge, about a professional of a partner agency other than the Local Authority (the Local Authority has its own resolution process).',
    'DUR-11: the "Business Manager for QRT" is resolved as the partnership business unit; they are copied on every challenge with the Compliance Challenge Form.',
    'DUR-11: the procedure gives no number for a repeat pattern: we flag the third challenge to the same agency within 365 days (the process is reviewed annually) to the IRO Service Manager.',
    'DUR-4: the line manager may involve their own safeguarding lead, so both are owners of stage 2; the IRO stays an owner at every stage up to 4.',
    'DUR-6: "the next level" at stage 4 is read as the agency\'s senior manager; the DSCP Business Manager still leads.',
    'DUR-5: "unresolved, or is reoccurring" are both reasons to escalate from stage 2 to stage 3; the reason is recorded with the escalation.',
    "Stage 1 is not on the Compliance Challenge Form: its record (the discussion and the IRO's decision) is ours.",
  ],
} satisfies ProcedureInput;
