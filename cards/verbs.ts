/**
 * The card-action contract: every Action.Execute verb, the zod schema of its data, and the
 * parse that turns what a client sends into a typed action or a field-error map. Pure.
 * Data carries only { verb, challengeId, version } plus the user's inputs (docs/card-actions.md).
 */
import { z } from 'zod';
import { OwnerRoleSchema, type OwnerRole } from '../src/procedures/schema';
import type { ChallengeCommandType } from '../src/workflow/guards';
import { isChallengeId } from '../src/workflow/ids';
import { cleanText, formatLimit, INPUT_LIMITS, isWellFormed } from './limits';

/** Absent, null and blank all mean "not given": clients send '' for an untouched input. */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const given = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

const REQUIRED = 'Please fill this in.';
const CHOOSE_ROLE = 'Please choose the role you hand over.';
const atMost = (limit: number) => `Please keep this to ${formatLimit(limit)} characters or fewer.`;
/** Free text up to `limit` characters (INPUT_LIMITS, the cards' maxLength), cleaned of control characters. */
const bounded = (limit: number) => z.string({ error: REQUIRED }).trim().max(limit, atMost(limit)).transform(cleanText);
const text = (limit: number = INPUT_LIMITS.text) => given(bounded(limit).pipe(z.string().min(1, REQUIRED)));
const optionalText = (limit: number = INPUT_LIMITS.text) => given(bounded(limit).optional());
/** An id in card data: bounded, printable and encodable, so it can never break a table key or a URL. */
const id = (message = 'Missing id.') =>
  given(
    z
      .string({ error: message })
      .min(1, message)
      .max(INPUT_LIMITS.id)
      .regex(/^[^\u0000-\u001f\u007f]+$/, 'That id is not valid.')
      .refine(isWellFormed, 'That id is not valid.'),
  );
/** The challenge's own id: only ever one the bot allocated (src/workflow/ids.ts). */
const challengeId = () =>
  given(z.string({ error: 'Missing id.' }).refine(isChallengeId, 'This card was not made by Challenge.'));

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
      .union(
        [z.array(z.string().max(INPUT_LIMITS.text)).max(INPUT_LIMITS.listItems), z.string().max(INPUT_LIMITS.text)],
        {
          error: message,
        },
      )
      .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
      .refine((a) => a.length > 0, message),
  );

const version = () => given(z.coerce.number({ error: 'Missing version.' }).int().nonnegative());

/** A form field's value as a client sends it; checked against the form by coerceFormValues. */
const formText = z.string().max(INPUT_LIMITS.text, atMost(INPUT_LIMITS.text)).transform(cleanText);
const formValue = z.union([formText, z.boolean(), z.number(), z.array(formText).max(INPUT_LIMITS.listItems)]);

const onChallenge = <V extends string>(verb: V) => ({
  verb: z.literal(verb),
  challengeId: challengeId(),
  version: version(),
});

/** The data shape of each verb before any reshaping; docs/card-actions.md is tested against these. */
export const actionShapes = {
  raise: z.object({
    ...onChallenge('raise'),
    procedureId: id('Please choose a partnership procedure.'),
    caseReference: text(INPUT_LIMITS.caseReference),
    familyName: optionalText(INPUT_LIMITS.line),
    subject: given(z.enum(['child', 'adult'], { error: 'Please choose child or adult.' })),
    kind: given(z.enum(['decision', 'conferenceDissent']).default('decision')),
    conferenceDate: given(day().optional()),
    raisedWith: id('Please choose who you raised it with, or an external professional.'),
    externalName: optionalText(INPUT_LIMITS.line),
    externalRole: optionalText(INPUT_LIMITS.line),
    externalAgency: optionalText(INPUT_LIMITS.line),
    externalEmail: given(
      z
        .string()
        .trim()
        .max(INPUT_LIMITS.email, atMost(INPUT_LIMITS.email))
        .pipe(z.email('Please give a valid email address.'))
        .optional(),
    ),
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
    logId: text(INPUT_LIMITS.logId),
  }),
} satisfies Record<string, z.ZodObject>;

/** Every verb a card may send: the keys of the contract above, so the two cannot drift apart. */
export type Verb = keyof typeof actionShapes;
export const VERBS = Object.keys(actionShapes) as Verb[];

/**
 * The verbs that are one workflow command each, in the order a stage card shows them. The
 * compiler holds this against the workflow: each is a command type, and every command a person
 * gives has one (the scheduler's recordReminder is the only command with no button).
 */
export const COMMAND_VERBS = [
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
] as const satisfies readonly (Verb & ChallengeCommandType)[];
export type CommandVerb = (typeof COMMAND_VERBS)[number];
type WithoutVerb = Exclude<ChallengeCommandType, CommandVerb | 'recordReminder'>;
export const everyCommandHasAVerb: [WithoutVerb] extends [never] ? true : never = true;

export function isCommandVerb(verb: unknown): verb is CommandVerb {
  return typeof verb === 'string' && (COMMAND_VERBS as readonly string[]).includes(verb);
}

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
  return typeof v === 'string' && Object.hasOwn(actionShapes, v);
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

/** Zod's own messages are for developers ("Invalid input: expected string"); a field the schema does not word itself is said plainly. */
const plainly = () => 'Please check this: it is not what this card sends.';

/** Parse an action's data (Action.Execute `action.data`, or an Action.Submit message's `value`). */
export function parseCardAction(data: unknown): ParsedAction {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: { verb: 'The card sent no action data.' } };
  }
  const raw = data as Record<string, unknown>;
  // The verb is not echoed: the answer says what is wrong, not what was sent.
  if (!isVerb(raw.verb)) return { ok: false, errors: { verb: 'That button is not one Challenge knows.' } };
  const verb = raw.verb;
  const result = actionShapes[verb].safeParse(unprefixed(verb, raw), { error: plainly });
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
