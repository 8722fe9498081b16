/**
 * Durham: the forms its stages are recorded on and its notifications carry, with field
 * labels taken from the partnership's own documents. Plain data.
 */
import type { ProcedureInput } from '../schema';

const dateResolvedOrProgressed = {
  id: 'dateResolvedOrProgressed',
  label: 'Date resolved / progressed',
  kind: 'date',
  required: true,
  rule: 'DUR-8',
  prefill: 'stageEndedAt',
} as const;

// The Compliance Challenge Form's own headings, for the printed form.
const information = 'Information';

export const forms = [
  {
    // DUR-10: the form's header, identified issue and the IRO's concern.
    id: 'compliance-challenge-form',
    title: 'Compliance Challenge Form',
    document: 'Compliance Challenge Form',
    signatures: ['IRO signature'],
    fields: [
      {
        id: 'familyName',
        label: 'Family name',
        kind: 'text',
        required: true,
        rule: 'DUR-10',
        hint: 'Held on the challenge; never posted to a channel.',
        section: information,
        prefill: 'familyName',
      },
      {
        id: 'iro',
        label: 'IRO',
        kind: 'people',
        required: true,
        rule: 'DUR-10',
        section: information,
        prefill: 'raisedBy.name',
      },
      {
        id: 'professional',
        label: 'Professional',
        kind: 'people',
        required: true,
        rule: 'DUR-10',
        section: information,
        prefill: 'raisedWith.name',
      },
      {
        id: 'lineManager',
        label: 'Line Manager',
        kind: 'people',
        required: true,
        rule: 'DUR-10',
        section: information,
      },
      {
        id: 'dateFormSent',
        label: 'Date form sent',
        kind: 'date',
        required: true,
        rule: 'DUR-10',
        section: information,
      },
      {
        id: 'dateResponseRequired',
        label: 'Date response required',
        kind: 'date',
        required: true,
        rule: 'DUR-4',
        section: information,
      },
      {
        id: 'safeguardingLead',
        label: 'Name of Safeguarding Lead',
        kind: 'people',
        rule: 'DUR-10',
        section: information,
      },
      { id: 'dateOfEscalation', label: 'Date of escalation', kind: 'date', rule: 'DUR-10', section: information },
      {
        id: 'identifiedIssue',
        label: 'Identified Issue',
        kind: 'multiChoice',
        required: true,
        rule: 'DUR-9',
        section: 'Identified Issue',
        prefill: 'areas',
        choices: [
          'Reports not sent to QRT within timescales to be shared with professional',
          'Reports not shared with family within timescale for meeting',
          'Lack of attendance at core groups/care team meetings/conference',
          'Not completing or progressing an action in a plan that is causing delay',
          'Lack of report',
          'Other',
        ],
      },
      {
        id: 'concern',
        label: "The IRO's concern and what we would like to see happening",
        kind: 'longText',
        required: true,
        rule: 'DUR-10',
        section: "The IRO's concern and what we would like to see happening",
        prefill: 'concernAndDesiredOutcome',
      },
    ],
  },
  {
    id: 'stage-1-record',
    title: 'Stage 1: informal discussion',
    fields: [
      {
        id: 'discussion',
        label: 'Informal discussion with the professional',
        kind: 'longText',
        required: true,
        rule: 'DUR-3',
      },
      {
        id: 'resolvedInformally',
        label: 'Resolved informally (IRO decision)',
        kind: 'boolean',
        required: true,
        rule: 'DUR-3',
      },
    ],
  },
  {
    id: 'stage-2-record',
    title: "Stage 2: Line Manager's Response (3 Working Days)",
    document: 'Compliance Challenge Form',
    fields: [
      {
        id: 'lineManagersResponse',
        label: "Line Manager's Response",
        kind: 'longText',
        required: true,
        rule: 'DUR-4',
      },
      dateResolvedOrProgressed,
    ],
  },
  {
    id: 'stage-3-record',
    title: 'Stage 3 (5 Working Days)',
    document: 'Compliance Challenge Form',
    fields: [
      {
        id: 'meetingRecord',
        label: 'Record of the meeting, actions agreed and timescales',
        kind: 'longText',
        required: true,
        rule: 'DUR-5',
      },
      { id: 'dateOfMeeting', label: 'Date of Meeting', kind: 'date', required: true, rule: 'DUR-5' },
      dateResolvedOrProgressed,
    ],
  },
  {
    id: 'stage-4-record',
    title: 'Stage 4 (7 Working Days)',
    document: 'Compliance Challenge Form',
    fields: [
      {
        id: 'meetingRecord',
        label: 'Record of the meeting, actions agreed and timescales',
        kind: 'longText',
        required: true,
        rule: 'DUR-6',
      },
      { id: 'dateOfMeeting', label: 'Date of Meeting', kind: 'date', required: true, rule: 'DUR-6' },
      dateResolvedOrProgressed,
    ],
  },
  {
    id: 'stage-5-record',
    title: 'Stage 5: Reasons for escalation to DSCP',
    document: 'Compliance Challenge Form',
    fields: [
      {
        id: 'reasonsForEscalation',
        label: 'Reasons for escalation to DSCP',
        kind: 'longText',
        required: true,
        rule: 'DUR-7',
      },
      {
        id: 'dateEscalated',
        label: 'Date escalated',
        kind: 'date',
        required: true,
        rule: 'DUR-7',
        prefill: 'stageStartedAt',
      },
    ],
  },
] satisfies ProcedureInput['forms'];
