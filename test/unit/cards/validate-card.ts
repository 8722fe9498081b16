/**
 * A structural validator for Adaptive Cards 1.5, written from the published 1.5 schema
 * (adaptive-card.json, schemas/1.5.0) for the elements our cards use: no copy of the official
 * schema ships in node_modules. It checks element and action type names, required properties,
 * that no property outside the schema's list is present (the schema's additionalProperties:
 * false), enum values, value types, the root version, Action.Execute's verb, and that input
 * ids are unique across the card and its ShowCards (Teams mobile fails on duplicates).
 */
type Json = unknown;

const ANY = new Set(['fallback', 'height', 'separator', 'spacing', 'id', 'isVisible', 'requires']);
const INPUT = new Set([...ANY, 'id', 'errorMessage', 'isRequired', 'label']);
const ACTION = new Set([
  'type',
  'title',
  'iconUrl',
  'id',
  'style',
  'fallback',
  'tooltip',
  'isEnabled',
  'mode',
  'requires',
]);

const ELEMENTS: Record<string, { props: string[]; required: string[]; base: Set<string> }> = {
  TextBlock: {
    props: [
      'text',
      'color',
      'fontType',
      'horizontalAlignment',
      'isSubtle',
      'maxLines',
      'size',
      'weight',
      'wrap',
      'style',
    ],
    required: ['text'],
    base: ANY,
  },
  Container: {
    props: [
      'items',
      'selectAction',
      'style',
      'verticalContentAlignment',
      'bleed',
      'backgroundImage',
      'minHeight',
      'rtl',
    ],
    required: ['items'],
    base: ANY,
  },
  ColumnSet: {
    props: ['columns', 'selectAction', 'style', 'bleed', 'minHeight', 'horizontalAlignment'],
    required: [],
    base: ANY,
  },
  FactSet: { props: ['facts'], required: ['facts'], base: ANY },
  ActionSet: { props: ['actions'], required: ['actions'], base: ANY },
  Image: {
    props: ['url', 'altText', 'backgroundColor', 'horizontalAlignment', 'selectAction', 'size', 'style', 'width'],
    required: ['url'],
    base: ANY,
  },
  'Input.Text': {
    props: ['isMultiline', 'maxLength', 'placeholder', 'regex', 'style', 'inlineAction', 'value'],
    required: ['id'],
    base: INPUT,
  },
  'Input.Date': { props: ['max', 'min', 'placeholder', 'value'], required: ['id'], base: INPUT },
  'Input.Toggle': { props: ['title', 'value', 'valueOff', 'valueOn', 'wrap'], required: ['id', 'title'], base: INPUT },
  'Input.ChoiceSet': {
    props: ['choices', 'isMultiSelect', 'style', 'value', 'placeholder', 'wrap'],
    required: ['id'],
    base: INPUT,
  },
};
const COLUMN = new Set([
  'type',
  'items',
  'backgroundImage',
  'bleed',
  'fallback',
  'minHeight',
  'rtl',
  'separator',
  'spacing',
  'selectAction',
  'style',
  'verticalContentAlignment',
  'width',
  'id',
  'isVisible',
  'requires',
]);
const ACTIONS: Record<string, { props: string[]; required: string[] }> = {
  'Action.Execute': { props: ['verb', 'data', 'associatedInputs'], required: ['verb'] },
  'Action.Submit': { props: ['data', 'associatedInputs'], required: [] },
  'Action.ShowCard': { props: ['card'], required: ['card'] },
  'Action.OpenUrl': { props: ['url'], required: ['url'] },
  'Action.ToggleVisibility': { props: ['targetElements'], required: ['targetElements'] },
};
const CARD = new Set([
  'type',
  'version',
  'refresh',
  'authentication',
  'body',
  'actions',
  'selectAction',
  'fallbackText',
  'backgroundImage',
  'minHeight',
  'rtl',
  'speak',
  'lang',
  'verticalContentAlignment',
  '$schema',
]);

