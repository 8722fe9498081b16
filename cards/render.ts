/**
 * The one place a card is made: a JSON template (cards/templates, Adaptive Cards 1.5, editable
 * in the Designer) expanded with the data its view model computed, its display text then shown
 * as text (plain-text.ts). Templates are imported, so nothing is read from disk at run time. Pure.
 */
import * as ACData from 'adaptivecards-templating';
import { INPUT_LIMITS } from './limits';
import { plainText } from './plain-text';
import digest from './templates/digest.json';
import feedback from './templates/feedback.json';
import help from './templates/help.json';
import minimalCard from './templates/minimal-card.json';
import myChallenges from './templates/my-challenges.json';
import notice from './templates/notice.json';
import raiseForm from './templates/raise-form.json';
import reminder from './templates/reminder.json';
import stageCard from './templates/stage-card.json';
import stageForm from './templates/stage-form.json';
import threadEvent from './templates/thread-event.json';
import threadRoot from './templates/thread-root.json';

export const templates = {
  'raise-form': raiseForm,
  'stage-card': stageCard,
  'minimal-card': minimalCard,
  'thread-root': threadRoot,
  'thread-event': threadEvent,
  feedback,
  reminder,
  digest,
  'my-challenges': myChallenges,
  help,
  notice,
} as const;
export type TemplateName = keyof typeof templates;

/** An Adaptive Card ready to attach (contentType application/vnd.microsoft.card.adaptive). */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body?: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

/**
 * Parts one template uses several times, each a template file of its own, written in the
 * template as {"$part": "<name>"} (a stage card's sub-form is the same whether it opens from a
 * primary button, from "More actions" or comes back inline). Put in place when parsed.
 */
const parts: Record<string, object> = { 'stage-form': stageForm };
function withParts(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withParts);
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  if (typeof o.$part === 'string') {
    const { $part: name, ...around } = o;
    const part = parts[name];
    if (!part) throw new Error(`no card part "${name}"`);
    return withParts({ ...structuredClone(part), ...around });
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, withParts(v)]));
}

/** Templates parsed once; expanding one does not change it. */
const parsed = new Map<TemplateName, ACData.Template>();

export function renderCard(templateName: TemplateName, data: object): AdaptiveCard {
  let template = parsed.get(templateName);
  if (!template) parsed.set(templateName, (template = new ACData.Template(withParts(templates[templateName]))));
  // Every template sees `limits`: its inputs' maxLength is the parser's bound (cards/limits.ts).
  return asText(template.expand({ $root: { ...data, limits: INPUT_LIMITS } })) as AdaptiveCard;
}
/**
 * Every text a client reads as markdown (TextBlock and TextRun text, fact titles and values)
 * neutralised in place; input values, labels and choice titles are not markdown and stay as
 * they are, so a kept input comes back exactly as typed.
 */
function asText(node: unknown): unknown {
  if (Array.isArray(node)) node.forEach(asText);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string') o.text = plainText(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts)) {
      for (const fact of o.facts as Record<string, unknown>[]) {
        if (typeof fact.title === 'string') fact.title = plainText(fact.title);
        if (typeof fact.value === 'string') fact.value = plainText(fact.value);
      }
    }
    for (const value of Object.values(o)) if (typeof value === 'object') asText(value);
  }
  return node;
}
