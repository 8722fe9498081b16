/**
 * Finding things inside one procedure by id. Pure; throws a clear error for an id the
 * procedure does not have (after checkProcedure, only a caller's typo can cause that).
 */
import type { Form, Procedure, Stage } from './schema';

export function stageOf(procedure: Procedure, stageId: string): Stage {
  const stage = procedure.stages.find((s) => s.id === stageId);
  if (!stage) {
    throw new Error(`Procedure "${procedure.id}" has no stage "${stageId}" (stages: ${ids(procedure.stages)})`);
  }
  return stage;
}

/** The stage an ordinary escalation goes to (the first of escalateTo), or undefined at the last stage. */
export function nextStage(procedure: Procedure, stageId: string): Stage | undefined {
  const next = stageOf(procedure, stageId).escalateTo[0];
  return next === undefined ? undefined : stageOf(procedure, next);
}

export function formOf(procedure: Procedure, formId: string): Form {
  const form = procedure.forms.find((f) => f.id === formId);
  if (!form) {
    throw new Error(`Procedure "${procedure.id}" has no form "${formId}" (forms: ${ids(procedure.forms)})`);
  }
  return form;
}

function ids(items: readonly { id: string }[]): string {
  return items.map((i) => i.id).join(', ');
}
