/**
 * The one schema every partnership procedure must pass at load. Procedures are data:
 * a new partnership is a new file in ./data, never a branch in code.
 */
import { z } from 'zod';

/** Whose side of the disagreement a role sits on. */
export const sides = ['raising', 'receiving', 'partnership'] as const;
export type Side = (typeof sides)[number];

/**
 * Roles a person can hold on a challenge. On the raising and receiving sides they are
 * resolved from the directory (the practitioner, their line manager, their agency's leads);
 * on the partnership side from the partnership's own lists.
 */
export const roleNames = [
  'practitioner', // raising: the person who raised it; receiving: the professional it is raised with
  'lineManager',
  'safeguardingLead', // designated / named safeguarding lead
  'seniorManager', // e.g. Dudley stage 3 (for a school: Chair of Governors with the Head Teacher)
  'serviceManager',
  'headOfService',
  'director', // director / assistant director
  'businessUnit', // partnership business unit or business manager
  'executive', // partnership executive / statutory safeguarding partners
  'coordinator', // partnership coordinator
  'boardRepresentative', // Safeguarding Adults Board / Children Partnership Group representative
  'serviceManagerOversight', // e.g. Durham IRO service manager, told of repeat patterns
] as const;
export type RoleName = (typeof roleNames)[number];

/** "side.role", e.g. "raising.lineManager" or "partnership.businessUnit". */
export type OwnerRole = `${Side}.${RoleName}`;
const ownerRolePattern = new RegExp(`^(${sides.join('|')})\\.(${roleNames.join('|')})$`);
export const OwnerRoleSchema = z
  .string()
  .regex(ownerRolePattern, 'must be "side.role", e.g. "raising.lineManager"')
  .transform((s) => s as OwnerRole);

/** When a stage must be concluded. Deadlines fall at the end of the working day unless said otherwise. */
export const DeadlineRuleSchema = z.discriminatedUnion('kind', [
  /** n working days after the anchor day (the anchor day itself is day 0). */
  z.object({
    kind: z.literal('workingDays'),
    days: z.number().int().positive(),
    from: z.enum(['stageStart', 'raised']),
  }),
  /** "No later than day N", the day raised being day 1; rolls forward to a working day. */
  z.object({
    kind: z.literal('dayOfChallenge'),
    day: z.number().int().positive(),
  }),
  /** Calendar months after the anchor day (Leeds: the whole process within one month). */
  z.object({
    kind: z.literal('calendarMonths'),
    months: z.number().int().positive(),
    from: z.enum(['stageStart', 'raised']),
  }),
  /** No fixed timescale ("as soon as possible"): the stage has no deadline to nag about. */
  z.object({
    kind: z.literal('none'),
    guidance: z.string().min(1),
  }),
]);
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

/** Facts of a challenge's record a printed form may be filled from (src/reports/printable-form.ts). */
export const prefillSources = [
  'raisedAt',
  'raisedBy.name',
  'raisedBy.role',
  'raisedBy.agency',
  'raisedWith.name',
  'raisedWith.role',
  'raisedWith.agency',
  'areas',
  'concern',
  'concernAndDesiredOutcome',
  'agencies',
  'familyName',
  'logId',
  'logRecordedAt',
  'resolvedAt',
  'resolvedAtStage',
  'agreedOutcome',
  'stageStartedAt',
  'stageEndedAt',
] as const;
export type PrefillSource = (typeof prefillSources)[number];

