/**
 * refresh (Universal Actions' automatic refresh) and open (a button in a list or digest):
 * the person's own up-to-date card, or the minimal card for anyone not on the challenge.
 */
import type { ActionOf } from '../../cards/verbs';
import { findProcedure } from '../../src/procedures';
import { cardFor, noticeCard } from '../card-views';
import type { ActionResult } from '../turn';
import type { ActionContext } from './context';

export async function refresh(
  ctx: ActionContext,
  action: ActionOf<'refresh'> | ActionOf<'open'>,
): Promise<ActionResult> {
  const loaded = await ctx.services.stores.challenges.load(action.challengeId);
  const procedure = loaded ? findProcedure(loaded.challenge.procedureId) : undefined;
  if (!loaded || !procedure) {
    return {
      card: noticeCard({ title: 'Challenge not found', text: 'This challenge could not be found.', tone: 'warning' }),
    };
  }
  const seenVersion = action.verb === 'refresh' ? action.version : undefined;
  return { card: await cardFor(ctx.services, procedure, loaded.challenge, ctx.personId, { seenVersion }) };
}
