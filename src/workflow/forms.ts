/**
 * Checking a form's values against the procedure's form: required fields filled, choices
 * from the list, dates real. Pure; returns the problems in words a practitioner reads.
 */
import { isLocalDate } from '../calendar';
import type { Form, FormField, OwnerRole } from '../procedures/schema';

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function fieldProblem(field: FormField, value: unknown): string | undefined {
  const name = `"${field.label}"`;
  switch (field.kind) {
    case 'text':
    case 'longText':
      return typeof value === 'string' ? undefined : `${name} must be text`;
    case 'date':
      return isLocalDate(value) ? undefined : `${name} must be a date (YYYY-MM-DD)`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${name} must be yes or no`;
    case 'choice':
      if (typeof value !== 'string') return `${name} must be one of the choices`;
      return !field.choices || field.choices.includes(value)
        ? undefined
        : `${name} must be one of: ${field.choices.join('; ')}`;
    case 'multiChoice':
      if (!isStringList(value)) return `${name} must be a list of choices`;
      return !field.choices || value.every((v) => field.choices?.includes(v))
        ? undefined
        : `${name} must be chosen from: ${field.choices.join('; ')}`;
    case 'people':
    case 'agencies':
      return typeof value === 'string' || isStringList(value) ? undefined : `${name} must be a list of names`;
  }
}

/** A field this person fills in: any field, unless it is kept for some roles (Darlington's business-unit-only boxes). */
function fillsIn(field: FormField, actorRoles: readonly OwnerRole[] | undefined): boolean {
  return !field.completedBy || !actorRoles || field.completedBy.some((r) => actorRoles.includes(r));
}

/** The problems with the values, empty when they fit the form; `actorRoles` are the roles of whoever fills it in. */
export function formProblems(form: Form, values: Record<string, unknown>, actorRoles?: readonly OwnerRole[]): string[] {
  const problems: string[] = [];
  const known = new Set(form.fields.map((f) => f.id));
  for (const key of Object.keys(values)) {
    if (!known.has(key) && values[key] !== undefined) problems.push(`"${key}" is not a field of ${form.title}`);
  }
  for (const field of form.fields) {
    const value = values[field.id];
    if (!fillsIn(field, actorRoles)) {
      if (!isBlank(value)) problems.push(`"${field.label}" is filled in by someone else`);
      continue;
    }
    if (isBlank(value)) {
      if (field.required) problems.push(`"${field.label}" is required`);
      continue;
    }
    const problem = fieldProblem(field, value);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The values kept: the form's own fields that were filled in (no undefined, so stored JSON replays exactly). */
export function keptValues(form: Form, values: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const field of form.fields) {
    const value = values[field.id];
    if (!isBlank(value)) kept[field.id] = value;
  }
  return kept;
}
