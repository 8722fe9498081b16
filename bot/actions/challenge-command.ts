/**
 * The verbs that are one workflow command each (the stage card's buttons): the press goes to
 * the turn, which loads the challenge, checks the press, decides, commits and answers; this
 * handler only parses and renders. A press whose input did not parse still goes to the turn,
 * so it is refused (and recorded) for who or when before its fields are looked at; otherwise
 * its card comes back with the fields to mend.
 */
import { coerceFormValues } from '../../cards/form-values';
import { commandFromAction, type ActionOf, type CommandVerb } from '../../cards/verbs';
import { stageOf } from '../../src/procedures/lookup';
import type { Procedure } from '../../src/procedures/schema';
import type { DirectorySnapshot } from '../../src/directory/directory-cache';
import { agencyNames, scopeOf } from '../../src/directory/people-scope';
import type { Built } from '../../src/turn';
import { findForm, rolesOf, type Challenge } from '../../src/workflow';
import type { ActionResult } from '../turn';
import { answerCard } from './answer';
import { directoryPerson, idempotencyKey, type ActionContext } from './context';

/** A press as it came: parsed into an action, or only its verb and ids with the fields' errors. */
export type Press =
  | { action: ActionOf<CommandVerb> }
  | {
      verb: CommandVerb;
      challengeId: string;
      version?: number;
      route?: 'next' | 'immediate';
      fieldErrors: Record<string, string>;
    };

export async function challengeCommand(ctx: ActionContext, action: ActionOf<CommandVerb>): Promise<ActionResult> {
  return press(ctx, { action });
}

export async function press(ctx: ActionContext, pressed: Press): Promise<ActionResult> {
  const { services } = ctx;
  const directory = await services.directory.snapshot();
  const person = await directoryPerson(ctx);
  const verb = 'action' in pressed ? pressed.action.verb : pressed.verb;
  const challengeId = 'action' in pressed ? pressed.action.challengeId : pressed.challengeId;
  const version = 'action' in pressed ? pressed.action.version : pressed.version;
  const route =
    'action' in pressed ? (pressed.action.verb === 'escalate' ? pressed.action.route : undefined) : pressed.route;

  const result = await services.turns.execute({
    challengeId,
    actor: { id: ctx.personId, name: person?.name ?? ctx.turn.user.name },
    idempotencyKey: idempotencyKey(verb, ctx.personId, challengeId, version),
    ...(version !== undefined ? { expectedVersion: version } : {}),
    press: { type: verb, ...(route ? { route } : {}) },
    presserId: ctx.personId,
    command: ({ challenge, procedure }): Built =>
      'action' in pressed
        ? build(ctx, pressed.action, procedure, challenge, directory)
        : { fieldErrors: pressed.fieldErrors },
  });
  return { card: await answerCard(ctx, result, { seenVersion: version, verb }) };
}

/** The workflow command a parsed press means, with what only the directory can tell. Pure over its inputs. */
function build(
  ctx: ActionContext,
  action: ActionOf<CommandVerb>,
  procedure: Procedure,
  challenge: Challenge,
  directory: DirectorySnapshot,
): Built {
  if (action.verb === 'handOver') {
    const to = directory.person(action.toPersonId);
    if (!to || to.retiredAt !== undefined)
      return { fieldErrors: { toPersonId: 'That person is not in the directory: choose someone from the list.' } };
    // The rule the card's search offers by; a crafted id must not carry the case out of it (COM-2).
    if (!scopeOf(directory, 'handOver', procedure.id, ctx.personId)(to)) {
      const reason = `That person is not in your agency or in ${procedure.partnership}: hand the role over to someone who is.`;
      return { refusal: { code: 'notAllowed', reason } };
    }
    return {
      command: {
        type: 'handOver',
        role: action.role,
        from: ctx.personId,
        to: {
          id: to.id,
          name: to.name,
          role: to.role,
          agency: directory.agency(to.agencyId)?.name,
          email: to.email,
          reachable: to.reachable,
        },
      },
    };
  }
  if (action.verb === 'recordOutcome' || action.verb === 'recordNotification') {
    const formId = action.verb === 'recordOutcome' ? stageOf(procedure, challenge.stageId).record : action.formId;
    // 'agencies' fields are offered as the partnership's agency names: turned back into names here.
    const agencies = agencyNames(directory, procedure.id);
    const form = findForm(procedure, formId);
    if (!form) return { fieldErrors: { formId: 'That form is not one this challenge sends to the partnership.' } };
    const coerced = coerceFormValues(form, action.values, rolesOf(challenge, ctx.personId), agencies);
    if (!coerced.ok) return { fieldErrors: coerced.errors };
    return {
      command:
        action.verb === 'recordOutcome'
          ? { type: 'recordOutcome', values: coerced.values }
          : { type: 'recordNotification', formId, values: coerced.values },
    };
  }
  const command = commandFromAction(action);
  return command ? { command } : { fieldErrors: { verb: 'This card cannot do that.' } };
}
