/**
 * The verbs that are one workflow command each (recordOutcome, escalate, resolve, pause,
 * resume, extensions, recordMeeting, recordNotification, assignLogId, handOver): load the
 * challenge, run the command against the version the card showed, carry out its effects,
 * and answer with the presser's refreshed card. A refusal is recorded (audit) and shown on the card.
 */
import { commandFromAction } from '../../cards/command-from-action';
import { coerceFormValues } from '../../cards/form-values';
import type { CardAction } from '../../cards/verbs';
import { findProcedure, formOf } from '../../src/procedures';
import { stageOf } from '../../src/procedures/lookup';
import { rolesOf, type Challenge, type Command, type Refusal } from '../../src/workflow';
import { confirmationOf } from '../../cards/view-models/confirmation';
import { BUTTON_VERBS, type ButtonVerb } from '../../cards/view-models/stage-card';
import { cardFor, directoryPeople, noticeCard } from '../card-views';
import { runAndDeliver } from '../deliver';
import type { ActionResult } from '../turn';
import { directoryPerson, idempotencyKey, type ActionContext } from './context';
import { pressOf, refuseEarly } from './early-refusal';

export async function challengeCommand(ctx: ActionContext, action: CardAction): Promise<ActionResult> {
  const { services } = ctx;
  if (!('challengeId' in action) || action.verb === 'raise')
    throw new Error(`${action.verb} is not a challenge command`);
  const loaded = await services.stores.challenges.load(action.challengeId);
  const procedure = loaded ? findProcedure(loaded.challenge.procedureId) : undefined;
  if (!loaded || !procedure) {
    return {
      card: noticeCard({
        title: 'Challenge not found',
        text: 'This challenge could not be found. It may have been raised in another partnership.',
        tone: 'warning',
      }),
    };
  }
  const challenge = loaded.challenge;
  const person = await directoryPerson(ctx);
  const actor = { id: ctx.personId, name: person?.name ?? ctx.turn.user.name };

  const command = await toCommand(ctx, action, procedure, challenge);
  if ('problem' in command) {
    // Not the presser's to make (or out of bounds): refused and audited whatever the payload lacked.
    const refusal = await refuseEarly(services, procedure, challenge, await pressOf(ctx), command.refusal);
    const verb = action.verb;
    const fields = !refusal && command.errors && isButtonVerb(verb) ? verb : undefined;
    return {
      card: await cardFor(services, procedure, challenge, ctx.personId, {
        seenVersion: action.version,
        notice: { tone: refusal ? 'refused' : 'problem', text: refusal?.reason ?? command.problem },
        ...(fields ? { formErrors: { verb: fields, errors: command.errors!, values: ctx.raw } } : {}),
      }),
    };
  }
  const result = await runAndDeliver(services, procedure, challenge.id, {
    command,
    actor,
    idempotencyKey: idempotencyKey(ctx, action),
    expectedVersion: action.version,
  });
  const after = result.challenge ?? challenge;
  if (!result.decision.ok) {
    const stale = result.decision.refusal.code === 'stale';
    return {
      card: await cardFor(services, procedure, after, ctx.personId, {
        seenVersion: stale ? action.version : undefined,
        notice: {
          tone: result.decision.refusal.code === 'invalid' ? 'problem' : 'refused',
          text: result.decision.refusal.reason,
        },
      }),
    };
  }
  const done = confirmationOf({
    procedure,
    before: challenge,
    after,
    events: result.decision.events,
    viewerId: ctx.personId,
  });
  return { card: await cardFor(services, procedure, after, ctx.personId, { notice: { tone: 'done', text: done } }) };
}

const isButtonVerb = (verb: string): verb is ButtonVerb => (BUTTON_VERBS as readonly string[]).includes(verb);

async function toCommand(
  ctx: ActionContext,
  action: CardAction,
  procedure: NonNullable<ReturnType<typeof findProcedure>>,
  challenge: Challenge,
): Promise<Command | { problem: string; refusal?: Refusal; errors?: Record<string, string> }> {
  if (action.verb === 'handOver') {
    const to = await ctx.services.stores.directory.people.get(action.toPersonId);
    if (!to) {
      const problem = 'That person is not in the directory: choose someone from the list.';
      return { problem, errors: { toPersonId: problem } };
    }
    // The card offers the partnership's people; a crafted id must not carry the case out of it (COM-2).
    const inPartnership = (await directoryPeople(ctx.services, procedure.id)).some((p) => p.id === to.id);
    if (!inPartnership && to.agencyId !== (await directoryPerson(ctx))?.agencyId) {
      const reason = `That person is not in your agency or in ${procedure.partnership}: hand the role over to someone who is.`;
      return { problem: reason, refusal: { code: 'notAllowed', reason } };
    }
    const agency = await ctx.services.stores.directory.agencies.get(to.agencyId);
    return {
      type: 'handOver',
      role: action.role,
      from: ctx.personId,
      to: { id: to.id, name: to.name, role: to.role, agency: agency?.name, email: to.email, reachable: to.reachable },
    };
  }
  if (action.verb === 'recordOutcome' || action.verb === 'recordNotification') {
    const formId = action.verb === 'recordOutcome' ? stageOf(procedure, challenge.stageId).record : action.formId;
    // 'agencies' fields are offered as the partnership's agency names (card-views.ts): turned back into names here.
    const people = await directoryPeople(ctx.services, procedure.id);
    const agencies = [...new Set(people.map((p) => p.agency).filter((a): a is string => Boolean(a)))];
    const coerced = coerceFormValues(
      formOf(procedure, formId),
      action.values,
      rolesOf(challenge, ctx.personId),
      agencies,
    );
    if (!coerced.ok) return { problem: FIELDS_PROBLEM, errors: coerced.errors };
    return action.verb === 'recordOutcome'
      ? { type: 'recordOutcome', values: coerced.values }
      : { type: 'recordNotification', formId, values: coerced.values };
  }
  const command = commandFromAction(action);
  return command ?? { problem: `"${action.verb}" is not something this card can do.` };
}

/** The notice over a sub-form that came back with errors beside its fields. */
export const FIELDS_PROBLEM = 'Nothing was saved: please check the fields marked below.';
