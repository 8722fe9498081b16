/**
 * A press whose payload never becomes a command (a missing field, an unknown person) is still
 * a press: when the workflow would refuse it whatever the payload said (not the presser's to
 * do, a stale card, a closed challenge), it is refused for that and audited, as run-command
 * audits the refusals of decide(). Otherwise someone not on a challenge could probe it unseen.
 */
import { BUTTON_VERBS } from '../../cards/view-models/stage-card';
import type { Procedure } from '../../src/procedures/schema';
import { guard, type Challenge, type ChallengeCommandType, type Refusal } from '../../src/workflow';
import type { Services } from '../services';
import { directoryPerson, type ActionContext } from './context';

/** The verbs that are one workflow command each: the stage card's buttons. */
const COMMAND_VERBS: readonly string[] = BUTTON_VERBS;

export interface EarlyPress {
  verb: string;
  personId: string;
  actorName: string;
  /** The card's version, when the payload had a usable one. */
  version?: number;
  route?: 'next' | 'immediate';
  idempotencyKey: string;
}

/** The refusal decide() would give this press before looking at its payload, if any. Pure. */
export function refusalBeforePayload(
  procedure: Procedure,
  challenge: Challenge,
  press: EarlyPress,
  now: Date,
  services: Pick<Services, 'calendarOf'>,
): Refusal | undefined {
  if (!COMMAND_VERBS.includes(press.verb)) return undefined;
  // In run-command's order: a stale card first, then who and when.
  const movedAt = challenge.movedAtVersion ?? challenge.version;
  if (press.version !== undefined && (press.version < movedAt || press.version > challenge.version)) {
    return { code: 'stale', reason: 'This challenge has moved on since this card was sent: open the latest card.' };
  }
  return guard(procedure, challenge, press.verb as ChallengeCommandType, press.personId, {
    ...(press.route ? { route: press.route } : {}),
    now,
    calendar: services.calendarOf(procedure),
  });
}

/** Records a refusal made in the bot, before the workflow ran, in the same audit as decide()'s. */
export async function auditEarlyRefusal(
  services: Services,
  challenge: Challenge,
  press: EarlyPress,
  refusal: Refusal,
): Promise<void> {
  await services.stores.audit.record({
    challengeId: challenge.id,
    actor: { id: press.personId, name: press.actorName },
    commandType: press.verb,
    code: refusal.code,
    reason: refusal.reason,
    at: services.clock.now().toISOString(),
    idempotencyKey: press.idempotencyKey,
  });
}

/** The press as sent, read from the raw data (it may not have parsed), the presser from the turn. */
export async function pressOf(ctx: ActionContext): Promise<EarlyPress> {
  const raw = ctx.raw;
  const verb = typeof raw.verb === 'string' ? raw.verb : '';
  const rawVersion = raw.version;
  const version =
    typeof rawVersion === 'number' && Number.isInteger(rawVersion)
      ? rawVersion
      : typeof rawVersion === 'string' && /^\d+$/.test(rawVersion.trim())
        ? Number(rawVersion)
        : undefined;
  const route = raw['escalate.route'] ?? raw.route;
  const name = (await directoryPerson(ctx))?.name ?? ctx.turn.user.name;
  return {
    verb,
    personId: ctx.personId,
    actorName: name,
    ...(version !== undefined ? { version } : {}),
    ...(route === 'next' || route === 'immediate' ? { route } : {}),
    // As context.ts's idempotencyKey: the same press twice is one audit row.
    idempotencyKey: `${verb}:${ctx.personId}:${String(raw.challengeId)}:v${version ?? 0}`,
  };
}

/**
 * The refusal for a press that did not become a command: the workflow's, or else `otherwise`
 * (a refusal only the bot can make, e.g. a hand-over out of the partnership); audited when there is one.
 */
export async function refuseEarly(
  services: Services,
  procedure: Procedure,
  challenge: Challenge,
  press: EarlyPress,
  otherwise?: Refusal,
): Promise<Refusal | undefined> {
  const refusal = refusalBeforePayload(procedure, challenge, press, services.clock.now(), services) ?? otherwise;
  if (refusal) await auditEarlyRefusal(services, challenge, press, refusal);
  return refusal;
}
