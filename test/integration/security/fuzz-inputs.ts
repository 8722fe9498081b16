/**
 * What the fuzz suite sends (fast-check arbitraries): bodies and activities as a hostile or broken
 * client would make them, each with what a correct bot must answer. Every input is built so that
 * it must change nothing: card presses on real challenges carry a version the challenge has not
 * reached, raises carry a taken or foreign id or come from someone outside the directory.
 * Only the protocol is used (test/support/activities.ts), so any bot behind /api/messages can be fuzzed.
 */
import fc from 'fast-check';
import { cleanText } from '../../../cards/limits';
import { actionShapes, VERBS } from '../../../cards/verbs';
import { procedures } from '../../../src/procedures';
import { botId, invokeAction, message, submit, type TestUser } from '../../support/activities';

/** What the answer must be. */
export type Expect =
  /** 400-499: a body or envelope the Bot Framework would never send. */
  | 'refused'
  /** 200 and a reply in the activity's own conversation, in words. */
  | 'reply'
  /** 200 with an Adaptive Card in the invoke response. */
  | 'card'
  /** 200 (an activity the bot has nothing to say to). */
  | 'ok';

export interface FuzzInput {
  kind: string;
  /** The raw body, when it is not an activity. */
  raw?: { body: string; contentType: string };
  activity?: Record<string, unknown>;
  expect: Expect;
  /** Where the reply must appear, for 'reply'. */
  conversationId?: string;
}

export interface FuzzWorld {
  serviceUrl: string;
  people: TestUser[];
  /** Existing challenges and their versions: presses on them must be refused as stale. */
  challenges: { id: string; version: number }[];
  /** The buttons people hold, with the data a client would send for them. */
  buttons: { verb: string; data: Record<string, unknown> }[];
}

const READ_ONLY = new Set(['refresh', 'open', 'changeProcedure']);

/** Strings that have broken bots: keys, paths, templating, markdown, control and bidi characters. */
const nasty = fc.constantFrom(
  '/',
  '#',
  '?',
  '\\',
  '%',
  '%00',
  '\u0000',
  '../id',
  '${$root}',
  '${concern}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'healthz',
  'healthz-X',
  '\u202eevil',
  '\u{1F600}',
  "' or 1 eq 1 or '",
  'PartitionKey eq',
  '<script>alert(1)</script>',
  '[Sign in](https://evil.example/x)',
  '<at>Challenge</at>',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  'true',
  ' ',
  '',
);
const wellFormed = fc.oneof(
  nasty,
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ minLength: 150, maxLength: 400 }),
  fc.integer({ min: 3_990, max: 4_010 }).map((n) => 'x'.repeat(n)),
);
/** Any UTF-16, lone surrogates included. */
const anyString = fc.oneof(wellFormed, fc.string({ unit: 'binary', maxLength: 60 }));
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyString },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyString, { maxLength: 4 }),
  fc.dictionary(anyString, anyString, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Input names of every verb, with and without the verb prefix, and of every procedure form. */
const fieldNames = [
  ...new Set([
    ...Object.entries(actionShapes).flatMap(([verb, shape]) =>
      Object.keys(shape.shape).flatMap((f) => [f, `${verb}.${f}`]),
    ),
    ...procedures.flatMap((p) => p.forms.flatMap((f) => f.fields.map((field) => field.id))),
  ]),
].filter((k) => !/^(\w+\.)?(verb|challengeId|version)$/.test(k));
const fieldKey = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fieldNames) }, anyString);

/** A challenge id: a real one, one the bot could have made, or not one at all. */
const challengeIds = (world: FuzzWorld) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...world.challenges.map((c) => c.id)) },
    fc.uuid({ version: 4 }),
    anyString,
    junk,
  );

const stranger = fc
  .oneof(fc.uuid({ version: 4 }), fc.stringMatching(/^[a-z0-9:-]{1,40}$/))
  .map((aadObjectId): TestUser => ({ aadObjectId, name: 'Someone Else' }));
const presser = (world: FuzzWorld) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...world.people) }, stranger);

/** Card data as a client might send it: a real button's, a made-up verb's, with noise on top. */
function pressData(world: FuzzWorld) {
  const verb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...VERBS) }, anyString);
  return fc
    .record({
      who: presser(world),
      button: fc.option(fc.constantFrom(...world.buttons), { nil: undefined }),
      verb,
      challengeId: challengeIds(world),
      ahead: fc.integer({ min: 1, max: 1_000 }),
      asString: fc.boolean(),
      version: fc.oneof(fc.integer({ min: -5, max: 50 }), junk),
      noise: fc.dictionary(fieldKey, junk, { maxKeys: 6 }),
      stranger,
    })
    .map(({ who, button, verb, challengeId, ahead, asString, version, noise, stranger: outsider }) => {
      const theVerb = button?.verb ?? verb;
      const data: Record<string, unknown> = { ...(button?.data ?? {}), ...noise, verb: theVerb, challengeId, version };
      if (button && typeof challengeId !== 'string') data.challengeId = button.data.challengeId;
      const real = world.challenges.find((c) => c.id === data.challengeId);
      // A press that could move a real challenge carries a version it has not reached: it must be refused.
      if (real && !READ_ONLY.has(theVerb))
        data.version = asString ? String(real.version + ahead) : real.version + ahead;
      // A raise with an id nobody has taken comes from someone outside the directory: it must be refused.
      const raiser = theVerb === 'raise' && !real && typeof data.challengeId === 'string' ? outsider : who;
      return { who: raiser, data };
    });
}

