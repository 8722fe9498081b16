/**
 * The card-action contract: every Action.Execute verb, the zod schema of its data, and the
 * parse that turns what a client sends into a typed action or a field-error map. Pure.
 * Data carries only { verb, challengeId, version } plus the user's inputs (docs/card-actions.md).
 */
import { z } from 'zod';
import { OwnerRoleSchema, type OwnerRole } from '../src/procedures/schema';

export const VERBS = [
  'raise',
  'changeProcedure',
  'refresh',
  'open',
  'recordOutcome',
  'escalate',
  'resolve',
  'requestExtension',
  'agreeExtension',
  'declineExtension',
  'pause',
  'resume',
  'handOver',
  'recordMeeting',
  'recordNotification',
  'assignLogId',
] as const;
export type Verb = (typeof VERBS)[number];
export const Verb = Object.fromEntries(VERBS.map((v) => [v, v])) as { [K in Verb]: K };

/** Absent, null and blank all mean "not given": clients send '' for an untouched input. */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const given = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

const REQUIRED = 'Please fill this in.';
const CHOOSE_ROLE = 'Please choose the role you hand over.';
const text = () =>
  given(z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(10_000, 'Please keep this under 10,000 characters.'));
const optionalText = () => given(z.string().trim().max(10_000, 'Please keep this under 10,000 characters.').optional());
const id = (message = 'Missing id.') => given(z.string({ error: message }).min(1, message).max(200));

