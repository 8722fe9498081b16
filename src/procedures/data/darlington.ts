/**
 * Darlington Safeguarding Partnership: Professional Challenge Procedure and Practice
 * Guidance (Child and Adult), October 2024. Rules DAR-1 to DAR-9 in procedures.md.
 */
import type { ProcedureInput } from '../schema';
import { forms } from './darlington-forms';

export const procedure = {
  id: 'darlington',
  code: 'DAR',
  partnership: 'Darlington Safeguarding Partnership',
  title: 'Professional Challenge Procedure and Practice Guidance (Child and Adult)',
  source:
    'Darlington Safeguarding Partnership, "Professional Challenge Procedure and Practice Guidance (Child and Adult)", October 2024 (V2), with Appendix 1',
  subjects: ['child', 'adult'], // DAR-9
  // DAR-8: section 1.4 of the procedure.
  areasOfDisagreement: [
    'Response to a safeguarding concern',
    'Perceived levels of risk - threshold decisions',
    'Not recognising the signs of harm',
    'Outcomes of assessments',
    'Mental capacity issues',
    'Issues concerning consent and best interest decisions',
    'Decision making - including to convene a meeting/strategy discussion or during multi-agency safeguarding meetings',
    'Roles and responsibilities of practitioners',
    'Service provision',
    'Information sharing and communication',
    'Recording practices',
    'Decisions regarding implementation and/or responding to and addressing the Executive Strategy Process',
  ],
  firstStage: 'stage-1',
  stages: [
    {
      id: 'stage-1',
      label: 'Stage 1',
      title: 'Contact the person or agency that made the decision',
      summary:
        'Contact the person or agency who made the decision or took the action to get the rationale, give your views and concerns, reach a shared understanding and agree a plan of action. Record the reason for disagreement and what was discussed and agreed, and follow up with an email summarising the key points.',
      owners: ['raising.practitioner', 'receiving.practitioner'],
      deadline: { kind: 'workingDays', days: 1, from: 'stageStart' }, // DAR-1: within one working day
      record: 'stage-1-record',
      escalateTo: ['stage-2'],
      rules: ['DAR-1'],
    },
    {
      id: 'stage-2',
      label: 'Stage 2',
      title: 'Line managers / Named Practitioner / Designated Safeguarding Lead',
      summary:
        "Both parties discuss it with their line managers, Named Practitioner or Designated Safeguarding Lead. The raiser's line manager reviews the concerns and, if justified, liaises with the receiving professional's line manager to try to reach a resolution.",
      owners: [
        'raising.lineManager',
        'raising.safeguardingLead',
        'receiving.lineManager',
        'receiving.safeguardingLead',
      ],
      deadline: { kind: 'workingDays', days: 3, from: 'stageStart' }, // DAR-2: within 3 working days where possible
      record: 'stage-2-record',
      escalateTo: ['stage-3'],
      escalatedBy: ['raising.lineManager', 'raising.safeguardingLead'], // "if manager deems appropriate"
      rules: ['DAR-2'],
    },
    {
      id: 'stage-3',
      label: 'Stage 3',
      title: 'Interagency meeting',
      summary:
        'If the manager agrees, an interagency meeting is arranged, with agreement on who attends. The discussion, agreed outcomes and actions, outstanding issues and next steps are recorded on the Professional Challenge Recording Tool, and a copy goes to the DSP Business Unit.',
      owners: [
        'raising.lineManager',
        'raising.safeguardingLead',
        'receiving.lineManager',
        'receiving.safeguardingLead',
      ],
      deadline: {
        kind: 'none',
        guidance: 'Arrange the meeting as soon as possible, in a time frame that protects the child or adult at risk.',
      },
      record: 'recording-tool',
      notifyOnEntry: [{ to: ['partnership.businessUnit'], form: 'recording-tool', rule: 'DAR-3' }],
      escalateTo: ['stage-4'],
      // "the professional and/or their manager should escalate to their Head of Service"
      escalatedBy: ['raising.practitioner', 'raising.lineManager', 'raising.safeguardingLead'],
      rules: ['DAR-3', 'DAR-6', 'DAR-7'],
    },
    {
      id: 'stage-4',
      label: 'Stage 4',
      title: 'Head of Service',
      summary:
        "The Head of Service contacts the other agency's Head of Service to try to resolve it. A decision is reached as soon as possible, putting the interests of the child or adult at risk before professional stalemate.",
      owners: ['raising.headOfService', 'receiving.headOfService'],
      deadline: { kind: 'none', guidance: 'A decision is to be reached as soon as possible.' }, // DAR-4
      record: 'stage-4-record',
      escalateTo: ['stage-5'],
      // DAR-5: the designated lead / manager of the raising agency reports to the Business Unit.
      escalatedBy: ['raising.headOfService', 'raising.safeguardingLead', 'raising.lineManager'],
      rules: ['DAR-4'],
    },
    {
      id: 'stage-5',
      label: 'Stage 5',
      title: 'Statutory Safeguarding Partners',
      summary:
        "The raising agency's designated lead or manager reports the challenge to the DSP Business Unit, who share it with the Lead Safeguarding Partners / Independent Scrutineer / Chair of the Partnership. They make the ultimate decision on the next course of action.",
      owners: ['partnership.businessUnit', 'partnership.executive'],
      deadline: {
        kind: 'none',
        guidance: 'The Lead Safeguarding Partners decide the next course of action.',
      },
      record: 'stage-5-record',
      notifyOnEntry: [{ to: ['partnership.businessUnit'], form: 'stage-5-report', rule: 'DAR-5' }],
      escalateTo: [],
      rules: ['DAR-5'],
    },
  ],
  // DAR-6: every stage 3+ challenge gets an ID in the Professional Challenge Log.
  log: { fromStage: 'stage-3', assignedBy: ['partnership.businessUnit'], rule: 'DAR-6' },
  forms,
  // Not in the published procedure: the partnership's retention schedule decides; six years is a placeholder to confirm.
  retention: {
    monthsAfterResolved: 72,
    basis: 'Placeholder until the partnership confirms its retention schedule: six years after resolution.',
  },
  readings: [
    'Stages 3, 4 and 5 have no fixed timescale ("as soon as possible", "within a time frame which clearly protects the child or the adult at risk, determined on a case-by-case basis"): they have no deadline to nag about.',
    'DAR-2: stage 2 is due in 3 working days ("where possible"); DAR-1: stage 1 in one working day.',
    "DAR-3: the Business Unit is told when a challenge reaches stage 3 and gets a copy of the recording tool; the tool is also stage 3's record.",
    'DAR-6: the Business Unit gives the log ID from stage 3 onwards and records the stage at which the challenge was resolved; those fields of the recording tool are theirs alone.',
    "DAR-5: the raising agency's designated lead or manager sends the stage 5 report to the Business Unit, who share it with the Lead Safeguarding Partners / Independent Scrutineer / Chair (the partnership executive).",
    'DAR-8: the areas are section 1.4\'s list, with "information sharing and communication" shortened from its longer wording.',
    'DAR-9: challenges to the outcome of an adult safeguarding planning (strategy) meeting or review follow the same stages.',
  ],
} satisfies ProcedureInput;
