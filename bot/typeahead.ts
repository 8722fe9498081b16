/**
 * The cards' typeahead searches: Teams sends `application/search` as a person types into an
 * input whose `choices.data` names a dataset (cards/datasets.ts), and shows what this answers.
 * Whom each field may name is one rule (src/directory/people-scope.ts), the same the submit
 * checks, so what is found is what the form accepts. A search anyone may not make, or one that
 * is not well formed, finds nothing, as a search with no match does: it tells no one that a
 * challenge exists (COM-2). Reads the directory from its cache and, for a challenge's fields,
 * the challenge (one point read).
 */
import { parseDataset } from '../cards/datasets';
import { agencyChoices } from '../cards/view-models/form-fields';
import { personChoices } from '../cards/view-models/people';
import { searchAgencies, searchPeople } from '../src/directory/people-scope';
import { peopleOnChallenge } from '../src/workflow/roles';
import { SearchInvoke } from './activity-envelope';
import type { Services } from './services';

export interface SearchResult {
  title: string;
  value: string;
}

export async function typeaheadResults(services: Services, personId: string, value: unknown): Promise<SearchResult[]> {
  const invoke = SearchInvoke.safeParse(value);
  const dataset = invoke.success ? parseDataset(invoke.data.dataset) : undefined;
  if (!invoke.success || !dataset) return [];
  const query = invoke.data.queryText ?? '';
  const page = invoke.data.queryOptions ?? {};
  const directory = await services.directory.snapshot();

  if (dataset.kind === 'raisedWith') {
    // The raise form is for people the directory knows (raise.ts tells anyone else so).
    const searcher = directory.person(personId);
    const known = services.procedures.some((p) => p.id === dataset.procedureId);
    if (!searcher || searcher.retiredAt !== undefined || !known) return [];
    return personChoices(searchPeople(directory, 'raisedWith', dataset.procedureId, personId, query, page));
  }
  const loaded = await services.stores.challenges.load(dataset.challengeId);
  if (!loaded || !peopleOnChallenge(loaded.challenge).some((p) => p.id === personId)) return [];
  const { challenge } = loaded;
  return dataset.kind === 'handOver'
    ? personChoices(searchPeople(directory, 'handOver', challenge.procedureId, personId, query, page, challenge))
    : agencyChoices(searchAgencies(directory, challenge.procedureId, query, page));
}
