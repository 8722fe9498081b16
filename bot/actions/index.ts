/**
 * The routing table: each card verb to its handler, typed per verb so a new verb will not
 * compile without one. Verbs that are one workflow command each share challengeCommand; the
 * others have a handler of their own, named after the verb.
 */
import { isCommandVerb, parseCardAction, type ActionOf, type CardAction, type Verb } from '../../cards/verbs';
import type { ActionResult } from '../turn';
import { changeProcedure } from './change-procedure';
import { challengeCommand, press } from './challenge-command';
import type { ActionContext, ActionHandler } from './context';
import { crossFieldRaiseErrors, raise, raiseFormAgain } from './raise';
import { refresh } from './refresh';

export const actionHandlers: { [V in Verb]: ActionHandler<ActionOf<V>> } = {
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
  if (parsed.ok) {
    // Each handler takes its own verb's action: the table above pairs them.
    return (actionHandlers[parsed.action.verb] as ActionHandler<CardAction>)(ctx, parsed.action);
  }
  if (parsed.verb === 'raise') return raiseFormAgain(ctx, { ...crossFieldRaiseErrors(ctx.raw), ...parsed.errors });
  // A button press whose fields did not parse is still a press: the turn refuses it for who or when first.
  const { challengeId, version } = ctx.raw;
  if (isCommandVerb(parsed.verb) && typeof challengeId === 'string' && !parsed.errors.challengeId) {
    const route = ctx.raw['escalate.route'] ?? ctx.raw.route;
    return press(ctx, {
      verb: parsed.verb,
      challengeId,
      ...(parsed.errors.version === undefined && versionOf(version) !== undefined
        ? { version: versionOf(version) }
        : {}),
      ...(route === 'next' || route === 'immediate' ? { route } : {}),
      fieldErrors: parsed.errors,
    });
  }
  return { problem: Object.values(parsed.errors).join(' '), verb: parsed.verb, errors: parsed.errors };
}

function versionOf(raw: unknown): number | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return raw;
  if (typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim())) return Number(raw);
  return undefined;
}
