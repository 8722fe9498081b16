/** What every card-action handler is given, and the small things they share. */
import type { CardAction } from '../../cards/verbs';
import type { Person } from '../../src/store';
import type { Services } from '../services';
import type { ActionResult, Turn } from '../turn';

export interface ActionContext {
  services: Services;
  turn: Turn;
  /** The pressing person's Entra object id: the directory key and their id on challenges. */
  personId: string;
  /** Raw action data, for re-rendering a form with the user's input kept. */
  raw: Record<string, unknown>;
}

export type ActionHandler<A extends CardAction = CardAction> = (ctx: ActionContext, action: A) => Promise<ActionResult>;

/** The presser as the directory knows them (from its cache: no read in a warm process). */
export async function directoryPerson(ctx: ActionContext): Promise<Person | undefined> {
  return (await ctx.services.directory.snapshot()).person(ctx.personId);
}

/**
 * Two presses of the same button on the same card version by the same person are one command;
 * Teams redelivering an invoke is the same press.
 */
export function idempotencyKey(
  verb: string,
  personId: string,
  challengeId: string,
  version: number | undefined,
): string {
  return `${verb}:${personId}:${challengeId}:v${version ?? 0}`;
}
