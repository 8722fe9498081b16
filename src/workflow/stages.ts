/** Finding stages and forms of a procedure, and where a challenge stands in it. Pure. */
import type { Form, OwnerRole, Procedure, Stage } from '../procedures/schema';
import { sideOf } from './roles';
import type { Challenge, StageRecord } from './types';

export function findStage(procedure: Procedure, stageId: string): Stage | undefined {
  return procedure.stages.find((s) => s.id === stageId);
}

/** The stage, or a thrown error: a challenge pointing at a stage its procedure lacks is a data fault. */
export function stageById(procedure: Procedure, stageId: string): Stage {
  const stage = findStage(procedure, stageId);
  if (!stage) throw new Error(`Procedure ${procedure.id} has no stage "${stageId}"`);
  return stage;
}

export function currentStage(procedure: Procedure, challenge: Pick<Challenge, 'stageId'>): Stage {
  return stageById(procedure, challenge.stageId);
}

/** The record of the stage the challenge is at (the last one entered). */
export function currentRecord(challenge: Pick<Challenge, 'stages'>): StageRecord | undefined {
  return challenge.stages[challenge.stages.length - 1];
}

export function stageIndex(procedure: Procedure, stageId: string): number {
  return procedure.stages.findIndex((s) => s.id === stageId);
}

export function findForm(procedure: Procedure, formId: string): Form | undefined {
  return procedure.forms.find((f) => f.id === formId);
}

/** Who may escalate from a stage: `escalatedBy`, else its raising-side owners, else (none there) all its owners. */
export function escalatorsOf(stage: Stage): OwnerRole[] {
  if (stage.escalatedBy && stage.escalatedBy.length > 0) return stage.escalatedBy;
  const raising = stage.owners.filter((r) => sideOf(r) === 'raising');
  return raising.length > 0 ? raising : stage.owners;
}

/** Whether the challenge has reached `stageId` or a stage after it in the procedure's order. */
export function hasReached(procedure: Procedure, challenge: Pick<Challenge, 'stages'>, stageId: string): boolean {
  const from = stageIndex(procedure, stageId);
  return challenge.stages.some((s) => s.stageId === stageId || (from >= 0 && stageIndex(procedure, s.stageId) >= from));
}
