/**
 * Leeds Safeguarding Children Partnership: Professional Concerns Resolution Process
 * (version 4). Rules LEE-1 to LEE-12 in procedures.md.
 */
import type { ProcedureInput } from '../schema';
import { forms } from './leeds-forms';

// "Time scales not exceeding 10 working days should be agreed for each stage" (LEE-2, LEE-3).
const tenWorkingDays = { kind: 'workingDays', days: 10, from: 'stageStart' } as const;

export const procedure = {
  id: 'leeds',
  code: 'LEE',
  partnership: 'Leeds Safeguarding Children Partnership',
  title: 'Professional Concerns Resolution Process',
  source:
    'Leeds Safeguarding Children Partnership, "Professional Concerns Resolution Process" (version 4, amended 11.10.2019), with Appendix 3',
  subjects: ['child'],
  // The process's "Examples of disagreement", plus Other (see readings).
  areasOfDisagreement: [
    'Differences in the handling of referrals / requests for services between agencies',
    'Disagreement on attendance at multi-agency meetings (Early Help, Child in Need, Child Protection, Child Looked After)',
    "Differences in opinion with regards to a child's plan",
    'Concern about the action or inaction of another professional in relation to the safety and wellbeing of a child or young person',
    'Information sharing concerns',
    'Disagreement about the provision of services',
    'Other',
  ],
  firstStage: 'step-1',
  stages: [
    {
      id: 'step-1',
      label: 'Step 1',
      title: 'Practitioner to practitioner',
      summary:
        'Discuss with colleagues and your own designated safeguarding lead, then try to resolve the disagreement with the practitioner face to face. Keep a clear written record with an evidence-based reason and share it with everyone involved. Where there is a Lead Professional, IRO or Chair of a multi-agency meeting, tell them in writing.',
      owners: ['raising.practitioner', 'receiving.practitioner'],
      deadline: tenWorkingDays,
      record: 'step-1-record',
      escalateTo: ['step-2', 'step-3a'], // LEE-10: serious or urgent issues may go straight to head of service
      rules: ['LEE-1', 'LEE-10'],
    },
    {
      id: 'step-2',
      label: 'Step 2',
      title: 'Line manager to line manager',
      summary:
        "Discuss with your designated lead for safeguarding and refer to your line manager, who discusses it with the other practitioner's line manager, within a timescale agreed with you and a response timescale agreed with the other line manager. Where there is no line manager (self-employed, single-person organisation), contact the professional body, funder, commissioner or trustees.",
      owners: ['raising.lineManager', 'receiving.lineManager'],
      deadline: tenWorkingDays, // LEE-2: no more than 10 working days between stages
      record: 'step-2-record',
      escalateTo: ['step-3a'],
      rules: ['LEE-2'],
    },
    {
      id: 'step-3a',
      label: 'Step 3a',
      title: 'Head of Service / Senior Manager to Head of Service / Senior Manager',
      summary:
        'Referred without delay through the line management structure to the equivalent of Head of Service, with agreed timescales for responses. The LSCP is notified for assurance and oversight using the Appendix 3 form.',
      owners: ['raising.headOfService', 'receiving.headOfService'],
      deadline: tenWorkingDays, // LEE-3
      record: 'step-3a-record',
      notifyOnEntry: [{ to: ['partnership.businessUnit'], form: 'stage-3-notification', rule: 'LEE-3' }],
      escalateTo: ['step-3b'],
      rules: ['LEE-3', 'LEE-11'],
    },
    {
      id: 'step-3b',
      label: 'Step 3b',
      title: 'Director / Assistant Director to Director / Assistant Director',
      summary:
        "Each Head of Service raises the disagreement at Director / Assistant Director level in their own agency within a further 2 working days. The complainant agency's Director writes to the receiving agency's Director and they meet to achieve a final resolution. The LSCP is notified using the Appendix 3 form.",
      owners: ['raising.director', 'receiving.director'],
      deadline: { kind: 'workingDays', days: 2, from: 'stageStart' }, // LEE-4, see readings
      record: 'step-3b-record',
      notifyOnEntry: [{ to: ['partnership.businessUnit'], form: 'stage-3-notification', rule: 'LEE-4' }],
      escalateTo: ['stage-4'],
      rules: ['LEE-4', 'LEE-11'],
    },
    {
      id: 'stage-4',
      label: 'Stage 4',
      title: 'Exceptional circumstances: LSCP Executive',
      summary:
        'Referred to the LSCP Executive using the Appendix 3 form; the Executive takes action with both parties to resolve it and, if they cannot agree a way forward, involves the LSCP Chair.',
      owners: ['partnership.executive', 'partnership.businessUnit'],
      deadline: tenWorkingDays,
      record: 'stage-4-record',
      notifyOnEntry: [{ to: ['partnership.businessUnit'], form: 'stage-3-notification', rule: 'LEE-5' }],
      escalateTo: [],
      rules: ['LEE-5', 'LEE-11'],
    },
  ],
  caps: [
    {
      label: 'The whole process takes no more than one month',
      stages: ['step-1', 'step-2', 'step-3a', 'step-3b', 'stage-4'],
      rule: { kind: 'calendarMonths', months: 1, from: 'raised' },
      rule_id: 'LEE-6',
    },
  ],
  pauseStopsClock: true, // LEE-7
  forms,
  // Not in the published procedure: the partnership's retention schedule decides; six years is a placeholder to confirm.
  retention: {
    monthsAfterResolved: 72,
    basis: 'Placeholder until the partnership confirms its retention schedule: six years after resolution.',
  },
  readings: [
    'LEE-2, LEE-3: "time scales not exceeding 10 working days should be agreed for each stage": each stage is due 10 working days from its start; any change to a timescale is agreed and recorded with who agreed it (LEE-8).',
    'LEE-4: "within a further 2 working days" is read as step 3b\'s own timescale, from its start; the one-month cap still applies. A partnership that reads it as the time to reach the Directors can give step 3b 10 working days instead.',
    'LEE-6: the one calendar month runs from the day raised and covers every step; a pause (LEE-7) stops it as it stops the stage clock.',
    'LEE-10: a serious or urgent issue may go straight from step 1 to step 3a (head of service); step 2 goes there anyway.',
    'LEE-3, LEE-4, LEE-5: the Appendix 3 form goes to the LSCP Business Manager (lscp.info@leeds.gov.uk, "FAO LSCP Business Manager") at steps 3a, 3b and stage 4; its outcome half is completed when the outcome is known.',
    'The process gives "Examples of disagreement", not a closed list: we offer them plus "Other".',
    'Step 2 and 3a records keep the agreed timescales as dates; a change to them is an extension, agreed and recorded with who agreed it (LEE-8).',
  ],
} satisfies ProcedureInput;
