/**
 * The lists a card carries in its person and agency inputs, from the directory snapshot
 * (src/directory/people-scope.ts says whom, and in which order). When the field may name more
 * than a short list, the input is also a typeahead (Data.Query) the bot answers, and the short
 * list is what is shown before anything is typed and all a client without Data.Query offers;
 * otherwise the card carries everyone and nothing needs searching. A value the person sent
 * before stays in the list, so a form that comes back shows it chosen. Pure.
 */
import type { DirectorySnapshot } from '../src/directory/directory-cache';
import { agencyNames, agencyShortList, SHORT_LIST, shortListOf, type PersonField } from '../src/directory/people-scope';
import type { Procedure } from '../src/procedures/schema';
import type { Challenge } from '../src/workflow/types';
import { choiceValue } from './choice-value';
import type { DirectoryPerson } from './view-models/people';

/** Every value a press sent, item by item (a multi-select's joined string split): what its lists keep. */
export function sentValues(values: Readonly<Record<string, unknown>> | undefined): string[] {
  return Object.values(values ?? {}).flatMap((v) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? v.split(',') : [],
  );
}

/** A person field's list, and whether the field may name more than it (then it is a typeahead). */
export interface PeoplePicker {
  people: DirectoryPerson[];
  morePeople: boolean;
}

function peoplePicker(
  directory: DirectorySnapshot,
  field: PersonField,
  procedureId: string,
  presserId: string,
  options: { challenge?: Challenge; kept?: readonly string[] },
): PeoplePicker {
  const list = shortListOf(directory, field, procedureId, presserId, { ...options, max: SHORT_LIST + 1 });
  return { people: list.slice(0, SHORT_LIST), morePeople: list.length > SHORT_LIST };
}

/** "Raised with" on the raise form: the procedure's partnership, the raiser left out. */
export function raisePickers(
  directory: DirectorySnapshot,
  procedureId: string,
  raiserId: string,
  values?: Readonly<Record<string, unknown>>,
): PeoplePicker {
  return peoplePicker(directory, 'raisedWith', procedureId, raiserId, { kept: sentValues(values) });
}

/** One person's stage card: "Hand over to", and the names of the forms' 'agencies' fields. */
export function stagePickers(
  directory: DirectorySnapshot,
  procedure: Procedure,
  challenge: Challenge,
  personId: string,
  values?: Readonly<Record<string, unknown>>,
): PeoplePicker & { agencies: string[]; moreAgencies: boolean } {
  // What the stage's outcome holds already is shown chosen on its form, as what a press sent.
  const outcome = challenge.stages.filter((s) => s.stageId === challenge.stageId).at(-1)?.outcome;
  const sent = sentValues({ ...outcome, ...values });
  const kept = new Set(sent.map(choiceValue));
  // All of a small partnership's agencies, in name order (checkboxes); a short list of a large one's.
  const moreAgencies = agencyNames(directory, procedure.id).length > SHORT_LIST;
  return {
    ...peoplePicker(directory, 'handOver', procedure.id, personId, { challenge, kept: sent }),
    agencies: moreAgencies
      ? agencyShortList(directory, procedure.id, { challenge, kept: (name) => kept.has(choiceValue(name)) })
      : agencyShortList(directory, procedure.id),
    moreAgencies,
  };
}
