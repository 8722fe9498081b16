/**
 * Newcastle Safeguarding Children Partnership: Resolving Multi Agency Professional
 * Disagreements and Escalation. Rules NEW-1 to NEW-10 in procedures.md.
 */
import type { ProcedureInput } from '../schema';
import { forms } from './newcastle-forms';

// NEW-1: steps 1 to 5 "should not exceed 5 working days" in all; each step is due by then.
const withinFiveWorkingDays = { kind: 'workingDays', days: 5, from: 'raised' } as const;

export const procedure = {
  id: 'newcastle',
  code: 'NEW',
  partnership: 'Newcastle Safeguarding Children Partnership',
  title: 'Resolving Multi Agency Professional Disagreements and Escalation',
  source:
    'Newcastle Safeguarding Children Partnership, "Resolving Multi Agency Professional Disagreements and Escalation" practice guidance',
  subjects: ['child'],
  raiseForm: { conferenceDissent: true }, // NEW-10
  // The guidance publishes no list: derived from its text (see readings).
  areasOfDisagreement: [
    'A decision, action or lack of action about a referral',
    'A decision, action or lack of action in an assessment',
    'A decision, action or lack of action in an enquiry',
    'A specific process',
    'Need for a Child Protection Conference',
    'Dissent at a Child Protection Conference',
    'Other',
  ],
  firstStage: 'step-1',
  stages: [
    {
      id: 'step-1',
      label: 'Step 1',
      title: 'Consult co-workers',
      summary:
        "The worker consults co-workers to clarify their thinking and practice, for example in a Professionals' Meeting or a discussion with the Safeguarding Lead, using a practice tool such as the Multi-Agency Thresholds Guidance & Continuum of Help and Support Framework.",
      owners: ['raising.practitioner', 'raising.safeguardingLead'],
      deadline: withinFiveWorkingDays,
      record: 'step-1-record',
      escalateTo: ['step-2'],
      rules: ['NEW-1', 'NEW-2'],
    },
    {
      id: 'step-2',
      label: 'Step 2',
      title: 'Professionals with the original disagreement',
      summary:
        'The professionals who have the original disagreement try to resolve it when the dispute is identified. Both agencies give clear reasons for their safeguarding concerns and approach in writing, recorded as a formal challenge where required.',
      owners: ['raising.practitioner', 'receiving.practitioner'],
      deadline: withinFiveWorkingDays,
      record: 'step-2-record',
      escalateTo: ['step-3'],
      rules: ['NEW-1', 'NEW-3'],
    },
    {
      id: 'step-3',
      label: 'Step 3',
      title: 'Line manager or safeguarding lead',
      summary:
        "The disagreement is referred to the worker's own line manager or agency safeguarding lead, who discusses it with their equivalent colleague in the other agency. The challenging agency formally communicates that this protocol is now in use.",
      owners: [
        'raising.lineManager',
        'raising.safeguardingLead',
        'receiving.lineManager',
        'receiving.safeguardingLead',
      ],
      deadline: withinFiveWorkingDays,
      record: 'step-3-record',
      escalateTo: ['step-4'],
      escalatedBy: ['raising.lineManager', 'raising.safeguardingLead'],
      rules: ['NEW-1', 'NEW-4'],
    },
    {
      id: 'step-4',
      label: 'Step 4',
      title: 'Service manager',
      summary:
        'The line manager or safeguarding lead of the challenging agency liaises with the relevant service manager or refers up their line management structure (in a voluntary, community or faith organisation, the management committee).',
      owners: ['raising.lineManager', 'raising.safeguardingLead', 'receiving.serviceManager'],
      deadline: withinFiveWorkingDays,
      record: 'step-4-record',
      escalateTo: ['step-5'],
      escalatedBy: ['raising.lineManager', 'raising.safeguardingLead'],
      rules: ['NEW-1', 'NEW-5'],
    },
    {
      id: 'step-5',
      label: 'Step 5',
      title: 'Assistant Director',
      summary:
        "The matter is referred to the Assistant Director of Children's Social Care (or the most appropriate management committee member, commissioner or funding body) for each agency involved.",
      owners: ['raising.director', 'receiving.director'],
      deadline: withinFiveWorkingDays,
      record: 'step-5-record',
      escalateTo: ['step-6'],
      rules: ['NEW-1', 'NEW-6'],
    },
    {
      id: 'step-6',
      label: 'Step 6',
      title: 'Safeguarding Children Partnership Coordinator',
      summary:
        'The matter is referred urgently to the Safeguarding Children Partnership Coordinator, who decides a course of action, including reporting to the Safeguarding Children Partnership for resolution.',
      owners: ['partnership.coordinator'],
      deadline: { kind: 'workingDays', days: 14, from: 'stageStart' }, // NEW-1: within 14 working days
      record: 'step-6-record',
      escalateTo: [],
      rules: ['NEW-1', 'NEW-7', 'NEW-9'],
    },
    {
      id: 'immediate',
      label: 'Immediate escalation: service manager',
      title: 'Urgent review by the service manager',
      summary:
        'Where the decision is seen to put the child at significant risk, the Safeguarding Lead agrees immediate escalation: the Safeguarding Lead and/or the concerned professional asks the relevant Service Manager for an urgent review of the decision within one working day.',
      owners: ['raising.safeguardingLead', 'raising.practitioner', 'receiving.serviceManager'],
      deadline: { kind: 'workingDays', days: 1, from: 'stageStart' }, // NEW-8: within one working day
      record: 'immediate-record',
      escalateTo: ['immediate-head-of-service'],
      escalatedBy: ['raising.safeguardingLead'], // NEW-8: the lead escalates to head of service
      immediate: true,
      rules: ['NEW-8'],
    },
    {
      id: 'immediate-head-of-service',
      label: 'Immediate escalation: head of service',
      title: 'Head of service for urgent attention',
      summary:
        'If the Service Manager upholds the decision and the Safeguarding Lead judges the concerns remain immediately high, the Safeguarding Lead escalates to the Head of Service (or equivalent) for urgent attention.',
      owners: ['raising.safeguardingLead', 'receiving.headOfService'],
      deadline: { kind: 'workingDays', days: 1, from: 'stageStart' }, // NEW-8, see readings
      record: 'immediate-head-of-service-record',
      escalateTo: ['step-6'],
      escalatedBy: ['raising.safeguardingLead'],
      immediate: true,
      rules: ['NEW-8'],
    },
  ],
  immediateRoute: { stage: 'immediate', agreedBy: ['raising.safeguardingLead'], rule: 'NEW-8' },
  caps: [
    {
      label: 'Steps 1 to 5 should not exceed 5 working days',
      stages: ['step-1', 'step-2', 'step-3', 'step-4', 'step-5'],
      rule: withinFiveWorkingDays,
      rule_id: 'NEW-1',
    },
  ],
  forms,
  // Not in the published procedure: the partnership's retention schedule decides; six years is a placeholder to confirm.
  retention: {
    monthsAfterResolved: 72,
    basis: 'Placeholder until the partnership confirms its retention schedule: six years after resolution.',
  },
  readings: [
    'NEW-1: steps 1 to 5 have no timescales of their own; each is due within the 5 working days from the day raised, and step 6 within 14 working days of its own start.',
    'NEW-8: the immediate route starts with the urgent review (within one working day), agreed by the raiser\'s safeguarding lead. The guidance gives the head of service no timescale; as it is the "24-hour" route we give that step one working day too.',
    'NEW-8: if the head of service does not resolve it, the matter can go to the Partnership Coordinator (step 6), the guidance\'s last resort "by following the steps described above".',
    'NEW-5: in a voluntary, community or faith organisation the management committee stands in for the service manager, and at step 5 the management committee member, commissioner or funding body stands in for the Assistant Director; the directory holds who that is.',
    "NEW-4: the challenging agency's formal notice that the protocol is in use is recorded at step 3.",
    'NEW-9: the agreed outcome and how outstanding issues will be pursued are recorded at resolution; learning for the partnership is recorded at step 6 and on the immediate route.',
    'The guidance publishes no list of areas of disagreement: ours is derived from its introduction ("decisions, actions or lack of actions in relation to a referral, an assessment or an enquiry", "specific processes") and its section on Child Protection Conferences.',
  ],
} satisfies ProcedureInput;
