/**
 * Newcastle: the forms its stages are recorded on and its notifications carry, with field
 * labels taken from the partnership's own documents. Plain data.
 */
import type { ProcedureInput } from '../schema';

const outcome = { id: 'outcome', label: 'Outcome', kind: 'longText', required: true } as const;
const learning = {
  id: 'learning',
  label: 'Learning to share with the Safeguarding Children Partnership',
  kind: 'longText',
  rule: 'NEW-9',
  learning: true,
} as const;

export const forms = [
  {
    id: 'step-1-record',
    title: 'Step 1: consulting co-workers',
    fields: [
      {
        id: 'consulted',
        label: "Who was consulted (co-workers, Safeguarding Lead, Professionals' Meeting)",
        kind: 'longText',
        required: true,
        rule: 'NEW-2',
      },
      {
        id: 'practiceTool',
        label: 'Practice tool used (e.g. Multi-Agency Thresholds Guidance)',
        kind: 'text',
        rule: 'NEW-2',
      },
      outcome,
    ],
  },
  {
    id: 'step-2-record',
    title: 'Step 2: formal challenge between the professionals',
    fields: [
      {
        id: 'raisingAgencyReasons',
        label: "Challenging agency's reasons for its safeguarding concerns and approach",
        kind: 'longText',
        required: true,
        rule: 'NEW-3',
      },
      {
        id: 'receivingAgencyReasons',
        label: "Other agency's reasons for its safeguarding concerns and approach",
        kind: 'longText',
        required: true,
        rule: 'NEW-3',
      },
      outcome,
    ],
  },
  {
    id: 'step-3-record',
    title: 'Step 3: line managers / safeguarding leads',
    fields: [
      {
        id: 'protocolInvokedOn',
        label: 'Date the other agency was told formally that this protocol is in use',
        kind: 'date',
        required: true,
        rule: 'NEW-4',
      },
      {
        id: 'discussion',
        label: 'Discussion with the equivalent colleague in the other agency',
        kind: 'longText',
        required: true,
        rule: 'NEW-4',
      },
      outcome,
    ],
  },
  {
    id: 'step-4-record',
    title: 'Step 4: service manager',
    fields: [
      {
        id: 'serviceManager',
        label: 'Service manager (or management committee) liaised with',
        kind: 'people',
        required: true,
        rule: 'NEW-5',
      },
      outcome,
    ],
  },
  {
    id: 'step-5-record',
    title: 'Step 5: Assistant Directors',
    fields: [
      {
        id: 'referredTo',
        label:
          "Assistant Director of Children's Social Care (or management committee member, commissioner or funding body) for each agency",
        kind: 'people',
        required: true,
        rule: 'NEW-6',
      },
      outcome,
    ],
  },
  {
    id: 'step-6-record',
    title: 'Step 6: Partnership Coordinator',
    fields: [
      {
        id: 'courseOfAction',
        label: 'Course of action decided by the Coordinator',
        kind: 'longText',
        required: true,
        rule: 'NEW-7',
      },
      {
        id: 'reportedToPartnership',
        label: 'Reported to the Safeguarding Children Partnership',
        kind: 'boolean',
        rule: 'NEW-7',
      },
      learning,
    ],
  },
  {
    id: 'immediate-record',
    title: 'Immediate escalation: urgent review',
    fields: [
      {
        id: 'leadAgreed',
        label: 'Safeguarding Lead who agreed immediate escalation',
        kind: 'people',
        required: true,
        rule: 'NEW-8',
      },
      {
        id: 'decisionUpheld',
        label: 'The Service Manager upheld the decision',
        kind: 'boolean',
        required: true,
        rule: 'NEW-8',
      },
      { id: 'concernsRemainHigh', label: 'Concerns remain immediately high', kind: 'boolean', rule: 'NEW-8' },
      outcome,
    ],
  },
  {
    id: 'immediate-head-of-service-record',
    title: 'Immediate escalation: head of service',
    fields: [outcome, learning],
  },
] satisfies ProcedureInput['forms'];
