/** changeProcedure: the raise form re-drawn for another partnership's procedure, input kept. */
import type { ActionOf } from '../../cards/verbs';
import { findProcedure } from '../../src/procedures';
import type { RaiseField } from '../../cards/view-models/raise-form';
import type { ActionResult } from '../turn';
import type { ActionContext } from './context';
import { raiseFormCard } from './raise-form';

export async function changeProcedure(ctx: ActionContext, action: ActionOf<'changeProcedure'>): Promise<ActionResult> {
  const procedure = findProcedure(action.procedureId);
  const card = await raiseFormCard(ctx.services, ctx.personId, {
    procedure,
    challengeId: action.challengeId,
    values: ctx.raw as Partial<Record<RaiseField, string>>,
  });
  return { card };
}
