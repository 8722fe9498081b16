/**
 * A challenge's full record for a subject access request (UK GDPR article 15), exported by
 * the partnership's business unit: everything held on it (the snapshot, every event of its
 * history, every refused request and who did what when), in words for people and whole as
 * JSON. Pure: the caller passes what the stores hold and `now`.
 */
import type { Procedure } from '../procedures/schema';
import { describeRole } from '../workflow/roles';
import type { Challenge, ChallengeEvent, PersonRef } from '../workflow/types';
import { answerText } from './partnership-outcomes';
import { personName } from './printable-form';
import { stageLabel } from './entries';

export interface RefusedRequest {
  at: string;
  actor: { id: string; name: string };
  commandType: string;
  code: string;
  reason: string;
}

export interface HistoryLine {
  at: string;
  by: string;
  what: string;
  details: { label: string; value: string }[];
}

export interface SubjectAccessRecord {
  generatedAt: string;
  generatedBy: { id: string; name: string };
  partnership: string;
  procedure: { id: string; title: string; source: string };
  caseReference: string;
  people: { role: string; name: string; jobRole: string; agency: string; email: string }[];
  history: HistoryLine[];
  refusals: RefusedRequest[];
  /** As stored: the snapshot and the events, for the JSON export. */
  challenge: Challenge;
  events: ChallengeEvent[];
}

const WHAT: Record<ChallengeEvent['type'], string> = {
  ChallengeRaised: 'Challenge raised',
  StageEntered: 'Stage entered',
  StageOutcomeRecorded: 'Stage outcome recorded',
  Escalated: 'Escalated',
  Resolved: 'Resolved',
  Paused: 'Paused',
  Resumed: 'Resumed',
  ExtensionRequested: 'Extension requested',
  ExtensionAgreed: 'Extension agreed',
  ExtensionDeclined: 'Extension declined',
  HandedOver: 'Handed over',
  MeetingRecorded: 'Meeting recorded',
  PartnershipNotified: 'Partnership form sent',
  LogIdAssigned: 'Log ID given',
  ReminderSent: 'Reminder sent',
};

/** Labels for the keys events carry, where a key alone would not say it. */
const KEY_LABELS: Record<string, string> = {
  caseReference: 'Case reference',
  familyName: 'Family name',
  subject: 'About a',
  kind: 'Kind',
  areas: 'Area of disagreement',
  concern: 'Concern',
  desiredOutcome: 'What the raiser wants to happen',
  evidence: 'Evidence-based reason',
  urgency: 'Urgency',
  reason: 'Reason',
  agreedOutcome: 'Agreed outcome',
  outstandingIssues: 'How outstanding issues will be pursued',
  deadline: 'Deadline',
  until: 'Until',
  logId: 'Log ID',
  date: 'Date',
  attendees: 'Attendees',
  familyAttended: 'Family attended',
  outcome: 'Outcome',
  actions: 'Actions',
  level: 'Reminder',
};

function personLine(p: PersonRef): string {
  return [p.name, p.role, p.agency].filter(Boolean).join(', ');
}

function detailsOf(procedure: Procedure, challenge: Challenge, event: ChallengeEvent): HistoryLine['details'] {
  const d = event.data as Record<string, unknown>;
  const fieldLabels = (formId: string | undefined) =>
    new Map((procedure.forms.find((f) => f.id === formId)?.fields ?? []).map((f) => [f.id, f.label]));
  const fromValues = (values: Record<string, unknown>, formId: string | undefined) => {
    const labels = fieldLabels(formId);
    return Object.entries(values)
      .map(([key, value]) => ({ label: labels.get(key) ?? key, value: answerText(value) }))
      .filter((x) => x.value !== '');
  };
  switch (event.type) {
    case 'ChallengeRaised':
      return [
        { label: 'Raised by', value: personLine(event.data.raisedBy) },
        { label: 'Raised with', value: personLine(event.data.raisedWith) },
        ...[
          'caseReference',
          'familyName',
          'subject',
          'kind',
          'conferenceDate',
          'areas',
          'concern',
          'desiredOutcome',
          'evidence',
          'urgency',
        ]
          .map((key) => ({ label: KEY_LABELS[key] ?? key, value: answerText(d[key]) }))
          .filter((x) => x.value !== ''),
      ];
    case 'StageEntered':
      return [
        { label: 'Stage', value: stageLabel(procedure, event.data.stageId) },
        ...(event.data.deadline ? [{ label: 'Deadline', value: event.data.deadline }] : []),
      ];
    case 'StageOutcomeRecorded': {
      const stage = procedure.stages.find((s) => s.id === event.data.stageId);
      return [
        { label: 'Stage', value: stageLabel(procedure, event.data.stageId) },
        ...fromValues(event.data.values, stage?.record),
      ];
    }
    case 'Escalated':
      return [
        { label: 'From', value: stageLabel(procedure, event.data.from) },
        { label: 'To', value: stageLabel(procedure, event.data.to) },
        { label: 'Reason', value: event.data.reason },
      ];
    case 'Resolved':
      return [
        { label: 'At', value: stageLabel(procedure, event.data.stageId) },
        { label: KEY_LABELS.agreedOutcome!, value: event.data.agreedOutcome },
        { label: KEY_LABELS.outstandingIssues!, value: event.data.outstandingIssues },
      ];
    case 'HandedOver':
      return [
        { label: 'Role', value: describeRole(event.data.role) },
        { label: 'From', value: personName(challenge, event.data.from) },
        { label: 'To', value: personLine(event.data.to) },
      ];
    case 'PartnershipNotified':
      return [
        { label: 'Form', value: procedure.forms.find((f) => f.id === event.data.formId)?.title ?? event.data.formId },
        ...fromValues(event.data.values, event.data.formId),
      ];
    case 'ReminderSent':
      return [
        { label: 'Reminder', value: event.data.level },
        { label: 'To', value: event.data.to.map((id) => personName(challenge, id)).join(', ') },
      ];
    default:
      return Object.entries(d)
        .map(([key, value]) => ({ label: KEY_LABELS[key] ?? key, value: answerText(value) }))
        .filter((x) => x.value !== '');
  }
}

export function subjectAccessRecord(input: {
  procedure: Procedure;
  challenge: Challenge;
  events: readonly ChallengeEvent[];
  refusals: readonly RefusedRequest[];
  now: Date;
  requestedBy: { id: string; name: string };
}): SubjectAccessRecord {
  const { procedure, challenge, events } = input;
  const people = (
    Object.entries(challenge.participants) as [Parameters<typeof describeRole>[0], PersonRef[]][]
  ).flatMap(([role, refs]) =>
    refs.map((p) => ({
      role: describeRole(role),
      name: p.name,
      jobRole: p.role ?? '',
      agency: p.agency ?? '',
      email: p.email ?? '',
    })),
  );
  return {
    generatedAt: input.now.toISOString(),
    generatedBy: input.requestedBy,
    partnership: procedure.partnership,
    procedure: { id: procedure.id, title: procedure.title, source: procedure.source },
    caseReference: challenge.caseReference,
    people,
    history: events.map((event) => ({
      at: event.at,
      by: event.by.name,
      what: WHAT[event.type],
      details: detailsOf(procedure, challenge, event),
    })),
    refusals: input.refusals.map((r) => ({
      at: r.at,
      actor: r.actor,
      commandType: r.commandType,
      code: r.code,
      reason: r.reason,
    })),
    challenge,
    events: [...events],
  };
}