/** Adaptive Card Action.Execute invokes: well formed, so each must be answered with a card. */
const invokes = (world: FuzzWorld) =>
  fc
    .record({ press: pressData(world), trigger: fc.constantFrom('manual', 'automatic') })
    .map(({ press, trigger }): FuzzInput => {
      // The action's own verb is part of the frame (1-64 characters); the data's may be anything.
      const verb = cleanText(String(press.data.verb));
      return {
        kind: 'invoke',
        activity: invokeAction(
          world.serviceUrl,
          press.who,
          verb.length >= 1 && verb.length <= 64 ? verb : 'x',
          press.data,
          undefined,
          trigger,
        ),
        expect: 'card',
      };
    });

let conversations = 0;
const personalConversation = () => `a:fuzz-${++conversations}`;

/** Action.Submit fallbacks: a message with the card data as its value, answered in the same chat. */
const submits = (world: FuzzWorld) =>
  fc
    .record({ press: pressData(world), replyTo: fc.option(fc.uuid(), { nil: undefined }) })
    .map(({ press, replyTo }) => {
      const conversationId = personalConversation();
      return {
        kind: 'submit',
        activity: submit(world.serviceUrl, press.who, press.data, replyTo, { conversationId }),
        expect: 'reply',
        conversationId,
      } satisfies FuzzInput;
    });

/** Typed messages: commands, nonsense, tag storms, texts at and over the bound, mentions. */
const messageText = fc.oneof(
  fc.constantFrom('help', 'raise challenge', 'my challenges', 'hi', '?', 'please raise a new professional challenge'),
  wellFormed,
  fc
    .record({ run: fc.constantFrom('<', '<a', '<at>', '< ', '<<>', '>'), times: fc.integer({ min: 1, max: 6_000 }) })
    // Up to 20,000 characters: five times the bound, and 0.45 s of the old quadratic tag pattern.
    .map(({ run, times }) => run.repeat(times).slice(0, 20_000)),
  fc
    .tuple(fc.constantFrom('raise challenge ', 'help '), fc.integer({ min: 3_980, max: 4_100 }))
    .map(([c, n]) => c + '<'.repeat(n)),
);
const messages = (world: FuzzWorld) =>
  fc
    .record({
      who: presser(world),
      text: messageText,
      // A mention's text is a name in <at> tags; hostile, but within the envelope's bound.
      mention: fc.option(fc.oneof(nasty, fc.string({ maxLength: 60 })), { nil: undefined }),
    })
    .map(({ who, text, mention }) => {
      const conversationId = personalConversation();
      const activity: Record<string, unknown> = message(world.serviceUrl, who, text, { conversationId });
      if (mention !== undefined) {
        activity.text = `${mention} ${text}`;
        activity.entities = [{ type: 'mention', text: mention, mentioned: { id: botId, name: 'Challenge' } }];
      }
      return { kind: 'message', activity, expect: 'reply', conversationId } satisfies FuzzInput;
    });

/** Activities the bot has nothing to do with: answered 200 and ignored. */
const others = (world: FuzzWorld) =>
  fc
    .record({
      who: presser(world),
      type: fc.constantFrom('typing', 'event', 'messageReaction', 'endOfConversation', 'messageUpdate', 'trace', 'xyz'),
      value: junk,
    })
    .map(({ who, type, value }): FuzzInput => {
      const activity: Record<string, unknown> = { ...message(world.serviceUrl, who, ''), type, value };
      delete activity.text;
      return { kind: 'other', activity, expect: 'ok' };
    });

/** A value a schema of ids can never take: spaces, control characters, too long, not a string. */
const badId = fc.oneof(
  anyString.map((s) => `${s} \u0000`),
  fc.integer({ min: 1_025, max: 3_000 }).map((n) => 'x'.repeat(n)),
  fc.integer(),
  fc.constant(null),
  fc.dictionary(anyString, anyString, { maxKeys: 2 }),
);

