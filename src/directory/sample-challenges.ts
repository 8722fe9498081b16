/**
 * Sample challenges of all five procedures, beside the sample directory: each a raise and the
 * presses that follow, at London wall-clock times, given by the people of the directory. They
 * are run through the real workflow (src/cli/seed-sample-challenges.ts over storage; the report
 * tests in memory), so their histories are real ones. `npm start` seeds them, moved by whole
 * weeks so that they end shortly before today; the tab's tests use them as they are.
 * Plain data: names, case references and text are invented.
 */
import type { Command } from '../workflow/types';

/** The moment the plan is written for: every press is before it. */
export const SAMPLE_NOW = '2026-12-01 10:00';

export type SampleCommand = Exclude<Command, { type: 'raise' } | { type: 'recordReminder' }>;

export interface SampleStep {
  /** London wall-clock time, 'YYYY-MM-DD HH:MM'. */
  at: string;
  /** A directory person's name. */
  by: string;
  command: SampleCommand;
}

export interface SampleChallenge {
  id: string;
  procedureId: string;
  caseReference: string;
  familyName?: string;
  subject: 'child' | 'adult';
  /** Names of directory people. */
  raiser: string;
  raisedWith: string;
  areas: string[];
  concern: string;
  desiredOutcome: string;
  evidence: string;
  raisedAt: string;
  steps: SampleStep[];
}

const escalate = (reason: string): SampleCommand => ({ type: 'escalate', reason });
const resolve = (agreedOutcome: string, outstandingIssues = 'None outstanding.'): SampleCommand => ({
  type: 'resolve',
  agreedOutcome,
  outstandingIssues,
});

const common = {
  concern: 'The decision about the referral does not reflect what the school has seen over three weeks.',
  desiredOutcome: 'A joint review of the decision with the information both agencies hold.',
  evidence: 'Three logged incidents and the attendance record for the half term.',
} as const;

