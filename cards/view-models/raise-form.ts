/**
 * The raise form's data (cards/templates/raise-form.json). The fields depend on the chosen
 * procedure (Durham's family name, Newcastle's conference dissent and immediate route), so the
 * form is re-rendered when the procedure changes (verb changeProcedure). A failed submission
 * comes back with the user's values kept and each error beside its field. Pure.
 */
import type { Procedure } from '../../src/procedures/schema';
import { choiceValue } from '../choice-value';
import { datasetName } from '../datasets';
import { NOT_A_COMPLAINT, SAFETY_REMINDER } from './wording';
import { keptInput } from './form-fields';
import { personChoices, type DirectoryPerson } from './people';

/** Input ids of the raise form, in the order they appear (also the order of the error summary). */
export const RAISE_FIELDS = [
  'procedureId',
  'caseReference',
  'familyName',
  'subject',
  'kind',
  'conferenceDate',
  'raisedWith',
  'externalName',
  'externalRole',
  'externalAgency',
  'externalEmail',
  'areas',
  'concern',
  'desiredOutcome',
  'evidence',
  'urgency',
] as const;
export type RaiseField = (typeof RAISE_FIELDS)[number];

const LABELS: Record<RaiseField, string> = {
  procedureId: 'Partnership procedure',
  caseReference: 'Case reference',
  familyName: 'Family name',
  subject: 'Child or adult',
  kind: 'What is challenged',
  conferenceDate: 'Date of the conference',
  raisedWith: 'Raised with',
  externalName: 'Their name',
  externalRole: 'Their role',
  externalAgency: 'Their agency',
  externalEmail: 'Their email',
  areas: 'Area of disagreement',
  concern: 'Your concern',
  desiredOutcome: 'What you want to happen',
  evidence: 'Evidence-based reason',
  urgency: 'Urgency',
};

export const EXTERNAL = 'external';

export interface RaiseFormInput {
  /** Every procedure the user may choose from. */
  procedures: readonly Procedure[];
  /** The chosen one: the user's own partnership by default. */
  procedure: Procedure;
  /** The id the new challenge will have; a double press of "Raise" then raises it once. */
  challengeId: string;
  /** People the challenge may be raised with: all of them, or a short list (cards/pickers.ts). */
  people: readonly DirectoryPerson[];
  /** The partnership has more people than `people`: "Raised with" is a typeahead that finds them. */
  morePeople?: boolean;
  /** What the user entered before, kept on a re-render: a press's data as sent, checked here. */
  values?: Readonly<Record<string, unknown>>;
  /** Field id → message, shown beside the field and in a summary at the top. */
  errors?: Partial<Record<string, string>>;
}

export function toRaiseFormCardData(input: RaiseFormInput) {
  const { procedure, values = {}, errors = {} } = input;
  // Only what an input could have sent comes back into an input (never an object from a crafted press).
  const v = Object.fromEntries(RAISE_FIELDS.map((f) => [f, keptInput(values[f])])) as Record<RaiseField, string>;
  v.procedureId = procedure.id;
  if (!v.subject && procedure.subjects.length === 1) v.subject = procedure.subjects[0] ?? '';
  v.kind ||= 'decision';
  v.urgency ||= 'standard';
  // Kept areas are shown as the slugs the choices are sent as (see choice-value.ts).
  const sent = values.areas;
  const listed = Array.isArray(sent) && sent.every((a) => typeof a === 'string') ? sent : v.areas.split(',');
  const areas = listed.map((a) => choiceValue(a)).filter(Boolean);
  v.areas = (procedure.multipleAreas ? areas : areas.slice(0, 1)).join(',');
  const err = Object.fromEntries(RAISE_FIELDS.map((f) => [f, errors[f] ?? ''])) as Record<RaiseField, string>;
  const summary = Object.entries(errors)
    .filter((e): e is [string, string] => Boolean(e[1]))
    // An error of the whole form (the procedure's own refusal) is said as it is, with no field name.
    .map(([f, message]) => (f in LABELS ? `${LABELS[f as RaiseField]}: ${message}` : message));
  const immediate = procedure.immediateRoute
    ? procedure.stages.find((s) => s.id === procedure.immediateRoute?.stage)
    : undefined;
  const hidden = { challengeId: input.challengeId, version: 0 };
  return {
    title: 'Raise a professional challenge',
    safety: SAFETY_REMINDER,
    notComplaint: NOT_A_COMPLAINT,
    hasErrors: summary.length > 0,
    errorSummary: summary.map((line) => ({ line })),
    raiseData: { verb: 'raise', ...hidden },
    changeData: { verb: 'changeProcedure', ...hidden },
    procedureChoices: input.procedures.map((p) => ({ title: p.partnership, value: p.id })),
    procedureTitle: `${procedure.partnership}: ${procedure.title}`,
    show: {
      familyName: procedure.raiseForm.familyName,
      conferenceDissent: procedure.raiseForm.conferenceDissent,
      immediate: Boolean(procedure.immediateRoute),
      multipleAreas: procedure.multipleAreas,
      external:
        v.raisedWith === EXTERNAL ||
        ['externalName', 'externalRole', 'externalAgency', 'externalEmail'].some((f) => errors[f]),
    },
    labels: LABELS,
    subjectChoices: procedure.subjects.map((s) => ({ title: s === 'child' ? 'A child' : 'An adult', value: s })),
    kindChoices: [
      { title: 'A decision or practice of another agency', value: 'decision' },
      { title: 'Dissent from a child protection conference decision', value: 'conferenceDissent' },
    ],
    peopleChoices: [
      ...personChoices(input.people),
      { title: 'Someone not in this list: an external professional', value: EXTERNAL },
    ],
    peopleDataset: input.morePeople ? datasetName({ kind: 'raisedWith', procedureId: procedure.id }) : '',
    areaChoices: procedure.areasOfDisagreement.map((a) => ({ title: a, value: choiceValue(a) })),
    areasHelp: procedure.multipleAreas ? 'Choose one or more.' : 'Choose one.',
    urgencyChoices: [
      { title: 'Standard: follow the stages', value: 'standard' },
      {
        title: `Immediate: ${immediate ? `${immediate.label}, ${immediate.title}` : 'the urgent route'}`,
        value: 'immediate',
      },
    ],
    urgencyHelp: immediate
      ? `Only where the decision puts the ${v.subject || 'child or adult'} at significant risk; ${immediate.summary}`
      : '',
    v,
    err,
  };
}
export type RaiseFormCardData = ReturnType<typeof toRaiseFormCardData>;