/** Envelopes no Bot Framework channel sends, made from good activities: each must be a 400. */
const broken = (world: FuzzWorld) => {
  const base = fc.oneof(messages(world), invokes(world)).map((i) => structuredClone(i.activity!));
  const corruption = fc.oneof(
    fc
      .constantFrom('type', 'from', 'recipient', 'conversation', 'serviceUrl', 'channelId')
      .map((field) => ({ field, value: undefined })),
    fc.record({
      field: fc.constantFrom('from', 'recipient', 'conversation'),
      value: fc.oneof(anyString, fc.integer(), fc.array(junk)),
    }),
    fc.record({
      field: fc.constantFrom(
        'from.id',
        'recipient.id',
        'conversation.id',
        'from.aadObjectId',
        'channelId',
        'id',
        'replyToId',
      ),
      value: badId,
    }),
    fc.record({
      field: fc.constant('type'),
      value: fc.oneof(
        anyString.map((s) => `${s}1 `),
        fc.integer(),
      ),
    }),
    fc.record({
      field: fc.constant('serviceUrl'),
      value: fc.oneof(
        anyString.map((s) => `ftp://${s}`),
        fc.constant('not a url'),
        fc.integer(),
      ),
    }),
    fc.record({
      field: fc.constant('text'),
      value: fc.oneof(fc.integer(), fc.array(junk, { minLength: 1 }), fc.constant('\ud800')),
    }),
    fc.record({ field: fc.constant('timestamp'), value: fc.oneof(fc.constant('not a date'), fc.integer()) }),
    fc.record({ field: fc.constant('channelData'), value: fc.oneof(anyString, fc.integer()) }),
    fc.record({
      field: fc.constant('entities'),
      value: fc.oneof(
        anyString,
        fc.constant([{ type: 'mention' }]),
        fc.constant([{ type: 'mention', text: 7, mentioned: {} }]),
      ),
    }),
  );
  return fc.record({ activity: base, corruption }).map(({ activity, corruption: { field, value } }): FuzzInput => {
    const path = field.split('.');
    let target = activity as Record<string, unknown>;
    for (const step of path.slice(0, -1)) {
      if (typeof target[step] !== 'object' || target[step] === null) target[step] = {};
      target = target[step] as Record<string, unknown>;
    }
    if (value === undefined) delete target[path.at(-1)!];
    else target[path.at(-1)!] = value;
    return { kind: 'envelope', activity, expect: 'refused' };
  });
};

/** Card action invokes whose frame is wrong (no Action.Execute, no verb, data not an object) or names we do not serve. */
const badInvokes = (world: FuzzWorld) =>
  fc
    .record({
      who: presser(world),
      value: fc.oneof(
        junk.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
        fc.record({ action: fc.oneof(anyString, fc.integer(), fc.constant(null)) }),
        fc.record({ action: fc.record({ type: fc.oneof(anyString, fc.constant('Action.Submit')), verb: anyString }) }),
        fc.record({
          action: fc.record({ type: fc.constant('Action.Execute'), verb: fc.constantFrom('', 'x'.repeat(65)) }),
        }),
        fc.record({
          action: fc.record({
            type: fc.constant('Action.Execute'),
            verb: fc.constantFrom(...VERBS),
            data: fc.oneof(anyString, fc.array(junk), fc.integer()),
          }),
        }),
      ),
      name: fc.oneof(
        { weight: 3, arbitrary: fc.constant('adaptiveCard/action') },
        fc.constantFrom('task/fetch', 'composeExtension/query', 'signin/verifyState', 'config/fetch'),
        wellFormed,
      ),
    })
    .map(({ who, value, name }): FuzzInput => {
      const activity = { ...invokeAction(world.serviceUrl, who, 'refresh', {}), name, value } as Record<
        string,
        unknown
      >;
      return { kind: 'badInvoke', activity, expect: 'refused' };
    })
    .filter((i) => i.activity!.name !== 'healthCheck');

/** Bodies that are not activities at all. */
const bodies = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ body: JSON.stringify(v) ?? 'null', contentType: 'application/json' })),
  anyString.map((s) => ({ body: s, contentType: 'application/json' })),
  fc.record({
    body: anyString,
    contentType: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      '',
    ),
  }),
);
const raws = bodies.map((raw): FuzzInput => ({ kind: 'body', raw, expect: 'refused' }));

/**
 * The mix. A press on a real challenge re-renders a stage card or the raise form, some 20-70 ms of
 * templating each on these machines; refusals at the edge cost about a millisecond. About one
 * input in seven renders a big card, which keeps 10,000 inputs near a minute on two cores.
 */
export function fuzzInputs(world: FuzzWorld): fc.Arbitrary<FuzzInput> {
  return fc.oneof(
    { weight: 2, arbitrary: invokes(world) },
    { weight: 1, arbitrary: submits(world) },
    { weight: 2, arbitrary: messages(world) },
    { weight: 6, arbitrary: broken(world) },
    { weight: 2, arbitrary: badInvokes(world) },
    { weight: 2, arbitrary: others(world) },
    { weight: 3, arbitrary: raws },
  );
}
