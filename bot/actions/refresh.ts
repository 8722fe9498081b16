/**
 * refresh (Universal Actions' automatic refresh) and open (a button in a list or digest):
 * the person's own up-to-date card, or the minimal card for anyone not on the challenge. One read.
 */
import type { ActionOf } from '../../cards/verbs';
import type { ActionResult } from '../turn';
import { answerCard } from './answer';
import type { ActionContext } from './context';

export async function refresh(
  ctx: ActionContext,
  action: ActionOf<'refresh'> | ActionOf<'open'>,
): Promise<ActionResult> {
  const found = await ctx.services.turns.view(action.challengeId);
  if ('kind' in found) return { card: await answerCard(ctx, found) };
  const seenVersion = action.verb === 'refresh' ? action.version : undefined;
  return {
    card: await ctx.services.views.personCard(found.procedure, found.challenge, ctx.personId, {
      ...(seenVersion !== undefined ? { seenVersion } : {}),
    }),
  };
}
