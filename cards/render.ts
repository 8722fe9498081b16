/**
 * The one place a card is made: a JSON template (cards/templates, Adaptive Cards 1.5, editable
 * in the Designer) expanded with the data its view model computed. Templates are imported, so
 * nothing is read from disk at run time. Pure.
 */
import * as ACData from 'adaptivecards-templating';
import { INPUT_LIMITS } from './limits';
import digest from './templates/digest.json';
import feedback from './templates/feedback.json';
import help from './templates/help.json';
import minimalCard from './templates/minimal-card.json';
import myChallenges from './templates/my-challenges.json';
import notice from './templates/notice.json';
import raiseForm from './templates/raise-form.json';
import reminder from './templates/reminder.json';
import stageCard from './templates/stage-card.json';
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

/** Every template sees `limits`: its inputs' maxLength is the parser's bound (cards/limits.ts). */
export function renderCard(templateName: TemplateName, data: object): AdaptiveCard {
  const template = new ACData.Template(templates[templateName]);
  return template.expand({ $root: { ...data, limits: INPUT_LIMITS } }) as AdaptiveCard;
}
