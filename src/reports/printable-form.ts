/**
 * A partnership's own form for one challenge, filled from its record, as a printable page
 * follows it: the document's title and notes, its headings (fields' `section`), each field
 * with the answer recorded on the form, or else the fact of the record it is filled from
 * (`prefill`), and where the completed form goes. Forms sharing a `document` are one
 * document (Durham's Compliance Challenge Form runs across its stage records). Used for
 * Leeds' Appendix 3 (LEE-11), Darlington's recording tool (DAR-7) and stage 5 report (DAR-5),
 * Durham's compliance challenge form (DUR-10) and Dudley's template (DUD-6). Pure.
 */
import type { Form, FormField, PrefillSource, Procedure } from '../procedures/schema';
import { findStage } from '../workflow/stages';
import type { Challenge, StageRecord } from '../workflow/types';
import { agenciesOf, logRecordedAt, stageLabel, type ReportEntry } from './entries';

export interface PrintableDocument {
  /** The id of its first form. */
  id: string;
  title: string;
  formIds: string[];
}

export interface PrintedRow {
  label: string;
  hint?: string;
  kind: FormField['kind'];
  /** The answer: one entry per line or per value; dates as ISO instants or YYYY-MM-DD days. */
  value: string[];
  /** For choice fields: every choice the form offers, ticked or not. */
  checklist?: { label: string; checked: boolean }[];
  /** Where the answer came from: the form as recorded, the challenge's record, nowhere yet, or withheld from this viewer. */
  source: 'form' | 'record' | 'blank' | 'withheld';
}

export interface PrintedSection {
  /** Empty for rows printed without a heading. */
  heading: string;
  rows: PrintedRow[];
}

export interface PrintedForm {
  documentId: string;
  title: string;
  partnership: string;
  caseReference: string;
  logId: string;
  notes: string[];
  sections: PrintedSection[];
  returnTo?: string;
  signatures: string[];
  /** When each form of the document was recorded, where it was. */
  recorded: { form: string; at: string; by: string }[];
}

/** The partnership's own documents: forms with a `document`, those sharing one together. */
export function printableDocuments(procedure: Procedure): PrintableDocument[] {
  const documents: PrintableDocument[] = [];
  for (const form of procedure.forms) {
    if (!form.document) continue;
    const existing = documents.find((d) => d.title === form.document);
    if (existing) existing.formIds.push(form.id);
    else documents.push({ id: form.id, title: form.document, formIds: [form.id] });
  }
  return documents;
}

/** Where a form's answers are: the latest notification made with it, else the latest stage record it records. */
function answersOf(
  procedure: Procedure,
  challenge: Challenge,
  form: Form,
): { values: Record<string, unknown>; at: string; by: string; record?: StageRecord } {
  const notification = challenge.notifications.filter((n) => n.formId === form.id).at(-1);
  const record = challenge.stages.filter((s) => findStage(procedure, s.stageId)?.record === form.id).at(-1);
  if (notification)
    return {
      values: notification.values,
      at: notification.recordedAt,
      by: notification.recordedBy,
      ...(record ? { record } : {}),
    };
  return {
    values: record?.outcome ?? {},
    at: record?.outcomeRecordedAt ?? '',
    by: record?.outcomeRecordedBy ?? '',
    ...(record ? { record } : {}),
  };
}