export const FormFieldSchema = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  label: z.string().min(1),
  kind: z.enum(['text', 'longText', 'date', 'boolean', 'choice', 'multiChoice', 'people', 'agencies']),
  required: z.boolean().default(false),
  choices: z.array(z.string().min(1)).optional(),
  /** The rule this field exists for, e.g. "DAR-7". */
  rule: z.string().optional(),
  /** Guidance printed on the partnership's form under the field (shown as help text). */
  hint: z.string().optional(),
  /** Only these roles fill the field in (Darlington's "to be completed by DSP Business Unit only"). */
  completedBy: z.array(OwnerRoleSchema).optional(),
  /** The heading the field sits under on the partnership's printed form (e.g. Leeds' "Summary of notification"). */
  section: z.string().min(1).optional(),
  /** Where the printed form takes the value from the challenge's record while the form is not filled in. */
  prefill: z.enum(prefillSources).optional(),
  /** The answer is learning to share with the partnership (NEW-9): collected into the annual report's themes. */
  learning: z.boolean().optional(),
});
export type FormField = z.infer<typeof FormFieldSchema>;

export const FormSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** Name of the partnership's own document, e.g. "Appendix 3: Stage 3 Notifications and Outcomes Form". */
  document: z.string().optional(),
  fields: z.array(FormFieldSchema).min(1),
  /** Printed under the title, in the document's words (Darlington: "Only to be used at Stage 3 ..."). */
  notes: z.array(z.string().min(1)).default([]),
  /** Where the document says the completed form goes (Leeds: "To be returned to lscp.info@..."). */
  returnTo: z.string().min(1).optional(),
  /** Signature lines at the foot of the printed form (Durham: "IRO signature"). */
  signatures: z.array(z.string().min(1)).default([]),
});
export type Form = z.infer<typeof FormSchema>;

