/**
 * Darlington: the forms its stages are recorded on and its notifications carry, with field
 * labels taken from the partnership's own documents. Plain data.
 */
import type { ProcedureInput } from '../schema';

// The recording tool's own heading for the Business Unit's part.
const businessUnitOnly = 'To be completed by DSP Business Unit only';

export const forms = [
  {
    // DAR-7: Appendix 1, only used at stage 3.
    id: 'recording-tool',
    title: 'Professional Challenge Recording Tool',
    document: 'Appendix 1: Professional Challenge Recording Tool (Level 3)',
    notes: [
      'NOTE: Only to be used at Stage 3 of Procedure, after attempts to resolve at Stage 1 & 2 have been exhausted.',
      'At no time must professional disagreement detract from ensuring that a child or an adult at risk is safeguarded.',
    ],
    returnTo:
      'A copy of the recording tool is shared with the DSP Business Unit (DSP@darlington.gov.uk) for recording purposes.',
    fields: [
      {
        id: 'dateRaised',
        label: 'Date Challenge raised',
        kind: 'date',
        required: true,
        rule: 'DAR-7',
        prefill: 'raisedAt',
      },
      {
        id: 'initiatedByName',
        label: 'Challenge initiated by: Name',
        kind: 'text',
        required: true,
        rule: 'DAR-7',
        prefill: 'raisedBy.name',
      },
      {
        id: 'initiatedByRole',
        label: 'Challenge initiated by: Job Role',
        kind: 'text',
        required: true,
        rule: 'DAR-7',
        prefill: 'raisedBy.role',
      },
      {
        id: 'initiatedByOrganisation',
        label: 'Challenge initiated by: Organisation',
        kind: 'text',
        required: true,
        rule: 'DAR-7',
        prefill: 'raisedBy.agency',
      },
      {
        id: 'raisedWithName',
        label: 'Who issue raised with: Name',
        kind: 'text',
        required: true,
        rule: 'DAR-7',
        prefill: 'raisedWith.name',
      },
      {
        id: 'raisedWithRole',
        label: 'Who issue raised with: Job Role',
        kind: 'text',
        required: true,
        rule: 'DAR-7',
        prefill: 'raisedWith.role',
      },
      {
        id: 'raisedWithOrganisation',
        label: 'Who issue raised with: Organisation',
        kind: 'text',
        required: true,
        rule: 'DAR-7',
        prefill: 'raisedWith.agency',
      },
      {
        id: 'areaOfDisagreement',
        label: 'What is the area of disagreement',
        kind: 'text',
        required: true,
        rule: 'DAR-7',
        prefill: 'areas',
      },
      {
        id: 'monitoringActivity',
        label:
          'Details of any Monitoring Activity (including details of attempts to resolve at Level 1 and 2 of Procedure)',
        kind: 'longText',
        required: true,
        rule: 'DAR-7',
        hint: 'i.e. recording of discussions, meetings, or email exchange and with whom',
      },
      {
        id: 'barriers',
        label: 'What do you see as the barriers towards reaching a resolution?',
        kind: 'longText',
        required: true,
        rule: 'DAR-7',
      },
      {
        id: 'managerAgreementName',
        label: 'Manager agreement to hold interagency meeting (Name)',
        kind: 'text',
        required: true,
        rule: 'DAR-7',
      },
      { id: 'managerAgreementDate', label: 'Manager agreement: Date', kind: 'date', required: true, rule: 'DAR-7' },
      { id: 'agenciesToInvite', label: 'Agencies to invite', kind: 'agencies', required: true, rule: 'DAR-7' },
      { id: 'meetingDate', label: 'Date meeting held', kind: 'date', rule: 'DAR-7' },
      { id: 'meetingDiscussion', label: 'Details of discussion', kind: 'longText', rule: 'DAR-7' },
      { id: 'agreedOutcomeActions', label: 'Agreed outcome/actions', kind: 'longText', rule: 'DAR-7' },
      { id: 'outstandingIssues', label: 'Details of any outstanding issues', kind: 'longText', rule: 'DAR-7' },
      { id: 'dateResolved', label: 'Date Resolved', kind: 'date', rule: 'DAR-7', prefill: 'resolvedAt' },
      {
        id: 'nextSteps',
        label: 'If not resolved, next steps (i.e. escalated to Head of Service - Level 4)',
        kind: 'longText',
        rule: 'DAR-7',
      },
      {
        id: 'logIdNumber',
        label: 'ID Number',
        kind: 'text',
        rule: 'DAR-6',
        completedBy: ['partnership.businessUnit'],
        section: businessUnitOnly,
        prefill: 'logId',
      },
      {
        id: 'dateRecorded',
        label: 'Date recorded',
        kind: 'date',
        rule: 'DAR-6',
        completedBy: ['partnership.businessUnit'],
        section: businessUnitOnly,
        prefill: 'logRecordedAt',
      },
      {
        id: 'stageResolved',
        label: 'Details of the stage of the process this issue was resolved',
        kind: 'choice',
        choices: ['Stage 3', 'Stage 4', 'Stage 5'],
        rule: 'DAR-6',
        completedBy: ['partnership.businessUnit'],
        section: businessUnitOnly,
        prefill: 'resolvedAtStage',
      },
    ],
  },
  {
    id: 'stage-1-record',
    title: 'Stage 1: contact with the decision maker',
    fields: [
      { id: 'rationale', label: 'Rationale for the decision', kind: 'longText', required: true, rule: 'DAR-1' },
      {
        id: 'reasonForDisagreement',
        label: 'Reason for disagreement and what was discussed',
        kind: 'longText',
        required: true,
        rule: 'DAR-1',
      },
      { id: 'planOfAction', label: 'Plan of action agreed', kind: 'longText', rule: 'DAR-1' },
      {
        id: 'summaryEmailSent',
        label: 'Follow-up email summarising the key points sent',
        kind: 'boolean',
        rule: 'DAR-1',
      },
    ],
  },
  {
    id: 'stage-2-record',
    title: 'Stage 2: line managers',
    fields: [
      {
        id: 'managerReview',
        label: "Raiser's line manager's review of the concerns",
        kind: 'longText',
        required: true,
        rule: 'DAR-2',
      },
      { id: 'concernJustified', label: 'Concern justified', kind: 'boolean', required: true, rule: 'DAR-2' },
      {
        id: 'liaisonOutcome',
        label: "Outcome of liaison with the receiving professional's line manager",
        kind: 'longText',
        rule: 'DAR-2',
      },
    ],
  },
  {
    id: 'stage-4-record',
    title: 'Stage 4: Heads of Service',
    fields: [
      {
        id: 'decision',
        label: 'Decision reached by the Heads of Service',
        kind: 'longText',
        required: true,
        rule: 'DAR-4',
      },
    ],
  },
  {
    // DAR-5: section 4.2, the information the Business Unit receives.
    id: 'stage-5-report',
    title: 'Report to the Statutory Safeguarding Partners',
    document: 'Section 4.2: threshold for reporting to the Statutory Safeguarding Partners',
    fields: [
      {
        id: 'whatWasTheChallenge',
        label: 'What was the challenge?',
        kind: 'longText',
        required: true,
        rule: 'DAR-5',
        prefill: 'concern',
      },
      {
        id: 'whatWasDone',
        label: 'What was done to address the challenge?',
        kind: 'longText',
        required: true,
        rule: 'DAR-5',
      },
      {
        id: 'outcomeOfActions',
        label: 'What was the outcome of these actions?',
        kind: 'longText',
        required: true,
        rule: 'DAR-5',
      },
      {
        id: 'howResolved',
        label: 'How was the issue resolved?',
        kind: 'longText',
        required: true,
        rule: 'DAR-5',
        prefill: 'agreedOutcome',
      },
      {
        id: 'professionalsSatisfied',
        label: 'Are the professionals involved satisfied with the outcome?',
        kind: 'longText',
        required: true,
        rule: 'DAR-5',
      },
    ],
  },
  {
    id: 'stage-5-record',
    title: 'Stage 5: decision of the Lead Safeguarding Partners',
    fields: [
      {
        id: 'sharedWith',
        label: 'Shared with (Lead Safeguarding Partners / Independent Scrutineer / Chair)',
        kind: 'text',
        required: true,
        rule: 'DAR-5',
      },
      {
        id: 'decision',
        label: 'Decision on the next course of action',
        kind: 'longText',
        required: true,
        rule: 'DAR-5',
      },
    ],
  },
] satisfies ProcedureInput['forms'];
