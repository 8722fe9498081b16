/**
 * The partnerships' procedures, checked at load: a procedure that fails the schema or has
 * a dangling reference stops the app starting, with an error naming the procedure and field.
 */
import { checkProcedure } from './check-procedure';
import { procedure as darlington } from './data/darlington';
import { procedure as dudley } from './data/dudley';
import { procedure as durham } from './data/durham';
import { procedure as leeds } from './data/leeds';
import { procedure as newcastle } from './data/newcastle';
import type { Procedure } from './schema';

export { checkProcedure, crossReferenceProblems, ProcedureError } from './check-procedure';
export { formOf, nextStage, stageOf } from './lookup';
export type { Form, FormField, Procedure, Stage, DeadlineRule, OwnerRole } from './schema';

/** Check a set of procedures and that no two share an id. */
export function loadProcedures(inputs: readonly unknown[]): readonly Procedure[] {
  const loaded = inputs.map(checkProcedure);
  const seen = new Set<string>();
  for (const p of loaded) {
    if (seen.has(p.id)) throw new Error(`Procedure id "${p.id}" is used by more than one procedure`);
    seen.add(p.id);
  }
  return Object.freeze(loaded);
}

export const procedures: readonly Procedure[] = loadProcedures([dudley, durham, newcastle, leeds, darlington]);

export function findProcedure(id: string): Procedure | undefined {
  return procedures.find((p) => p.id === id);
}

export function getProcedure(id: string): Procedure {
  const found = findProcedure(id);
  if (!found) {
    throw new Error(`Unknown procedure "${id}" (known: ${procedures.map((p) => p.id).join(', ')})`);
  }
  return found;
}