const ENUMS: Record<string, string[]> = {
  color: ['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention'],
  containerStyle: ['default', 'emphasis', 'good', 'attention', 'warning', 'accent'],
  size: ['default', 'small', 'medium', 'large', 'extraLarge'],
  weight: ['default', 'lighter', 'bolder'],
  spacing: ['default', 'none', 'small', 'medium', 'large', 'extraLarge', 'padding'],
  textBlockStyle: ['default', 'heading'],
  actionStyle: ['default', 'positive', 'destructive'],
  choiceStyle: ['compact', 'expanded', 'filtered'],
  textInputStyle: ['text', 'tel', 'url', 'email', 'password'],
  verticalContentAlignment: ['top', 'center', 'bottom'],
  horizontalAlignment: ['left', 'center', 'right'],
  mode: ['primary', 'secondary'],
};
const BOOLEANS = [
  'wrap',
  'isSubtle',
  'separator',
  'isMultiline',
  'isMultiSelect',
  'isVisible',
  'isRequired',
  'bleed',
  'isEnabled',
];
const STRINGS = ['text', 'title', 'label', 'placeholder', 'id', 'value', 'errorMessage', 'verb', 'url', 'tooltip'];

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly problems: string[] = [];
  readonly inputIds = new Map<string, string>();

  fail(path: string, message: string) {
    this.problems.push(`${path}: ${message}`);
  }

  props(path: string, o: Record<string, Json>, allowed: Set<string>, required: readonly string[]) {
    for (const k of Object.keys(o))
      if (!allowed.has(k)) this.fail(path, `property "${k}" is not allowed on ${String(o.type)}`);
    for (const k of required) if (o[k] === undefined) this.fail(path, `"${k}" is required on ${String(o.type)}`);
    for (const k of BOOLEANS)
      if (o[k] !== undefined && typeof o[k] !== 'boolean') this.fail(path, `"${k}" must be a boolean`);
    for (const k of STRINGS)
      if (o[k] !== undefined && typeof o[k] !== 'string') this.fail(path, `"${k}" must be a string`);
    for (const k of Object.keys(o)) {
      if (typeof o[k] === 'string' && (o[k] as string).includes('${'))
        this.fail(path, `"${k}" has an unbound template expression`);
    }
  }

  oneOf(path: string, value: Json, name: keyof typeof ENUMS) {
    if (value === undefined) return;
    if (typeof value !== 'string' || !ENUMS[name]?.includes(value))
      this.fail(path, `"${String(value)}" is not a valid ${name}`);
  }

  card(path: string, card: Json, root: boolean) {
    if (!isObject(card)) return this.fail(path, 'a card must be an object');
    this.props(path, card, CARD, root ? ['type', 'version'] : ['type']);
    if (card.type !== 'AdaptiveCard') this.fail(path, 'type must be AdaptiveCard');
    if (root && card.version !== '1.5') this.fail(path, `version must be "1.5", not ${String(card.version)}`);
    if (card.body !== undefined) this.elements(`${path}.body`, card.body);
    if (card.actions !== undefined) this.actions(`${path}.actions`, card.actions);
    if (card.refresh !== undefined) this.refresh(`${path}.refresh`, card.refresh);
  }

  refresh(path: string, r: Json) {
    if (!isObject(r)) return this.fail(path, 'refresh must be an object');
    for (const k of Object.keys(r))
      if (!['type', 'action', 'userIds'].includes(k)) this.fail(path, `property "${k}" is not allowed on Refresh`);
    if (!isObject(r.action) || r.action.type !== 'Action.Execute')
      this.fail(path, 'refresh.action must be an Action.Execute');
    else this.action(`${path}.action`, r.action);
    if (r.userIds !== undefined && (!Array.isArray(r.userIds) || r.userIds.some((u) => typeof u !== 'string'))) {
      this.fail(path, 'userIds must be an array of strings');
    }
  }

  elements(path: string, list: Json) {
    if (!Array.isArray(list)) return this.fail(path, 'must be an array');
    list.forEach((e, i) => this.element(`${path}[${i}]`, e));
  }

  element(path: string, e: Json) {
    if (!isObject(e)) return this.fail(path, 'an element must be an object');
    const spec = ELEMENTS[String(e.type)];
    if (!spec) return this.fail(path, `unknown element type "${String(e.type)}"`);
    this.props(path, e, new Set(['type', ...spec.base, ...spec.props]), spec.required);
    this.oneOf(path, e.spacing, 'spacing');
    this.oneOf(path, e.color, 'color');
    this.oneOf(path, e.size, 'size');
    this.oneOf(path, e.weight, 'weight');
    this.oneOf(path, e.verticalContentAlignment, 'verticalContentAlignment');
    this.oneOf(path, e.horizontalAlignment, 'horizontalAlignment');
    switch (e.type) {
      case 'TextBlock':
        return this.oneOf(path, e.style, 'textBlockStyle');
      case 'Container':
        this.oneOf(path, e.style, 'containerStyle');
        return this.elements(`${path}.items`, e.items);
      case 'ColumnSet':
        if (!Array.isArray(e.columns)) return this.fail(path, 'columns must be an array');
        return e.columns.forEach((c, i) => this.column(`${path}.columns[${i}]`, c));
      case 'FactSet':
        if (!Array.isArray(e.facts)) return this.fail(path, 'facts must be an array');
        return e.facts.forEach((f, i) => this.pair(`${path}.facts[${i}]`, f, 'Fact'));
      case 'ActionSet':
        return this.actions(`${path}.actions`, e.actions);
      case 'Input.ChoiceSet':
        this.oneOf(path, e.style, 'choiceStyle');
        if (!Array.isArray(e.choices)) return this.fail(path, 'choices must be an array');
        e.choices.forEach((c, i) => this.pair(`${path}.choices[${i}]`, c, 'Input.Choice'));
        return this.input(path, e);
      case 'Input.Text':
        this.oneOf(path, e.style, 'textInputStyle');
        return this.input(path, e);
      case 'Input.Date':
      case 'Input.Toggle':
        return this.input(path, e);
    }
  }

  input(path: string, e: Record<string, Json>) {
    const id = String(e.id);
    const seen = this.inputIds.get(id);
    if (seen) this.fail(path, `input id "${id}" is also used at ${seen}`);
    else this.inputIds.set(id, path);
  }

  column(path: string, c: Json) {
    if (!isObject(c)) return this.fail(path, 'a column must be an object');
    this.props(path, { type: 'Column', ...c }, COLUMN, []);
    if (c.type !== undefined && c.type !== 'Column') this.fail(path, 'type must be Column');
    this.oneOf(path, c.verticalContentAlignment, 'verticalContentAlignment');
    if (c.items !== undefined) this.elements(`${path}.items`, c.items);
  }

  pair(path: string, p: Json, type: string) {
    if (!isObject(p)) return this.fail(path, `a ${type} must be an object`);
    for (const k of Object.keys(p))
      if (!['type', 'title', 'value'].includes(k)) this.fail(path, `property "${k}" is not allowed on ${type}`);
    if (typeof p.title !== 'string' || typeof p.value !== 'string')
      this.fail(path, `${type} needs string title and value`);
    if (typeof p.value === 'string' && type === 'Input.Choice' && p.value.includes(','))
      this.fail(path, 'a choice value must not contain a comma');
    if ([p.title, p.value].some((s) => typeof s === 'string' && s.includes('${')))
      this.fail(path, 'unbound template expression');
  }

  actions(path: string, list: Json) {
    if (!Array.isArray(list)) return this.fail(path, 'must be an array');
    list.forEach((a, i) => this.action(`${path}[${i}]`, a));
  }

  action(path: string, a: Json) {
    if (!isObject(a)) return this.fail(path, 'an action must be an object');
    const spec = ACTIONS[String(a.type)];
    if (!spec) return this.fail(path, `unknown action type "${String(a.type)}"`);
    this.props(path, a, new Set([...ACTION, ...spec.props]), spec.required);
    this.oneOf(path, a.style, 'actionStyle');
    this.oneOf(path, a.mode, 'mode');
    if (a.data !== undefined && typeof a.data !== 'string' && !isObject(a.data))
      this.fail(path, 'data must be a string or an object');
    if (a.fallback !== undefined && a.fallback !== 'drop') {
      if (!isObject(a.fallback) || !ACTIONS[String(a.fallback.type)])
        this.fail(path, 'fallback must be an action or "drop"');
      else this.action(`${path}.fallback`, a.fallback);
    }
    if (a.type === 'Action.ShowCard') this.card(`${path}.card`, a.card, false);
    if (a.type === 'Action.ToggleVisibility' && !Array.isArray(a.targetElements))
      this.fail(path, 'targetElements must be an array');
  }
}

/** The problems found, each with its JSON path; empty when the card is valid. */
export function validateCard(card: Json): string[] {
  const checker = new Checker();
  checker.card('$', card, true);
  return checker.problems;
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