export const sampleChallenges: SampleChallenge[] = [
  // Darlington (DAR): the scorecard's quarter (Q3 2026-27) and one in the quarter before.
  {
    id: '0c6e9a52-1b7d-4f0e-9d43-5b8f1d2a0101',
    procedureId: 'darlington',
    caseReference: 'DAR-GP-0101',
    subject: 'adult',
    raiser: 'Gail Young',
    raisedWith: 'Mina Patel',
    areas: ['Response to a safeguarding concern'],
    ...common,
    raisedAt: '2026-10-05 10:00',
    steps: [
      {
        at: '2026-10-06 11:00',
        by: 'Gail Young',
        command: resolve('The safeguarding concern is to be screened again today.'),
      },
    ],
  },
  {
    id: '0c6e9a52-1b7d-4f0e-9d43-5b8f1d2a0102',
    procedureId: 'darlington',
    caseReference: 'DAR-GP-0102',
    subject: 'adult',
    raiser: 'Gail Young',
    raisedWith: 'Mina Patel',
    areas: ['Perceived levels of risk - threshold decisions'],
    ...common,
    raisedAt: '2026-10-07 10:00',
    steps: [
      { at: '2026-10-09 10:00', by: 'Gail Young', command: escalate('No shared understanding of the risk.') },
      {
        at: '2026-10-13 10:00',
        by: 'Hugo Baker',
        command: resolve('Threshold reviewed by both managers; a Section 42 enquiry opens.'),
      },
    ],
  },
  {
    id: '0c6e9a52-1b7d-4f0e-9d43-5b8f1d2a0201',
    procedureId: 'darlington',
    caseReference: 'DAR-ASC-0201',
    subject: 'adult',
    raiser: 'Mina Patel',
    raisedWith: 'Gail Young',
    areas: ['Information sharing and communication'],
    ...common,
    raisedAt: '2026-10-12 10:00',
    steps: [
      {
        at: '2026-10-13 12:00',
        by: 'Mina Patel',
        command: escalate('The practice has not shared the medication review.'),
      },
      {
        at: '2026-10-19 10:00',
        by: 'Ned Price',
        command: escalate('The managers agree an interagency meeting is needed.'),
      },
      { at: '2026-10-20 10:00', by: 'Tess Wynn', command: { type: 'assignLogId', logId: 'DSP-2026-014' } },
      {
        at: '2026-10-22 15:00',
        by: 'Ned Price',
        command: {
          type: 'recordOutcome',
          values: {
            dateRaised: '2026-10-12',
            initiatedByName: 'Mina Patel',
            initiatedByRole: 'Social Worker',
            initiatedByOrganisation: 'Darlington Adult Social Care',
            raisedWithName: 'Gail Young',
            raisedWithRole: 'Practice Nurse',
            raisedWithOrganisation: 'Bondgate GP Practice',
            areaOfDisagreement: 'Information sharing and communication',
            monitoringActivity: 'Phone call on 12 October and email on 13 October; line managers spoke on 16 October.',
            barriers: 'Different readings of consent to share the medication review.',
            managerAgreementName: 'Ned Price',
            managerAgreementDate: '2026-10-19',
            agenciesToInvite: ['Bondgate GP Practice', 'Darlington Adult Social Care'],
            meetingDate: '2026-10-22',
            meetingDiscussion: 'Consent and the lawful basis to share were discussed.',
            agreedOutcomeActions: 'The review is shared under the safeguarding duty by 26 October.',
            outstandingIssues: 'None.',
          },
        },
      },
      {
        at: '2026-10-29 10:00',
        by: 'Ned Price',
        command: resolve('The medication review was shared and the plan updated.'),
      },
    ],
  },
  {
    id: '0c6e9a52-1b7d-4f0e-9d43-5b8f1d2a0103',
    procedureId: 'darlington',
    caseReference: 'DAR-GP-0103',
    subject: 'adult',
    raiser: 'Gail Young',
    raisedWith: 'Mina Patel',
    areas: ['Response to a safeguarding concern'],
    ...common,
    raisedAt: '2026-11-02 10:00',
    steps: [
      { at: '2026-11-03 10:00', by: 'Gail Young', command: escalate('The concern was closed without contact.') },
      { at: '2026-11-06 12:00', by: 'Hugo Baker', command: escalate('The managers could not agree.') },
      { at: '2026-11-09 10:00', by: 'Tess Wynn', command: { type: 'assignLogId', logId: 'DSP-2026-015' } },
      { at: '2026-11-16 10:00', by: 'Hugo Baker', command: escalate('The interagency meeting did not resolve it.') },
      { at: '2026-11-23 10:00', by: 'Kara Bloom', command: escalate('The Heads of Service could not agree.') },
      {
        at: '2026-11-24 14:00',
        by: 'Tess Wynn',
        command: {
          type: 'recordNotification',
          formId: 'stage-5-report',
          values: {
            whatWasTheChallenge: 'A safeguarding concern closed without contact with the adult.',
            whatWasDone: 'Line managers, an interagency meeting and the Heads of Service considered it.',
            outcomeOfActions: 'No agreement on whether a Section 42 enquiry is needed.',
            howResolved: 'Not yet resolved: referred to the Lead Safeguarding Partners.',
            professionalsSatisfied: 'No.',
          },
        },
      },
    ],
  },
  {
    id: '0c6e9a52-1b7d-4f0e-9d43-5b8f1d2a0199',
    procedureId: 'darlington',
    caseReference: 'DAR-ASC-0199',
    subject: 'adult',
    raiser: 'Mina Patel',
    raisedWith: 'Gail Young',
    areas: ['Service provision'],
    ...common,
    raisedAt: '2026-09-07 10:00',
    steps: [{ at: '2026-09-08 10:00', by: 'Mina Patel', command: resolve('The home visit was booked.') }],
  },

  // Leeds (LEE): one at step 3a with the Appendix 3 notification (LEE-3, LEE-11), one resolved, one paused and resumed.
  {
    id: '1d7fab63-2c8e-4a1f-8e54-6c9a2e3b0101',
    procedureId: 'leeds',
    caseReference: 'LCC-2026-0101',
    subject: 'child',
    raiser: 'Amira Khan',
    raisedWith: 'Grace Liu',
    areas: ['Differences in the handling of referrals / requests for services between agencies'],
    ...common,
    raisedAt: '2026-11-02 10:00',
    steps: [
      { at: '2026-11-11 10:00', by: 'Amira Khan', command: escalate('We could not agree at step 1.') },
      { at: '2026-11-26 10:00', by: 'Ben Ortiz', command: escalate('The line managers could not agree.') },
      {
        at: '2026-11-27 11:00',
        by: 'Eleanor Price',
        command: {
          type: 'recordNotification',
          formId: 'stage-3-notification',
          values: {
            notifierName: 'Eleanor Price',
            notifierAgency: 'Parkside Primary School',
            notifierRole: 'Head Teacher',
            notifierEmailAndTelephone: 'eleanor.price@parkside.example, 0113 496 0001',
            dateOfNotification: '2026-11-27',
            agenciesInvolved: ['Parkside Primary School', 'Leeds Children and Families Social Work Service'],
            initialConcerns: 'A referral closed with no assessment after three incidents logged by the school.',
            stepsTakenToDate: 'Practitioners met on 4 November; line managers spoke on 18 and 25 November.',
          },
        },
      },
    ],
  },
  {
    id: '1d7fab63-2c8e-4a1f-8e54-6c9a2e3b0102',
    procedureId: 'leeds',
    caseReference: 'LCC-2026-0102',
    subject: 'child',
    raiser: 'Amira Khan',
    raisedWith: 'Grace Liu',
    areas: ['Differences in the handling of referrals / requests for services between agencies'],
    ...common,
    raisedAt: '2026-10-05 10:00',
    steps: [
      {
        at: '2026-10-09 15:00',
        by: 'Grace Liu',
        command: resolve('A child and family assessment starts on 12 October.'),
      },
    ],
  },
  {
    id: '1d7fab63-2c8e-4a1f-8e54-6c9a2e3b0103',
    procedureId: 'leeds',
    caseReference: 'LCC-2026-0103',
    subject: 'child',
    raiser: 'Amira Khan',
    raisedWith: 'Grace Liu',
    areas: ['Differences in the handling of referrals / requests for services between agencies'],
    ...common,
    raisedAt: '2026-11-16 10:00',
    steps: [
      {
        at: '2026-11-18 09:00',
        by: 'Amira Khan',
        command: { type: 'pause', reason: 'The social worker is off sick.' },
      },
      { at: '2026-11-23 09:00', by: 'Amira Khan', command: { type: 'resume' } },
    ],
  },

  // Durham (DUR): three challenges by the IRO to the same trust within a year (DUR-11), one with its form (DUR-10).
  {
    id: '2e80bc74-3d9f-4b20-9f65-7dab3f4c0101',
    procedureId: 'durham',
    caseReference: 'DCC-LAC-0101',
    familyName: 'Ashworth',
    subject: 'child',
    raiser: 'Dawn Pike',
    raisedWith: 'Jade Fox',
    areas: ['Lack of report'],
    ...common,
    raisedAt: '2026-09-07 10:00',
    steps: [
      { at: '2026-09-08 10:00', by: 'Dawn Pike', command: escalate('Not resolved informally.') },
      { at: '2026-09-10 10:00', by: 'Kai Lowe', command: resolve('The report was sent to QRT.') },
    ],
  },
  {
    id: '2e80bc74-3d9f-4b20-9f65-7dab3f4c0102',
    procedureId: 'durham',
    caseReference: 'DCC-LAC-0102',
    familyName: 'Brennan-Holt',
    subject: 'child',
    raiser: 'Dawn Pike',
    raisedWith: 'Jade Fox',
    areas: ['Lack of attendance at core groups/care team meetings/conference'],
    ...common,
    raisedAt: '2026-10-12 10:00',
    steps: [
      {
        at: '2026-10-12 15:00',
        by: 'Dawn Pike',
        command: resolve('The health visitor will attend the next core group.'),
      },
    ],
  },
  {
    id: '2e80bc74-3d9f-4b20-9f65-7dab3f4c0103',
    procedureId: 'durham',
    caseReference: 'DCC-LAC-0103',
    familyName: 'Quartermaine',
    subject: 'child',
    raiser: 'Dawn Pike',
    raisedWith: 'Jade Fox',
    areas: ['Reports not sent to QRT within timescales to be shared with professional', 'Lack of report'],
    ...common,
    raisedAt: '2026-11-16 10:00',
    steps: [
      { at: '2026-11-17 10:00', by: 'Dawn Pike', command: escalate('Not resolved informally.') },
      {
        at: '2026-11-17 14:00',
        by: 'Dawn Pike',
        command: {
          type: 'recordNotification',
          formId: 'compliance-challenge-form',
          values: {
            familyName: 'Quartermaine',
            iro: 'Dawn Pike',
            professional: 'Jade Fox',
            lineManager: 'Kai Lowe',
            dateFormSent: '2026-11-17',
            dateResponseRequired: '2026-11-20',
            identifiedIssue: [
              'Reports not sent to QRT within timescales to be shared with professional',
              'Lack of report',
            ],
            concern: 'The health report for the review was not sent to QRT; we would like it sent and a date agreed.',
          },
        },
      },
    ],
  },

  // Newcastle (NEW): one through every step to the coordinator, with learning for the partnership (NEW-9).
  {
    id: '3f91cd85-4ea0-4c31-8a76-8ebc4a5d0101',
    procedureId: 'newcastle',
    caseReference: 'NPOL-2026-0101',
    subject: 'child',
    raiser: 'Rosa Diaz',
    raisedWith: 'Xena Cho',
    areas: ['A decision, action or lack of action about a referral'],
    ...common,
    raisedAt: '2026-10-05 10:00',
    steps: [
      { at: '2026-10-05 14:00', by: 'Rosa Diaz', command: escalate('Consulted colleagues; the concern stands.') },
      { at: '2026-10-06 10:00', by: 'Rosa Diaz', command: escalate('The professionals could not agree.') },
      { at: '2026-10-07 10:00', by: 'Sam Kerr', command: escalate('Line managers could not agree.') },
      { at: '2026-10-08 10:00', by: 'Sam Kerr', command: escalate('The service manager upheld the decision.') },
      { at: '2026-10-09 10:00', by: 'Will Knox', command: escalate('The Assistant Directors could not agree.') },
      {
        at: '2026-10-14 10:00',
        by: 'Eli Graham',
        command: {
          type: 'recordOutcome',
          values: {
            courseOfAction: 'A joint strategy discussion, chaired by the coordinator.',
            reportedToPartnership: true,
            learning: 'Police must be invited to strategy discussions when a child has gone missing twice.',
          },
        },
      },
      {
        at: '2026-10-15 10:00',
        by: 'Eli Graham',
        command: resolve('A strategy discussion was held and a plan agreed.'),
      },
    ],
  },
  {
    id: '3f91cd85-4ea0-4c31-8a76-8ebc4a5d0102',
    procedureId: 'newcastle',
    caseReference: 'NCSC-2026-0102',
    subject: 'child',
    raiser: 'Xena Cho',
    raisedWith: 'Rosa Diaz',
    areas: ['A decision, action or lack of action in an enquiry'],
    ...common,
    raisedAt: '2026-11-09 10:00',
    steps: [
      { at: '2026-11-09 15:00', by: 'Xena Cho', command: escalate('Consulted the safeguarding lead.') },
      {
        at: '2026-11-10 10:00',
        by: 'Rosa Diaz',
        command: resolve('The police log was shared with the social worker.'),
      },
    ],
  },

  // Dudley (DUD): one to stage 4, the partnership executive, with its record and template (DUD-6, DUD-7).
  {
    id: '4aa2de96-5fb1-4d42-9b87-9fcd5b6e0101',
    procedureId: 'dudley',
    caseReference: 'NPA-2026-0101',
    subject: 'child',
    raiser: 'Olivia Hart',
    raisedWith: 'Uma Shah',
    areas: ['Difference of professional opinion about a child, young person or adult'],
    ...common,
    raisedAt: '2026-10-05 10:00',
    steps: [
      { at: '2026-10-06 10:00', by: 'Olivia Hart', command: escalate('The conversation did not resolve it.') },
      { at: '2026-10-09 10:00', by: 'Paul Nandra', command: escalate('The safeguarding leads could not agree.') },
      { at: '2026-10-14 10:00', by: 'Ravi Bhatt', command: escalate('The DSCPG representatives could not agree.') },
      {
        at: '2026-10-15 10:00',
        by: 'Abi Turner',
        command: {
          type: 'recordNotification',
          formId: 'challenge-resolution-template',
          values: {
            agenciesInvolved: ['Netherton Park Academy', "Dudley Children's Services"],
            problem: 'Whether the threshold for a child protection enquiry is met.',
            aim: 'A shared decision on the enquiry and a plan for the child.',
            stage2Outcome: 'No agreement between the safeguarding leads.',
            stage3Outcome: 'No agreement between the representatives.',
          },
        },
      },
      {
        at: '2026-10-20 10:00',
        by: 'Carl Hughes',
        command: {
          type: 'recordOutcome',
          values: {
            writtenRepresentationsReceived: 'Both agencies wrote by 19 October.',
            meetingDate: '2026-10-19',
            recommendation: 'A strategy discussion is held and the threshold decision reviewed by a service manager.',
          },
        },
      },
      {
        at: '2026-10-21 10:00',
        by: 'Carl Hughes',
        command: resolve('The recommendation was accepted by both agencies.'),
      },
    ],
  },
];
