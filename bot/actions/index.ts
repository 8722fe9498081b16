/**
 * The routing table: each card verb to its handler. Verbs that are one workflow command each
 * share challengeCommand; the others have a handler of their own, named after the verb.
 */
import { parseCardAction, type CardAction, type Verb } from '../../cards/verbs';
import type { ActionResult } from '../turn';
import { changeProcedure } from './change-procedure';
import { challengeCommand } from './challenge-command';
import type { ActionContext } from './context';
import { crossFieldRaiseErrors, raise, raiseFormAgain } from './raise';
import { refresh } from './refresh';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (ctx: ActionContext, action: any) => Promise<ActionResult>;

export const actionHandlers: Record<Verb, Handler> = {
  raise,
  changeProcedure,
  refresh,
  open: refresh,
  recordOutcome: challengeCommand,
  escalate: challengeCommand,
  resolve: challengeCommand,
  requestExtension: challengeCommand,
  agreeExtension: challengeCommand,
  declineExtension: challengeCommand,
  pause: challengeCommand,
  resume: challengeCommand,
  handOver: challengeCommand,
  recordMeeting: challengeCommand,
  recordNotification: challengeCommand,
  assignLogId: challengeCommand,
};

export async function handleAction(
  ctx: ActionContext,
): Promise<ActionResult | { problem: string; verb?: string; errors?: Record<string, string> }> {
  const parsed = parseCardAction(ctx.raw);
  if (!parsed.ok) {
    if (parsed.verb === 'raise') return raiseFormAgain(ctx, { ...crossFieldRaiseErrors(ctx.raw), ...parsed.errors });
    return { problem: Object.values(parsed.errors).join(' '), verb: parsed.verb, errors: parsed.errors };
  }
  const action: CardAction = parsed.action;
  return actionHandlers[action.verb](ctx, action);
}
