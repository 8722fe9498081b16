/**
 * A procedure form's fields as card inputs (recordOutcome, recordNotification): the template
 * picks the input by `input` and binds everything else. Ids carry the verb as a prefix because
 * input ids must be unique across a card. Pure.
 */
import type { Form, FormField, OwnerRole } from '../../src/procedures/schema';
import { choiceValue } from '../choice-value';

export interface FieldInput {
  id: string;
  label: string;
  hint: string;
  input: 'text' | 'date' | 'toggle' | 'choice';
  multiline: boolean;
  multi: boolean;
  choices: { title: string; value: string }[];
  value: string;
}

/** Fields the viewer fills in: a field `completedBy` some roles is only for those roles. */
export function fieldsFor(form: Form, viewerRoles: readonly OwnerRole[]): FormField[] {
  return form.fields.filter((f) => !f.completedBy || f.completedBy.some((r) => viewerRoles.includes(r)));
}

function inputOf(
  field: FormField,
  agencies: readonly string[],
): Pick<FieldInput, 'input' | 'multiline' | 'multi' | 'choices' | 'hint'> {
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
      if (agencies.length) {
        return {
          input: 'choice',
          multiline: false,
          multi: true,
          choices: agencies.map((a) => ({ title: a, value: choiceValue(a) })),
          hint,
        };
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

/** The longest text an input keeps when a card comes back with what was typed (the inputs' maxLength). */
export const MAX_KEPT_INPUT = 4_000;

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

export function fieldInputs(
  prefix: string,
  fields: readonly FormField[],
  agencies: readonly string[] = [],
  values: Record<string, unknown> = {},
): FieldInput[] {
  return fields.map((field) => {
    const v = values[field.id];
    const shape = inputOf(field, agencies);
    const kept = keptInput(v);
    // A kept choice is shown as the value its choice is sent as.
    const value = shape.input === 'choice' ? kept.split(',').map(choiceValue).filter(Boolean).join(',') : kept;
    return {
      id: `${prefix}.${field.id}`,
      label: field.required ? `${field.label} (required)` : field.label,
      value: shape.input === 'toggle' ? String(value === 'true') : value,
      ...shape,
    };
  });
}
