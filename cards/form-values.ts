/**
 * A procedure form's values as a card sends them (strings), checked and typed by the form's
 * own field kinds: Input.Toggle 'true'/'false' → boolean, multi-select 'a,b' → string[],
 * Input.Date 'YYYY-MM-DD' kept as the day, a choice sent as its slug turned back into the
 * procedure's own wording (choice-value.ts). Pure.
 */
import type { Form, FormField, OwnerRole } from '../src/procedures/schema';
import { choiceFor } from './choice-value';
import { fieldsFor } from './view-models/form-fields';

export type FormValuesResult =
  { ok: true; values: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const asList = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(String) : String(v).split(',')).map((s) => s.trim()).filter(Boolean);

function realDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function one(field: FormField, raw: unknown, agencies?: readonly string[]): { value?: unknown; error?: string } {
  if (field.kind === 'boolean') return { value: raw === true || raw === 'true' };
  if (blank(raw) || (Array.isArray(raw) && raw.length === 0)) {
    return field.required ? { error: 'Please fill this in.' } : {};
  }
  switch (field.kind) {
    case 'date':
      return realDay(String(raw)) ? { value: String(raw) } : { error: 'Please choose a date.' };
    case 'choice': {
      if (!field.choices) return { value: String(raw).trim() };
      const v = choiceFor(field.choices, String(raw));
      return v ? { value: v } : { error: 'Please choose one of the options.' };
    }
    case 'multiChoice': {
      if (!field.choices) return { value: asList(raw) };
      const v = asList(raw).map((c) => choiceFor(field.choices ?? [], c));
      return v.every((c): c is string => c !== undefined) ? { value: v } : { error: 'Please choose from the options.' };
    }
    case 'people':
    case 'agencies': {
      const v = asList(raw).map((c) => (field.kind === 'agencies' && agencies ? (choiceFor(agencies, c) ?? c) : c));
      return { value: v };
    }
    default:
      return { value: String(raw).trim() };
  }
}

/**
 * Only the form's own fields are kept, and of those only the ones `actorRoles` fill in
 * (a field `completedBy` other roles is dropped); anything else a client sent is dropped.
 */
export function coerceFormValues(
  form: Form,
  raw: Record<string, unknown>,
  actorRoles?: readonly OwnerRole[],
  /** The agency names the card offered for 'agencies' fields, to turn their values back into names. */
  agencies?: readonly string[],
): FormValuesResult {
  const fields = actorRoles ? fieldsFor(form, actorRoles) : form.fields;
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const r = one(field, raw[field.id], agencies);
    if (r.error) errors[field.id] = r.error;
    else if (r.value !== undefined) values[field.id] = r.value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
}
