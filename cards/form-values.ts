/**
 * A procedure form's values as a card sends them (strings), checked and typed by the form's
 * own field kinds: Input.Toggle 'true'/'false' → boolean, multi-select 'a,b' → string[],
 * Input.Date 'YYYY-MM-DD' kept as the day. Pure.
 */
import type { Form, FormField } from '../src/procedures/schema';

export type FormValuesResult =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; errors: Record<string, string> };

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const asList = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(String) : String(v).split(',')).map((s) => s.trim()).filter(Boolean);

function realDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function one(field: FormField, raw: unknown): { value?: unknown; error?: string } {
  if (field.kind === 'boolean') return { value: raw === true || raw === 'true' };
  if (blank(raw) || (Array.isArray(raw) && raw.length === 0)) {
    return field.required ? { error: 'Please fill this in.' } : {};
  }
  switch (field.kind) {
    case 'date':
      return realDay(String(raw)) ? { value: String(raw) } : { error: 'Please choose a date.' };
    case 'choice': {
      const v = String(raw);
      return !field.choices || field.choices.includes(v) ? { value: v } : { error: 'Please choose one of the options.' };
    }
    case 'multiChoice':
    case 'people':
    case 'agencies': {
      const v = asList(raw);
      const bad = field.kind === 'multiChoice' && field.choices ? v.filter((c) => !field.choices?.includes(c)) : [];
      return bad.length ? { error: 'Please choose from the options.' } : { value: v };
    }
    default:
      return { value: String(raw).trim() };
  }
}

/** Only the form's own fields are kept; anything else a client sent is dropped. */
export function coerceFormValues(form: Form, raw: Record<string, unknown>, fields: readonly FormField[] = form.fields): FormValuesResult {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const r = one(field, raw[field.id]);
    if (r.error) errors[field.id] = r.error;
    else if (r.value !== undefined) values[field.id] = r.value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
}
