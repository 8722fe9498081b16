/**
 * Leeds: the forms its stages are recorded on and its notifications carry, with field
 * labels taken from the partnership's own documents. Plain data.
 */
import type { ProcedureInput } from '../schema';

const agreedResolution = {
  id: 'agreedResolution',
  label: 'Agreed points of resolution and any next steps',
  kind: 'longText',
  rule: 'LEE-1',
} as const;

// Appendix 3's own headings, for the printed form.
const notifier = 'Notification: details of person providing notification';
const summary = 'Summary of notification';
const outcome = 'Outcome of process and next steps';

export const forms = [
  {
    // LEE-11, word for word from Appendix 3.
    id: 'stage-3-notification',
    title: 'Stage 3 Notifications and Outcomes Form',
    document: 'Appendix 3: Professional Concerns Resolution Process; Stage 3 Notifications and Outcomes Form',
    returnTo: 'To be returned to lscp.info@leeds.gov.uk FAO LSCP Business Manager',
    fields: [
      { id: 'notifierName', label: 'Name', kind: 'text', required: true, rule: 'LEE-11', section: notifier },
      { id: 'notifierAgency', label: 'Agency', kind: 'text', required: true, rule: 'LEE-11', section: notifier },
      { id: 'notifierRole', label: 'Role', kind: 'text', required: true, rule: 'LEE-11', section: notifier },
      {
        id: 'notifierEmailAndTelephone',
        label: 'Email and telephone',
        kind: 'text',
        required: true,
        rule: 'LEE-11',
        section: notifier,
      },
      {
        id: 'dateOfNotification',
        label: 'Date of notification',
        kind: 'date',
        required: true,
        rule: 'LEE-11',
        section: notifier,
      },
      {
        id: 'agenciesInvolved',
        label: 'Agencies involved',
        kind: 'agencies',
        required: true,
        rule: 'LEE-11',
        section: summary,
        prefill: 'agencies',
      },
      {
        id: 'initialConcerns',
        label: 'Initial concerns',
        kind: 'longText',
        required: true,
        rule: 'LEE-11',
        section: summary,
        prefill: 'concern',
      },
      {
        id: 'stepsTakenToDate',
        label: 'Steps taken to date',
        kind: 'longText',
        required: true,
        rule: 'LEE-11',
        section: summary,
      },
      {
        id: 'outcomeAndNextSteps',
        label: 'Outcome and any Next Steps',
        kind: 'longText',
        rule: 'LEE-11',
        hint: 'Please outline outcome of process, any next steps and when all parties were informed of outcome',
        section: outcome,
        prefill: 'agreedOutcome',
      },
      {
        id: 'dateOfOutcome',
        label: 'Date of outcome',
        kind: 'date',
        rule: 'LEE-11',
        section: outcome,
        prefill: 'resolvedAt',
      },
      {
        id: 'notificationOfOutcomeFrom',
        label: 'Notification of outcome from',
        kind: 'text',
        rule: 'LEE-11',
        section: outcome,
      },
    ],
  },
  {
    id: 'step-1-record',
    title: 'Step 1: practitioner to practitioner',
    fields: [
      {
        id: 'evidenceBasedReason',
        label: 'Clear evidence-based reason for the disagreement',
        kind: 'longText',
        required: true,
        rule: 'LEE-1',
      },
      { id: 'sharedWith', label: 'Written record shared with', kind: 'people', required: true, rule: 'LEE-1' },
      {
        id: 'leadProfessionalInformed',
        label: 'Lead Professional / IRO / Chair informed in writing (where there is one)',
        kind: 'people',
        rule: 'LEE-1',
      },
      agreedResolution,
    ],
  },
  {
    id: 'step-2-record',
    title: 'Step 2: line manager to line manager',
    fields: [
      {
        id: 'timescaleAgreedWithRaiser',
        label: 'Timescale agreed with the practitioner raising the concern',
        kind: 'date',
        required: true,
        rule: 'LEE-2',
      },
      {
        id: 'responseTimescale',
        label: 'Timescale for response agreed with the other line manager',
        kind: 'date',
        required: true,
        rule: 'LEE-2',
      },
      {
        id: 'noLineManagerContact',
        label: 'Where there is no line manager: professional body, funder, commissioner or trustees contacted',
        kind: 'text',
        rule: 'LEE-2',
      },
      agreedResolution,
    ],
  },
  {
    id: 'step-3a-record',
    title: 'Step 3a: head of service to head of service',
    fields: [
      {
        id: 'responseTimescale',
        label: 'Agreed timescale for responses',
        kind: 'date',
        required: true,
        rule: 'LEE-3',
      },
      agreedResolution,
    ],
  },
  {
    id: 'step-3b-record',
    title: 'Step 3b: director to director',
    fields: [
      {
        id: 'letterDate',
        label: "Date the complainant agency's Director wrote to the receiving agency's Director",
        kind: 'date',
        required: true,
        rule: 'LEE-4',
      },
      { id: 'meetingDate', label: 'Date the Directors met', kind: 'date', rule: 'LEE-4' },
      agreedResolution,
    ],
  },
  {
    id: 'stage-4-record',
    title: 'Stage 4: LSCP Executive',
    fields: [
      {
        id: 'executiveAction',
        label: 'Action taken by the LSCP Executive with both parties',
        kind: 'longText',
        required: true,
        rule: 'LEE-5',
      },
      { id: 'chairInvolved', label: 'LSCP Chair involved', kind: 'boolean', rule: 'LEE-5' },
      agreedResolution,
    ],
  },
] satisfies ProcedureInput['forms'];