function prefillOf(source: PrefillSource, entry: ReportEntry, record: StageRecord | undefined): string[] {
  const { procedure, challenge, events } = entry;
  const one = (v: string | undefined) => (v ? [v] : []);
  switch (source) {
    case 'raisedAt':
      return [challenge.raisedAt];
    case 'raisedBy.name':
      return one(challenge.raisedBy.name);
    case 'raisedBy.role':
      return one(challenge.raisedBy.role);
    case 'raisedBy.agency':
      return one(challenge.raisedBy.agency);
    case 'raisedWith.name':
      return one(challenge.raisedWith.name);
    case 'raisedWith.role':
      return one(challenge.raisedWith.role);
    case 'raisedWith.agency':
      return one(challenge.raisedWith.agency);
    case 'areas':
      return [...challenge.areas];
    case 'concern':
      return one(challenge.concern);
    case 'concernAndDesiredOutcome':
      return [challenge.concern, challenge.desiredOutcome].filter(Boolean);
    case 'agencies':
      return agenciesOf(challenge);
    case 'familyName':
      return one(challenge.familyName);
    case 'logId':
      return one(challenge.logId);
    case 'logRecordedAt':
      return one(logRecordedAt(events));
    case 'resolvedAt':
      return one(challenge.resolution?.resolvedAt);
    case 'resolvedAtStage':
      return challenge.resolution ? [stageLabel(procedure, challenge.resolution.stageId)] : [];
    case 'agreedOutcome':
      return one(challenge.resolution?.agreedOutcome);
    case 'stageStartedAt':
      return one(record?.startedAt);
    case 'stageEndedAt':
      return one(record?.endedAt);
  }
}

/** A person's name as the challenge knows them, or their id when they are not on it any more. */
export function personName(challenge: Challenge, personId: string): string {
  const people = [challenge.raisedBy, challenge.raisedWith, ...Object.values(challenge.participants).flat()];
  return people.find((p) => p?.id === personId)?.name ?? personId;
}

function listed(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.flatMap(listed);
  if (typeof value === 'boolean') return [value ? 'Yes' : 'No'];
  return [String(value)];
}

/**
 * The document filled for this challenge, or undefined when the procedure has no such document.
 * `seesFamilyName`: false withholds every field filled from the family name (DUR-10).
 */
export function printableForm(
  entry: ReportEntry,
  documentId: string,
  options: { seesFamilyName: boolean },
): PrintedForm | undefined {
  const { procedure, challenge } = entry;
  const document = printableDocuments(procedure).find((d) => d.id === documentId);
  if (!document) return undefined;
  const forms = document.formIds.map((id) => procedure.forms.find((f) => f.id === id)!);
  const sections: PrintedSection[] = [];
  const recorded: PrintedForm['recorded'] = [];
  for (const form of forms) {
    const answers = answersOf(procedure, challenge, form);
    if (answers.at) recorded.push({ form: form.title, at: answers.at, by: personName(challenge, answers.by) });
    const fallbackHeading = forms.length > 1 && form.title !== document.title ? form.title : '';
    for (const field of form.fields) {
      const withheld = field.prefill === 'familyName' && !options.seesFamilyName;
      let value = withheld ? [] : listed(answers.values[field.id]);
      let source: PrintedRow['source'] = withheld ? 'withheld' : value.length > 0 ? 'form' : 'blank';
      if (source === 'blank' && field.prefill) {
        value = prefillOf(field.prefill, entry, answers.record);
        if (value.length > 0) source = 'record';
      }
      const checklist =
        field.kind === 'choice' || field.kind === 'multiChoice'
          ? (field.choices ?? []).map((label) => ({ label, checked: value.includes(label) }))
          : undefined;
      const row: PrintedRow = {
        label: field.label,
        ...(field.hint ? { hint: field.hint } : {}),
        kind: field.kind,
        value,
        ...(checklist ? { checklist } : {}),
        source,
      };
      const heading = field.section ?? fallbackHeading;
      const last = sections.at(-1);
      if (last && last.heading === heading) last.rows.push(row);
      else sections.push({ heading, rows: [row] });
    }
  }
  const first = forms[0]!;
  return {
    documentId: document.id,
    title: document.title,
    partnership: procedure.partnership,
    caseReference: challenge.caseReference,
    logId: challenge.logId ?? '',
    notes: forms.flatMap((f) => f.notes),
    sections,
    ...(first.returnTo ? { returnTo: first.returnTo } : {}),
    signatures: forms.flatMap((f) => f.signatures),
    recorded,
  };
}
