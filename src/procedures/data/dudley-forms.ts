/**
 * Dudley: the forms its stages are recorded on and its notifications carry, with field
 * labels taken from the partnership's own documents. Plain data.
 */
import type { ProcedureInput } from '../schema';

export const forms = [
  {
    id: 'stage-1-record',
    title: 'Stage 1: conversation between professionals',
    fields: [
      { id: 'reasons', label: 'Reasons for the difference of opinion', kind: 'longText', required: true },
      { id: 'outcome', label: 'Outcome of the conversation', kind: 'longText', required: true },
      {
        id: 'recordedOnPersonRecord',
        label: "Recorded in each agency on the person's record",
        kind: 'boolean',
        rule: 'DUD-1',
      },
    ],
  },
  {
    id: 'stage-2-record',
    title: 'Stage 2: line managers / safeguarding leads',
    fields: [
      { id: 'problem', label: 'What the problem is', kind: 'longText', required: true, rule: 'DUD-3' },
      { id: 'aim', label: 'What the practitioners aim to achieve', kind: 'longText', required: true, rule: 'DUD-3' },
      { id: 'outcome', label: 'Outcome', kind: 'longText', required: true, rule: 'DUD-3' },
      {
        id: 'fedBackToRaiser',
        label: 'Resolution fed back to the practitioner who raised the concern',
        kind: 'boolean',
        rule: 'DUD-3',
      },
    ],
  },
  {
    id: 'stage-3-record',
    title: 'Stage 3: DSAB / DSCPG representatives',
    fields: [
      {
        id: 'escalatedBy',
        label: 'Senior manager who escalated (for a school, Chair of Governors and Head Teacher)',
        kind: 'people',
        rule: 'DUD-5',
      },
      {
        id: 'representatives',
        label: 'DSAB / DSCPG representatives involved',
        kind: 'people',
        required: true,
        rule: 'DUD-5',
      },
      { id: 'meetingDate', label: 'Date of meeting with the parties (if one was held)', kind: 'date' },
      { id: 'outcome', label: 'Outcome', kind: 'longText', required: true, rule: 'DUD-5' },
      {
        id: 'fedBackToRaiser',
        label: 'Resolution fed back to the practitioner who raised the concern',
        kind: 'boolean',
        rule: 'DUD-5',
      },
    ],
  },
  {
    id: 'stage-4-record',
    title: 'Stage 4: DSPP Executive recommendation',
    fields: [
      {
        id: 'writtenRepresentationsReceived',
        label: 'Written representations received',
        kind: 'longText',
        required: true,
        rule: 'DUD-6',
      },
      { id: 'meetingDate', label: 'Date of meeting (if one was called)', kind: 'date', rule: 'DUD-6' },
      {
        id: 'recommendation',
        label: 'Recommendation: most appropriate action and resolution',
        kind: 'longText',
        required: true,
        rule: 'DUD-6',
      },
    ],
  },
  {
    // The template itself is not published with the procedure: fields follow its text (see readings).
    id: 'challenge-resolution-template',
    title: 'Professional Challenge and Resolution Template',
    document: 'Professional Challenge and Resolution Template',
    fields: [
      {
        id: 'agenciesInvolved',
        label: 'Agencies involved',
        kind: 'agencies',
        required: true,
        rule: 'DUD-6',
        prefill: 'agencies',
      },
      { id: 'problem', label: 'What the problem is', kind: 'longText', required: true, rule: 'DUD-6' },
      { id: 'aim', label: 'What the practitioners aim to achieve', kind: 'longText', required: true, rule: 'DUD-6' },
      {
        id: 'stage2Outcome',
        label: 'Outcome at stage 2 (line managers / safeguarding leads)',
        kind: 'longText',
        rule: 'DUD-6',
      },
      {
        id: 'stage3Outcome',
        label: 'Outcome at stage 3 (DSAB / DSCPG representatives)',
        kind: 'longText',
        rule: 'DUD-6',
      },
      { id: 'writtenRepresentation', label: 'Written representation', kind: 'longText', rule: 'DUD-6' },
    ],
  },
] satisfies ProcedureInput['forms'];
