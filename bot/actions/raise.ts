/**
 * raise: the raise form was submitted. Checked with zod and the procedure's own rules; a bad
 * submission comes back as the same form with the input kept and each error by its field,
 * and nothing is stored. A good one is recorded, gets its thread, and its first owners their cards.
 */
import { areasOf, checkRaise } from '../../cards/raise-check';
import { confirmationOf } from '../../cards/view-models/confirmation';
import type { RaiseField } from '../../cards/view-models/raise-form';
import type { ActionOf } from '../../cards/verbs';
import { resolveParticipants, type RaisedWith } from '../../src/directory/resolve-participants';
import { findProcedure } from '../../src/procedures';
import type { Agency, Partnership, Person } from '../../src/store';
import { cardFor, noticeCard } from '../card-views';
import { runAndDeliver } from '../deliver';
import type { ActionResult } from '../turn';
import { directoryPerson, type ActionContext } from './context';
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

  const raiser = await directoryPerson(ctx);
  if (!raiser) {
    return { card: noticeCard({ title: 'You are not in the directory', text: notInDirectory, tone: 'warning' }) };
  }
  const { directory } = services.stores;
  const partnership = (await directory.partnerships.list()).find((p) => p.procedureId === procedure.id);
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
  let receiving: Person | undefined;
  if (raisedWith.kind === 'person') {
    receiving = await directory.people.get(raisedWith.personId);
    if (!receiving)
      return raiseFormAgain(ctx, {
        raisedWith: 'That person is not in the directory; choose someone else or an external professional.',
      });
  }
  const view = await directoryView(services, [raiser, receiving], partnership);
  const roles = procedure.stages.flatMap((s) => [
    ...s.owners,
    ...(s.escalatedBy ?? []),
    ...s.notifyOnEntry.flatMap((n) => n.to),
  ]);
  const extraRoles = [
    ...procedure.copyOnRaise.flatMap((n) => n.to),
    ...(procedure.log?.assignedBy ?? []),
    ...(procedure.immediateRoute?.agreedBy ?? []),
    ...(procedure.repeatPattern?.tell ?? []),
  ];
  const { participants, raisedBy, raisedWithRef } = resolveParticipants(
    [...roles, ...extraRoles],
    view,
    partnership,
    raiser,
    raisedWith,
  );

  const channel = partnership.challengeChannel;
  const thread = channel
    ? {
        teamId: channel.teamId,
        channelId: channel.channelId,
        serviceUrl: channel.serviceUrl ?? ctx.turn.conversation.serviceUrl,
        ...(ctx.turn.conversation.tenantId ? { tenantId: ctx.turn.conversation.tenantId } : {}),
      }
    : undefined;
  const command = {
    actor: { id: raiser.id, name: raiser.name },
    idempotencyKey: `raise:${action.challengeId}`,
    command: {
      type: 'raise',
      challengeId: action.challengeId,
      caseReference: action.caseReference,
      ...(procedure.raiseForm.familyName && action.familyName ? { familyName: action.familyName } : {}),
      subject: action.subject,
      kind: action.kind,
      ...(action.conferenceDate ? { conferenceDate: action.conferenceDate } : {}),
      // The form sends each area as its slug (choice-value.ts): the procedure's own wording is stored.
      areas: areasOf(procedure, action).filter((a): a is string => a !== undefined),
      concern: action.concern,
      desiredOutcome: action.desiredOutcome,
      evidence: action.evidence,
      urgency: action.urgency,
      raisedBy,
      raisedWith: raisedWithRef,
      participants,
    },
  } as const;
  const result = await runAndDeliver(services, procedure, action.challengeId, command, { channel: thread });
  if (!result.decision.ok) return raiseFormAgain(ctx, { form: result.decision.refusal.reason });
  const challenge = result.challenge!;
  const events = result.decision.events;
  const done = confirmationOf({ procedure, before: undefined, after: challenge, events, viewerId: ctx.personId });
  return {
    card: await cardFor(services, procedure, challenge, ctx.personId, { notice: { tone: 'done', text: done } }),
  };
}

const notInDirectory =
  'Challenge works from your partnership directory, and your account is not in it yet. ' +
  "Ask your partnership's business unit to add you; meanwhile raise the challenge by your agency's usual route.";

async function directoryView(
  services: ActionContext['services'],
  known: (Person | undefined)[],
  partnership: Partnership,
) {
  const { directory } = services.stores;
  const people = new Map<string, Person>();
  for (const p of known) if (p) people.set(p.id, p);
  // Line managers of the two practitioners are looked up once, ahead of the pure resolution.
  for (const p of known) {
    if (p?.lineManagerId && !people.has(p.lineManagerId)) {
      const manager = await directory.people.get(p.lineManagerId);
      if (manager) people.set(manager.id, manager);
    }
  }
  // Only the two agencies involved and the partnership: never the whole directory.
  const agencyIds = new Set(known.flatMap((p) => (p ? [p.agencyId] : [])));
  const agencies = (await Promise.all([...agencyIds].map((id) => directory.agencies.get(id)))).filter(
    (a): a is Agency => Boolean(a),
  );
  const agencyPeople = new Set(
    agencies.flatMap((a) => [
      ...a.safeguardingLeadIds,
      ...a.headOfServiceIds,
      ...a.directorIds,
      ...a.seniorManagerIds,
      ...a.serviceManagerIds,
    ]),
  );
  const partnershipPeople = [
    ...partnership.businessUnitIds,
    ...partnership.executiveIds,
    ...partnership.coordinatorIds,
    ...partnership.boardRepresentativeIds,
  ];
  for (const id of [...agencyPeople, ...partnershipPeople]) {
    if (!people.has(id)) {
      const person = await directory.people.get(id);
      if (person) people.set(id, person);
    }
  }
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  return { person: (id: string) => people.get(id), agency: (id: string) => agencyById.get(id) };
}

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
