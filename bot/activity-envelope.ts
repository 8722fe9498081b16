/**
 * The activity envelope as the Bot Framework sends it (type, ids, conversation, serviceUrl,
 * mentions), checked with zod before a turn runs; anything else is a malformed request and is
 * answered 400. Only the envelope is checked here: `text` and `value` are the user's and are
 * answered in words by the handlers. Ids are printable ASCII of bounded length, as channels
 * give them, so none can break a table key, a URL or a log line. Unknown fields pass.
 */
import { z } from 'zod';
import { isWellFormed } from '../cards/limits';

/** A channel-given id: "29:1a…", "a:1…", "19:…@thread.tacv2;messageid=…", a GUID. */
const channelId = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x21-\x7e]+$/);
const label = z.string().max(512).refine(isWellFormed);
const shortCode = z.string().max(64);
const instant = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)));

const Account = z.looseObject({
  id: channelId(256),
  name: label.optional(),
  aadObjectId: channelId(128).optional(),
  role: shortCode.optional(),
});

const Mention = z.looseObject({
  type: z.literal('mention'),
  text: z.string().max(1024).refine(isWellFormed).optional(),
  mentioned: z.looseObject({ id: channelId(256) }),
});
const Entity = z.union([
  Mention,
  z.looseObject({
    type: z
      .string()
      .max(64)
      .refine((t) => t !== 'mention'),
  }),
]);

export const ActivityEnvelope = z.looseObject({
  type: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z]+$/),
  id: channelId(256).optional(),
  name: z.string().max(128).refine(isWellFormed).optional(),
  channelId: channelId(64),
  serviceUrl: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/[\x21-\x7e]+$/)
    .refine((u) => URL.canParse(u)),
  from: Account,
  recipient: Account,
  conversation: z.looseObject({
    id: channelId(1024),
    conversationType: shortCode.optional(),
    tenantId: channelId(128).optional(),
    isGroup: z.boolean().optional(),
    name: label.optional(),
  }),
  channelData: z.looseObject({ tenant: z.looseObject({ id: channelId(128).optional() }).optional() }).optional(),
  text: z.string().refine(isWellFormed).optional(),
  textFormat: shortCode.optional(),
  locale: shortCode.optional(),
  timestamp: instant.optional(),
  localTimestamp: instant.optional(),
  replyToId: channelId(256).optional(),
  action: shortCode.optional(),
  entities: z.array(Entity).max(64).optional(),
  membersAdded: z.array(Account).max(256).optional(),
  membersRemoved: z.array(Account).max(256).optional(),
  attachments: z
    .array(z.looseObject({ contentType: z.string().max(256) }))
    .max(32)
    .optional(),
});
export type ActivityEnvelope = z.infer<typeof ActivityEnvelope>;

/** What a malformed envelope is answered with: where it is wrong, never what it said. */
export function envelopeProblems(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((i) => i.path.map(String).join('.') || 'activity'))].slice(0, 10);
}

/**
 * An Adaptive Card Action.Execute invoke's value (docs/card-actions.md). The button's data is
 * the user's and is answered in words; the frame around it must be right.
 */
export const AdaptiveCardInvoke = z.looseObject({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(64).refine(isWellFormed),
    id: z.string().max(256).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.string().max(32).optional(),
});

/**
 * A typeahead search's value (`application/search`, sent as a person types into an input whose
 * `choices.data` is a Data.Query): the text typed, the input's dataset and the page wanted.
 * Anything else in it (`kind`, `data` of associated inputs) is not read.
 */
export const SearchInvoke = z.looseObject({
  queryText: z.string().max(4000).refine(isWellFormed).optional(),
  dataset: z.string().min(1).max(256),
  queryOptions: z
    .looseObject({
      skip: z.number().int().min(0).max(10_000).optional(),
      top: z.number().int().min(0).max(1_000).optional(),
    })
    .optional(),
});
export type SearchInvoke = z.infer<typeof SearchInvoke>;
