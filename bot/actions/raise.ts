/**
 * raise: the raise form was submitted. Checked with zod and the procedure's own rules; a bad
 * submission comes back as the same form with the input kept and each error by its field,
 * and nothing is stored. A good one goes to the turn, with the people resolved from the
 * directory (its cache); its thread and its first owners' cards are sent after the answer.
 */
import { checkRaise, toRaiseCommand } from '../../cards/raise-check';
import type { RaiseField } from '../../cards/view-models/raise-form';
import type { ActionOf } from '../../cards/verbs';
import { resolveParticipants, rolesToResolve, type RaisedWith } from '../../src/directory/resolve-participants';
import { scopeOf } from '../../src/directory/people-scope';
import { findProcedure } from '../../src/procedures';
import type { ActionResult } from '../turn';
import { answerCard } from './answer';
import type { ActionContext } from './context';
import { raiseFormCard } from './raise-form';

type Values = Partial<Record<RaiseField, string | string[] | undefined>>;

/** The form again, with what the user typed and why it was not accepted. */
export async function raiseFormAgain(ctx: ActionContext, errors: Record<string, string>): Promise<ActionResult> {
  const procedure = findProcedure(String(ctx.raw.procedureId ?? ''));
  const card = await raiseFormCard(ctx.services, ctx.personId, {
    procedure,
    challengeId: typeof ctx.raw.challengeId === 'string' ? ctx.raw.challengeId : undefined,
    values: ctx.raw as Values,
    errors,
  });
  return { card };
}

export async function raise(ctx: ActionContext, action: ActionOf<'raise'>): Promise<ActionResult> {
  const { services } = ctx;
  const procedure = findProcedure(action.procedureId);
  if (!procedure) return raiseFormAgain(ctx, { procedureId: 'Please choose a partnership procedure.' });
  const errors = checkRaise(procedure, action);
  if (Object.keys(errors).length > 0) return raiseFormAgain(ctx, errors);

  const directory = await services.directory.snapshot();
  const raiser = directory.person(ctx.personId);
  if (!raiser)
    return {
      card: services.views.notice({ title: 'You are not in the directory', text: notInDirectory, tone: 'warning' }),
    };
  const partnership = directory.partnershipOf(procedure.id);
  if (!partnership)
    return raiseFormAgain(ctx, { procedureId: `${procedure.partnership} is not set up in the directory yet.` });

  const raisedWith: RaisedWith =
    action.raisedWith === 'external'
      ? {
          kind: 'external',
          name: action.externalName!,
          role: action.externalRole!,
          agency: action.externalAgency!,
          email: action.externalEmail,
        }
      : { kind: 'person', personId: action.raisedWith };
  if (raisedWith.kind === 'person') {
    const person = directory.person(raisedWith.personId);
    if (!person || person.retiredAt !== undefined)
      return raiseFormAgain(ctx, {
        raisedWith: 'That person is not in the directory; choose someone else or an external professional.',
      });
    // The rule the form's search offers by: the case goes to the procedure's partnership only (COM-2).
    if (!scopeOf(directory, 'raisedWith', procedure.id, raiser.id)(person))
      return raiseFormAgain(ctx, {
        raisedWith: `That person is not in ${procedure.partnership}: choose someone who is, or an external professional.`,
      });
  }
  const { participants, raisedBy, raisedWithRef } = resolveParticipants(
    rolesToResolve(procedure),
    directory,
    partnership,
    raiser,
    raisedWith,
  );

  const channel = partnership.challengeChannel;
  const result = await services.turns.execute({
    challengeId: action.challengeId,
    procedure,
    actor: { id: raiser.id, name: raiser.name },
    // Per person: someone else sending a raise with this id is refused, never given the raiser's answer.
    idempotencyKey: `raise:${raiser.id}:${action.challengeId}`,
    presserId: raiser.id,
    command: toRaiseCommand(procedure, action, { raisedBy, raisedWith: raisedWithRef, participants }),
    ...(channel
      ? {
          channel: {
            teamId: channel.teamId,
            channelId: channel.channelId,
            serviceUrl: channel.serviceUrl ?? ctx.turn.conversation.serviceUrl,
            ...(ctx.turn.conversation.tenantId ? { tenantId: ctx.turn.conversation.tenantId } : {}),
          },
        }
      : {}),
  });
  // A refused raise of a new challenge is the form again, with why; any other answer is a card.
  if (result.kind === 'refused' && !result.challenge) return raiseFormAgain(ctx, { form: result.refusal.reason });
  // The id is taken, and not by this raiser's own earlier press (that is a repeat, answered as before):
  // a stranger learns nothing of the challenge, not even its reference.
  if (result.kind === 'refused' && result.challenge && result.challenge.raisedBy.id !== ctx.personId) {
    return { card: services.views.notice(FORM_USED) };
  }
  return { card: await answerCard(ctx, result) };
}

const FORM_USED = {
  title: 'This form has already been used',
  text: 'A challenge has already been raised from this form. Type raise challenge for a new form.',
  tone: 'warning',
} as const;

const notInDirectory =
  'Challenge works from your partnership directory, and your account is not in it yet. ' +
  "Ask your partnership's business unit to add you; meanwhile raise the challenge by your agency's usual route.";

/**
 * The procedure's own checks on a submission whose fields are not all well formed yet, so the
 * form comes back once with every error (each field's own checks win where both speak).
 */
export function crossFieldRaiseErrors(raw: Record<string, unknown>): Record<string, string> {
  const procedure = findProcedure(String(raw.procedureId ?? ''));
  if (!procedure) return {};
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string).trim() : '');
  const subject =
    text('subject') === 'adult' || text('subject') === 'child' ? (text('subject') as 'child' | 'adult') : undefined;
  const lenient = {
    ...(raw as object),
    verb: 'raise',
    subject: subject ?? procedure.subjects[0] ?? 'child',
    areas: text('areas')
      ? text('areas')
          .split(',')
          .map((a) => a.trim())
      : [],
    kind: text('kind') === 'conferenceDissent' ? 'conferenceDissent' : 'decision',
    conferenceDate: text('conferenceDate') || undefined,
    urgency: text('urgency') === 'immediate' ? 'immediate' : 'standard',
    raisedWith: text('raisedWith'),
    externalName: text('externalName') || undefined,
    externalRole: text('externalRole') || undefined,
    externalAgency: text('externalAgency') || undefined,
    externalEmail: text('externalEmail') || undefined,
    familyName: text('familyName') || undefined,
    caseReference: text('caseReference'),
  } as ActionOf<'raise'>;
  return checkRaise(procedure, lenient);
}