/** Input.Date gives 'YYYY-MM-DD'; checked to be a real day. */
const day = () =>
  given(
    z
      .string({ error: 'Please choose a date.' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Please give the date as YYYY-MM-DD.')
      .refine((s) => {
        const d = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
      }, 'That is not a real date.'),
  );

/** Input.Toggle gives 'true' / 'false' strings; absent means off. */
const toggle = () =>
  z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((v) => v === true || v === 'true');

/** A multi-select Input.ChoiceSet gives 'a,b,c'; an array is accepted too. */
const list = (message = REQUIRED) =>
  given(
    z
      .union([z.array(z.string()), z.string()], { error: message })
      .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
      .refine((a) => a.length > 0, message),
  );

const version = () => given(z.coerce.number({ error: 'Missing version.' }).int().nonnegative());

/** A form field's value as a client sends it; checked against the form by coerceFormValues. */
const formValue = z.union([z.string(), z.boolean(), z.number(), z.array(z.string())]);

const onChallenge = <V extends Verb>(verb: V) => ({
  verb: z.literal(verb),
  challengeId: id(),
  version: version(),
});

/** The data shape of each verb before any reshaping; docs/card-actions.md is tested against these. */
export const actionShapes = {
  raise: z.object({
    ...onChallenge('raise'),
    procedureId: id('Please choose a partnership procedure.'),
    caseReference: given(
      z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(100, 'A case reference is at most 100 characters.'),
    ),
    familyName: optionalText(),
    subject: given(z.enum(['child', 'adult'], { error: 'Please choose child or adult.' })),
    kind: given(z.enum(['decision', 'conferenceDissent']).default('decision')),
    conferenceDate: given(day().optional()),
    raisedWith: id('Please choose who you raised it with, or an external professional.'),
    externalName: optionalText(),
    externalRole: optionalText(),
    externalAgency: optionalText(),
    externalEmail: given(z.email('Please give a valid email address.').optional()),
    areas: list('Please choose an area of disagreement.'),
    concern: text(),
    desiredOutcome: text(),
    evidence: text(),
    urgency: given(z.enum(['standard', 'immediate']).default('standard')),
  }),
  changeProcedure: z.object({ ...onChallenge('changeProcedure'), procedureId: id() }).catchall(formValue),
  refresh: z.object(onChallenge('refresh')),
  open: z.object(onChallenge('open')),
  recordOutcome: z.object(onChallenge('recordOutcome')).catchall(formValue),
  escalate: z.object({
    ...onChallenge('escalate'),
    reason: text(),
    to: given(z.string().optional()),
    route: given(z.enum(['next', 'immediate']).optional()),
  }),
  resolve: z.object({ ...onChallenge('resolve'), agreedOutcome: text(), outstandingIssues: text() }),
  requestExtension: z.object({ ...onChallenge('requestExtension'), until: day(), reason: text() }),
  agreeExtension: z.object({ ...onChallenge('agreeExtension'), reason: optionalText() }),
  declineExtension: z.object({ ...onChallenge('declineExtension'), reason: text() }),
  pause: z.object({ ...onChallenge('pause'), reason: text() }),
  resume: z.object(onChallenge('resume')),
  handOver: z.object({
    ...onChallenge('handOver'),
    role: given(
      z
        .string({ error: CHOOSE_ROLE })
        .refine((v) => OwnerRoleSchema.safeParse(v).success, CHOOSE_ROLE)
        .transform((v) => v as OwnerRole),
    ),
    toPersonId: id('Please choose who takes it over.'),
  }),
  recordMeeting: z.object({
    ...onChallenge('recordMeeting'),
    date: day(),
    attendees: list('Please name who attended.'),
    familyAttended: toggle(),
    outcome: text(),
    actions: text(),
  }),
  recordNotification: z.object({ ...onChallenge('recordNotification'), formId: id() }).catchall(formValue),
  assignLogId: z.object({
    ...onChallenge('assignLogId'),
    logId: given(z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(50)),
  }),
} satisfies { [K in Verb]: z.ZodObject };

/** Verbs whose data carries a form's fields beyond the named ones; they arrive as `values`. */
const FORM_VERBS = ['changeProcedure', 'recordOutcome', 'recordNotification'] as const;
type FormVerb = (typeof FORM_VERBS)[number];
type FormValue = z.infer<typeof formValue>;

type Shaped<K extends Verb> = z.output<(typeof actionShapes)[K]>;
type Named<K extends FormVerb> = { [P in keyof Shaped<K> as string extends P ? never : P]: Shaped<K>[P] };

export type CardAction =
  | { [K in Exclude<Verb, FormVerb>]: Shaped<K> }[Exclude<Verb, FormVerb>]
  | { [K in FormVerb]: Named<K> & { values: Record<string, FormValue> } }[FormVerb];
export type ActionOf<V extends Verb> = Extract<CardAction, { verb: V }>;

export type ParsedAction =
  { ok: true; action: CardAction } | { ok: false; verb?: string; errors: Record<string, string> };

function isVerb(v: unknown): v is Verb {
  return typeof v === 'string' && (VERBS as readonly string[]).includes(v);
}

/**
 * Stage-card inputs are named `<verb>.<field>` because input ids must be unique across a card
 * (sub-forms share field names); the prefix is dropped here, so either spelling is accepted.
 */
function unprefixed(verb: Verb, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const prefix = `${verb}.`;
  for (const [k, v] of Object.entries(data)) if (!k.startsWith(prefix)) out[k] = v;
  for (const [k, v] of Object.entries(data)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

/** Parse an action's data (Action.Execute `action.data`, or an Action.Submit message's `value`). */
export function parseCardAction(data: unknown): ParsedAction {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: { verb: 'The card sent no action data.' } };
  }
  const raw = data as Record<string, unknown>;
  if (!isVerb(raw.verb)) return { ok: false, errors: { verb: `Unknown action: ${String(raw.verb)}` } };
  const verb = raw.verb;
  const result = actionShapes[verb].safeParse(unprefixed(verb, raw));
  if (!result.success) {
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'verb');
      errors[field] ??= issue.message;
    }
    return { ok: false, verb, errors };
  }
  return { ok: true, action: reshape(verb, result.data as Record<string, unknown>) };
}

/** Form verbs: the named fields stay, every other input goes into `values`. */
function reshape(verb: Verb, data: Record<string, unknown>): CardAction {
  if (!(FORM_VERBS as readonly string[]).includes(verb)) return data as CardAction;
  const named = new Set(Object.keys(actionShapes[verb].shape));
  const kept: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) (named.has(k) ? kept : values)[k] = v;
  return { ...kept, values } as CardAction;
}

export { commandFromAction } from './command-from-action';
