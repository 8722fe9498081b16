/**
 * The datasets of the cards' typeahead inputs: an Input.ChoiceSet's `choices.data` (Teams'
 * Data.Query) names one, and Teams sends it back in the `application/search` invoke as the user
 * types. A dataset says which field is searched and for what: the raise form's "Raised with"
 * for a procedure, a stage card's "Hand over to" or 'agencies' field for a challenge. It is
 * only a name: whoever searches is checked against it by the bot (bot/typeahead.ts). Pure.
 */
import { z } from 'zod';
import { isChallengeId } from '../src/workflow/ids';

export type Dataset =
  | { kind: 'raisedWith'; procedureId: string }
  | { kind: 'handOver'; challengeId: string }
  | { kind: 'agencies'; challengeId: string };

export function datasetName(dataset: Dataset): string {
  return dataset.kind === 'raisedWith' ? `raisedWith:${dataset.procedureId}` : `${dataset.kind}:${dataset.challengeId}`;
}

const Name = z
  .string()
  .max(128)
  .regex(/^(raisedWith|handOver|agencies):[a-z0-9-]{1,64}$/);

/** The dataset a name stands for; undefined for anything the cards never wrote. */
export function parseDataset(name: unknown): Dataset | undefined {
  const parsed = Name.safeParse(name);
  if (!parsed.success) return undefined;
  const [kind, id] = parsed.data.split(':') as [Dataset['kind'], string];
  if (kind === 'raisedWith') return { kind, procedureId: id };
  return isChallengeId(id) ? { kind, challengeId: id } : undefined;
}
