/**
 * Card validation with the official Adaptive Cards library (`adaptivecards`): a card is parsed
 * with a SerializationContext targeting 1.5, the schema Teams renders for bots, and every
 * event of the parse (unknown element or action, invalid value, property of a later version)
 * and of its validation (duplicate ids, missing required values) is a problem. A property the
 * library does not know is dropped when it writes the card back: that is a problem too, except
 * Teams' own `msteams` extension and its typeahead (`choices.data`, see TYPE_EXTENSIONS). House
 * rules follow the library's checks: the root is version 1.5, no template expression is left
 * unbound, a choice value has no comma (a multi-select joins values with commas), and a
 * typeahead is a filtered choice set with a Data.Query naming its dataset.
 */
import * as AC from 'adaptivecards';

type Json = unknown;

/** Properties Teams reads that are not in the Adaptive Cards 1.5 schema, by the path of the card's root. */
const HOST_EXTENSIONS: Record<string, readonly string[]> = { $: ['msteams'] };

/**
 * Properties Teams reads on an element of a type, though the library takes them for a later
 * version: an Input.ChoiceSet's `choices.data` (Data.Query, Teams' typeahead search) is in
 * the 1.6 schema, and Teams serves it on 1.5 cards for bots. Checked here instead (see
 * dataQueryProblems): a Data.Query with a dataset, on a filtered choice set (whose static list
 * the library still requires not to be empty).
 */
const TYPE_EXTENSIONS: Record<string, readonly string[]> = { 'Input.ChoiceSet': ['choices.data'] };
/** A parse warning of the library about a Teams extension (choices.data): not a problem on a Teams card. */
export const isTeamsExtensionWarning = (message: string) =>
  Object.values(TYPE_EXTENSIONS).some((keys) => keys.some((k) => message.includes(`Property "${k}"`)));

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The problems found; empty when the card is valid. */
export function validateCard(card: Json): string[] {
  if (!isObject(card)) return ['$: a card must be an object'];
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push('$: type must be AdaptiveCard');
  if (card.version !== '1.5') problems.push(`$: version must be "1.5", not ${String(card.version)}`);

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    if (e.event === AC.ValidationEvent.UnsupportedProperty && isTeamsExtensionWarning(e.message)) continue;
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  problems.push(...droppedProperties(card, parsed.toJSON(context), '$'));
  problems.push(...houseRules(card));
  return problems;
}

/**
 * Keys of `given` that the library neither wrote back nor lists in the schema of the object's
 * class (a default value is left out when written, but its name is in the schema): not 1.5.
 */
function droppedProperties(given: Json, written: Json, path: string, within?: string): string[] {
  if (Array.isArray(given))
    return given.flatMap((g, i) =>
      droppedProperties(g, Array.isArray(written) ? written[i] : undefined, `${path}[${i}]`, within),
    );
  if (!isObject(given)) return [];
  const known = knownProperties(given, path === '$' ? 'card' : within);
  const out = isObject(written) ? written : {};
  return Object.entries(given).flatMap(([key, value]) => {
    if (value === undefined || (HOST_EXTENSIONS[path] ?? []).includes(key)) return [];
    if ((TYPE_EXTENSIONS[String(given.type)] ?? []).includes(key)) return [];
    if (!(key in out) && !known.has(key))
      return [`UnknownProperty: "${key}" at ${path} (${String(given.type ?? within)}) is not in Adaptive Cards 1.5`];
    return droppedProperties(value, out[key], `${path}.${key}`, key);
  });
}

/** Objects without a type are known by the property that holds them. */
const UNTYPED: Record<string, () => AC.SerializableObject> = {
  card: () => new AC.AdaptiveCard(),
  refresh: () => new AC.RefreshDefinition(),
  facts: () => new AC.Fact(),
  choices: () => new AC.Choice(),
  columns: () => new AC.Column(),
};

/** Property names the library's schema has for this object, and the collections it reads itself. */
function knownProperties(o: Record<string, Json>, within: string | undefined): Set<string> {
  const type = typeof o.type === 'string' ? o.type : undefined;
  const registration = type
    ? (AC.GlobalRegistry.elements.findByName(type) ?? AC.GlobalRegistry.actions.findByName(type))
    : undefined;
  const object = registration
    ? new registration.objectType()
    : type === 'AdaptiveCard'
      ? new AC.AdaptiveCard()
      : UNTYPED[within ?? '']?.();
  if (!object) return new Set(Object.keys(o)); // the library reported an unknown type already
  const schema = object.getSchema();
  const names = new Set(['fallback']);
  for (let i = 0; i < schema.getCount(); i++) names.add(schema.getItemAt(i).name);
  return names;
}

function houseRules(card: Json): string[] {
  const problems: string[] = [];
  for (const o of walk(card)) {
    for (const [key, value] of Object.entries(o)) {
      if (typeof value === 'string' && value.includes('${'))
        problems.push(`"${key}" has an unbound template expression: ${value}`);
    }
    if (o.type === 'Input.ChoiceSet' && Array.isArray(o.choices)) {
      for (const c of o.choices)
        if (isObject(c) && typeof c.value === 'string' && c.value.includes(','))
          problems.push(`a choice value must not contain a comma: "${c.value}"`);
    }
    if (o.type === 'Input.ChoiceSet' && 'choices.data' in o) problems.push(...dataQueryProblems(o));
  }
  return problems;
}

/** A typeahead as Teams takes it (docs: Teams' "Typeahead search in Adaptive Cards"). */
function dataQueryProblems(o: Record<string, Json>): string[] {
  const query = o['choices.data'];
  const at = `Input.ChoiceSet "${String(o.id)}"`;
  const problems: string[] = [];
  if (!isObject(query) || query.type !== 'Data.Query') problems.push(`${at}: choices.data must be a Data.Query`);
  else {
    if (typeof query.dataset !== 'string' || query.dataset === '') problems.push(`${at}: a Data.Query needs a dataset`);
    const unknown = Object.keys(query).filter(
      (k) => !['type', 'dataset', 'associatedInputs', 'count', 'skip'].includes(k),
    );
    if (unknown.length) problems.push(`${at}: Data.Query has unknown ${unknown.join(', ')}`);
  }
  if (o.style !== 'filtered') problems.push(`${at}: a typeahead must be style "filtered"`);
  return problems;
}

/** Every object in the card, depth first (for the tests' searches). */
export function* walk(node: Json): Generator<Record<string, Json>> {
  if (Array.isArray(node)) for (const n of node) yield* walk(n);
  else if (isObject(node)) {
    yield node;
    for (const v of Object.values(node)) yield* walk(v);
  }
}

/** Actions of a type, found anywhere in the card; the refresh action is left out unless asked. */
export function actionsOf(card: Json, type: string, withRefresh = false): Record<string, Json>[] {
  const source = withRefresh || !isObject(card) ? card : { ...card, refresh: undefined };
  return [...walk(source)].filter((o) => o.type === type && !isFallback(source, o));
}

function isFallback(card: Json, action: Record<string, Json>): boolean {
  return [...walk(card)].some((o) => o.fallback === action);
}

export function textOf(card: Json): string {
  return JSON.stringify(card);
}