export const NotificationSchema = z.object({
  to: z.array(OwnerRoleSchema).min(1),
  /** A form that must be completed for this notification (e.g. Leeds appendix 3). */
  form: z.string().optional(),
  rule: z.string().optional(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const StageSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** As the partnership names it: "Stage 2", "Step 3a". */
  label: z.string().min(1),
  title: z.string().min(1),
  /** What happens at this stage, in the procedure's words (shown on the stage card). */
  summary: z.string().min(1),
  /** Who owns the stage and may act on it. */
  owners: z.array(OwnerRoleSchema).min(1),
  deadline: DeadlineRuleSchema,
  /** The latest the stage may start (e.g. Dudley stage 2 "no later than day 3"); a late start is recorded. */
  startBy: DeadlineRuleSchema.optional(),
  /** The form whose fields record this stage's outcome. */
  record: z.string(),
  /** Told when the challenge enters this stage. */
  notifyOnEntry: z.array(NotificationSchema).default([]),
  /** Stages this one may escalate to; the first is the next stage. Empty at the last stage. */
  escalateTo: z.array(z.string()).default([]),
  /** Who may escalate from this stage; defaults to the owners on the raising side. */
  escalatedBy: z.array(OwnerRoleSchema).optional(),
  /** Part of the immediate (urgent) route rather than the ordinary ladder. */
  immediate: z.boolean().default(false),
  /** Rule IDs this stage implements, for the generated docs. */
  rules: z.array(z.string()).default([]),
});
export type Stage = z.infer<typeof StageSchema>;

export const CapSchema = z.object({
  label: z.string().min(1),
  /** Stages whose deadlines may not pass this cap. */
  stages: z.array(z.string()).min(1),
  rule: DeadlineRuleSchema,
  rule_id: z.string().optional(),
});
export type Cap = z.infer<typeof CapSchema>;

export const ReminderPolicySchema = z.object({
  /** A reminder to the stage owners this many working days before the deadline. */
  remindWorkingDaysBefore: z.number().int().nonnegative().default(1),
  /** After the deadline, nag the owners every this many working days while overdue. */
  nagEveryWorkingDays: z.number().int().positive().default(1),
  /** After this many overdue working days, copy the next level's owners with an escalation offer. */
  copyNextLevelAfterOverdueWorkingDays: z.number().int().positive().default(2),
  /**
   * The next level's owners may escalate themselves (the offer's one press) once the stage is
   * overdue by `copyNextLevelAfterOverdueWorkingDays` working days, not only the stage's escalators.
   */
  nextLevelMayEscalateWhenOverdue: z.boolean().default(true),
  /** Local (Europe/London) window in which reminders may be sent. */
  window: z
    .object({ from: z.string().regex(/^\d\d:\d\d$/), to: z.string().regex(/^\d\d:\d\d$/) })
    .default({ from: '08:00', to: '18:00' }),
  /** Tell the raiser when their challenge is overdue. */
  tellRaiserWhenOverdue: z.boolean().default(true),
});
export type ReminderPolicy = z.infer<typeof ReminderPolicySchema>;

/**
 * How long the partnership keeps a resolved challenge before it is purged, with the rest of its
 * record (events, audit, thread, indexes). Data protection: set by the partnership from its
 * own retention schedule, which the published procedures do not state.
 */
export const RetentionSchema = z.object({
  /** Calendar months after the day the challenge was resolved (Europe/London). */
  monthsAfterResolved: z.number().int().min(1).max(1200),
  /** Where the period comes from, in words (shown in docs/procedures.md). */
  basis: z.string().min(1),
});
export type Retention = z.infer<typeof RetentionSchema>;

export const ProcedureSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Rule-ID prefix in procedures.md, e.g. "LEE". */
  code: z.string().regex(/^[A-Z]{3}$/),
  partnership: z.string().min(1),
  title: z.string().min(1),
  /** The published document this procedure is taken from. */
  source: z.string().min(1),
  subjects: z.array(z.enum(['child', 'adult'])).min(1),
  /** Roles that may raise a challenge, when the procedure limits it (Durham: the IRO). */
  raisedBy: z.array(z.string()).optional(),
  /** What the raise form asks for beyond COM-2's common fields. */
  raiseForm: z
    .object({
      familyName: z.boolean().default(false),
      conferenceDissent: z.boolean().default(false),
    })
    .default({ familyName: false, conferenceDissent: false }),
  areasOfDisagreement: z.array(z.string().min(1)).min(1),
  /** Allow several areas to be chosen (Durham's "one or more of"). */
  multipleAreas: z.boolean().default(false),
  stages: z.array(StageSchema).min(1),
  /** The stage an ordinary challenge starts at. */
  firstStage: z.string(),
  /** The urgent route, where there is one (Newcastle's 24-hour route). */
  immediateRoute: z
    .object({
      stage: z.string(),
      /** Who must agree to take the immediate route. */
      agreedBy: z.array(OwnerRoleSchema).min(1),
      rule: z.string().optional(),
    })
    .optional(),
  caps: z.array(CapSchema).default([]),
  forms: z.array(FormSchema).min(1),
  /** Told of every new challenge (Durham: the QRT business manager, DUR-11). */
  copyOnRaise: z.array(NotificationSchema).default([]),
  /** The partnership log (Darlington DAR-6): from which stage a challenge gets a log ID, and who assigns it. */
  log: z
    .object({
      fromStage: z.string(),
      assignedBy: z.array(OwnerRoleSchema).min(1),
      rule: z.string().optional(),
    })
    .optional(),
  /** Flag repeated challenges to the same agency (Durham DUR-11). */
  repeatPattern: z
    .object({
      threshold: z.number().int().min(2),
      withinDays: z.number().int().positive(),
      tell: z.array(OwnerRoleSchema).min(1),
      rule: z.string().optional(),
    })
    .optional(),
  /** Whether a pause stops the clock (Leeds LEE-7 says so; we apply it everywhere unless told not to). */
  pauseStopsClock: z.boolean().default(true),
  reminders: ReminderPolicySchema.default(ReminderPolicySchema.parse({})),
  /** Partnership closure days (ISO dates) on top of England and Wales bank holidays. */
  closureDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  /** Readings taken where the document is ambiguous (shown in docs/procedures.md). */
  readings: z.array(z.string()).default([]),
  retention: RetentionSchema,
});
export type ProcedureInput = z.input<typeof ProcedureSchema>;
export type Procedure = z.infer<typeof ProcedureSchema>;
