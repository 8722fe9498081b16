/** Shared helpers for the procedure tests. */
import { getProcedure, nextStage, stageOf } from '../../../src/procedures/index';
import type { Procedure, Stage } from '../../../src/procedures/schema';

/** The ordinary ladder: from the first stage, following each stage's next stage. */
export function ladder(procedure: Procedure): Stage[] {
  const stages: Stage[] = [];
  for (let s: Stage | undefined = stageOf(procedure, procedure.firstStage); s; s = nextStage(procedure, s.id)) {
    stages.push(s);
  }
  return stages;
}

/** Ids of the fields of the form a stage records its outcome on. */
export function recordFields(procedure: Procedure, stageId: string): string[] {
  const form = procedure.forms.find((f) => f.id === stageOf(procedure, stageId).record);
  return form ? form.fields.map((f) => f.id) : [];
}

export const dudley = getProcedure('dudley');
export const durham = getProcedure('durham');
export const newcastle = getProcedure('newcastle');
export const leeds = getProcedure('leeds');
export const darlington = getProcedure('darlington');
