/**
 * The card a press is answered with, from what the turn came to: the presser's own card with
 * a notice in its tone (done, refused, a problem), or a notice card where there is no
 * challenge to show. The same result always draws the same card.
 */
import type { AdaptiveCard } from '../../cards/render';
import { confirmationOf } from '../../cards/view-models/confirmation';
import { isCommandVerb } from '../../cards/verbs';
import type { TurnResult } from '../../src/turn';
import type { ActionContext } from './context';

/** The notice over a sub-form that came back with errors beside its fields. */
export const FIELDS_PROBLEM = 'Nothing was saved: please check the fields marked below.';

export const NOT_SAVED =
  'Nothing was saved: the challenge store did not answer in time. Please try again in a minute; pressing again will not do it twice.';

export async function answerCard(
  ctx: ActionContext,
  result: TurnResult,
  options: { seenVersion?: number; verb?: string } = {},
): Promise<AdaptiveCard> {
  const { views } = ctx.services;
  switch (result.kind) {
    case 'done':
      return views.personCard(result.procedure, result.challenge, ctx.personId, {
        notice: {
          tone: 'done',
          text: confirmationOf({
            procedure: result.procedure,
            after: result.challenge,
            events: result.events,
            effects: result.effects,
            viewerId: ctx.personId,
          }),
        },
      });
    case 'unchanged':
      return views.personCard(result.procedure, result.challenge, ctx.personId);
    case 'invalid': {
      // Field errors go beside their fields, in the sub-form that was pressed, the input kept.
      const verb = options.verb;
      if (isCommandVerb(verb)) {
        return views.personCard(result.procedure, result.challenge, ctx.personId, {
          notice: { tone: 'problem', text: FIELDS_PROBLEM },
          formErrors: { verb, errors: result.fieldErrors, values: ctx.raw },
        });
      }
      return views.personCard(result.procedure, result.challenge, ctx.personId, {
        notice: { tone: 'problem', text: Object.values(result.fieldErrors).join(' ') },
      });
    }
    case 'refused':
      if (!result.procedure || !result.challenge) {
        return views.notice({ title: 'That did not work', text: result.refusal.reason, tone: 'warning' });
      }
      return views.personCard(result.procedure, result.challenge, ctx.personId, {
        // A press the workflow finds out of bounds is a problem to mend, not a refusal of who or when.
        notice: { tone: result.refusal.code === 'invalid' ? 'problem' : 'refused', text: result.refusal.reason },
        ...(result.refusal.code === 'stale' && options.seenVersion !== undefined
          ? { seenVersion: options.seenVersion }
          : {}),
      });
    case 'notFound':
      return views.notice({
        title: 'Challenge not found',
        text: 'This challenge could not be found. It may have been raised in another partnership.',
        tone: 'warning',
      });
    case 'unavailable':
      return views.notice({ title: 'Not saved', text: NOT_SAVED, tone: 'attention' });
  }
}
