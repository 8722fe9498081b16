/**
 * A procedure form's fields as card inputs (recordOutcome, recordNotification): the template
 * picks the input by `input` and binds everything else. Ids carry the verb as a prefix because
 * input ids must be unique across a card. Pure.
 */
import type { Form, FormField, OwnerRole } from '../../src/procedures/schema';
import { choiceValue } from '../choice-value';
import { INPUT_LIMITS } from '../limits';

export interface FieldInput {
  id: string;
  label: string;
  hint: string;
  /**
   * 'lookup' is a typeahead over the directory (a person, agencies): a filtered choice whose
   * short list the card carries and whose `dataset` the bot searches as the user types.
   */
  input: 'text' | 'date' | 'toggle' | 'choice' | 'lookup';
  /** The Data.Query dataset of a 'lookup' (cards/datasets.ts); '' for any other input. */
  dataset: string;
  multiline: boolean;
  multi: boolean;
  choices: { title: string; value: string }[];
  value: string;
  /** Why the value sent was not accepted, shown beside the input; '' when none. */
  error: string;
  /** Input.ChoiceSet style: 'expanded' (radio buttons), 'compact' or 'filtered' (a list one can type into). */
  style: 'expanded' | 'compact' | 'filtered';
  placeholder: string;
  maxLength: number;
}

/** Fields the viewer fills in: a field `completedBy` some roles is only for those roles. */
export function fieldsFor(form: Form, viewerRoles: readonly OwnerRole[]): FormField[] {
  return form.fields.filter((f) => !f.completedBy || f.completedBy.some((r) => viewerRoles.includes(r)));
}

type Shape = Pick<FieldInput, 'input' | 'multiline' | 'multi' | 'choices' | 'hint'> & Partial<FieldInput>;

/** What a card offers for a form's 'agencies' fields: a short list of names and the dataset searching them all. */
export interface AgencyPicker {
  names: readonly string[];
  dataset?: string;
}

/** Agency names as choices, each sent as its slug (a multi-select joins values with commas). */
export function agencyChoices(names: readonly string[]): { title: string; value: string }[] {
  return names.map((a) => ({ title: a, value: choiceValue(a) }));
}

function inputOf(field: FormField, agencies: AgencyPicker): Shape {
  const hint = field.hint ?? '';
  switch (field.kind) {
    case 'date':
      return { input: 'date', multiline: false, multi: false, choices: [], hint };
    case 'boolean':
      return { input: 'toggle', multiline: false, multi: false, choices: [], hint };
    case 'choice':
    case 'multiChoice':
      return {
        input: 'choice',
        multiline: false,
        multi: field.kind === 'multiChoice',
        choices: (field.choices ?? []).map((c) => ({ title: c, value: choiceValue(c) })),
        hint,
      };
    case 'agencies':
      if (agencies.names.length && agencies.dataset) {
        return {
          input: 'lookup',
          dataset: agencies.dataset,
          multiline: false,
          multi: true,
          choices: agencyChoices(agencies.names),
          placeholder: 'Start typing an agency',
          hint: hint || 'Choose one or more; type to find others.',
        };
      }
      if (agencies.names.length) {
        return { input: 'choice', multiline: false, multi: true, choices: agencyChoices(agencies.names), hint };
      }
      return {
        input: 'text',
        multiline: false,
        multi: false,
        choices: [],
        hint: hint || 'Agency names, separated by commas.',
      };
    case 'people':
      return {
        input: 'text',
        multiline: false,
        multi: false,
        choices: [],
        hint: hint || 'Names, separated by commas.',
      };
    case 'longText':
      return { input: 'text', multiline: true, multi: false, choices: [], hint };
    default:
      return { input: 'text', multiline: false, multi: false, choices: [], hint };
  }
}

/** The longest text an input keeps when a card comes back with what was typed: the inputs' own maxLength. */
const MAX_KEPT_INPUT = INPUT_LIMITS.text;

/**
 * A value a press sent, as the text an input may show again: strings (cut to the inputs'
 * length), numbers and booleans as written, a list of those joined by commas; anything else
 * (an object, a nested list) is not something an input could have sent, and is dropped.
 */
export function keptInput(value: unknown): string {
  const scalar = (v: unknown): string | undefined =>
    typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  const text = Array.isArray(value)
    ? value.every((v) => scalar(v) !== undefined)
      ? value.map(scalar).join(',')
      : ''
    : (scalar(value) ?? '');
  return text.slice(0, MAX_KEPT_INPUT);
}

/** What a sub-form shows again: the values sent and the errors, by field id with or without the verb prefix. */
export interface Kept {
  values?: Readonly<Record<string, unknown>>;
  errors?: Readonly<Record<string, string>>;
}

const keptBy = <T>(record: Readonly<Record<string, T>> | undefined, prefix: string, id: string): T | undefined =>
  record?.[`${prefix}.${id}`] ?? record?.[id];

/** An error beside its field, naming it: "Agreed outcome: please fill this in." */
function fieldError(label: string, message: string | undefined): string {
  if (!message) return '';
  return `${label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

/** One input of a sub-form, with the value and the error it comes back with. */
export function input(
  prefix: string,
  id: string,
  label: string,
  shape: Partial<Omit<FieldInput, 'id' | 'label'>> & { required?: boolean },
  kept: Kept = {},
): FieldInput {
  const { required, ...rest } = shape;
  const sent = keptBy(kept.values, prefix, id);
  const base: FieldInput = {
    id: `${prefix}.${id}`,
    label: required ? `${label} (required)` : label,
    hint: '',
    input: 'text',
    multiline: false,
    multi: false,
    choices: [],
    dataset: '',
    value: '',
    error: fieldError(label, keptBy(kept.errors, prefix, id)),
    style: 'expanded',
    placeholder: '',
    maxLength: MAX_KEPT_INPUT,
    ...rest,
  };
  if (base.input === 'toggle') return { ...base, value: String(keptInput(sent) === 'true') };
  if (sent === undefined) return base;
  if (base.input !== 'choice' && !(base.input === 'lookup' && base.multi)) return { ...base, value: keptInput(sent) };
  // A kept choice is shown as the value its choice is sent as; a list is kept item by item
  // (the partnerships' wording has commas in it).
  const items = Array.isArray(sent) && keptInput(sent) !== '' ? sent.map(String) : keptInput(sent).split(',');
  return { ...base, value: items.map(choiceValue).filter(Boolean).join(',') };
}

export function fieldInputs(
  prefix: string,
  fields: readonly FormField[],
  agencies: AgencyPicker = { names: [] },
  kept: Kept = {},
): FieldInput[] {
  return fields.map((field) =>
    input(prefix, field.id, field.label, { ...inputOf(field, agencies), required: field.required }, kept),
  );
}
