/** What every card-action handler is given. */
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

export async function directoryPerson(ctx: ActionContext): Promise<Person | undefined> {
  return ctx.services.stores.directory.people.get(ctx.personId);
}

export function idempotencyKey(ctx: ActionContext, action: CardAction): string {
  // Two presses of the same button on the same card version by the same person are one command;
  // Teams redelivering an invoke is the same press.
  const version = 'version' in action ? action.version : 0;
  return `${action.verb}:${ctx.personId}:${action.challengeId}:v${version}`;
}
