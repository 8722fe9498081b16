/**
 * Whom a person field on a card may name, one rule per field, read by the typeahead search,
 * by the short list a card carries for clients without search, and by the check when the card
 * is submitted, so the three never differ:
 * - "Raised with" on the raise form: someone of the chosen procedure's partnership (COM-2: the
 *   case goes only to people of the partnership that runs it).
 * - "Hand over to" on a stage card: someone of the challenge's partnership or of the presser's
 *   own agency (LEE-7, COM-2).
 * Nobody who has left (retired by a re-import) is named. The presser is never offered: raising
 * with oneself means nothing, and handing over to oneself is the workflow's to refuse (LEE-7).
 *
 * The short list (the people a card carries: all a client without Data.Query can choose from,
 * and what Teams shows before anything is typed) is the most likely few, in name order within each kind: what the
 * person chose before; then for a hand-over their line manager, their agency's colleagues and
 * the people on the challenge; for a raise the other agencies' safeguarding leads, then their
 * people, then the raiser's own agency. Pure.
 */
import type { Person } from '../store';
import type { Challenge } from '../workflow/types';
import { peopleOnChallenge } from '../workflow/roles';
import type { DirectorySnapshot } from './directory-cache';
import { indexOf, MAX_RESULTS, pageOf, peopleIndex, search, typedText, type Indexed, type Page } from './people-search';

/**
 * How many people or agencies a card carries in its list: a page of search results, and the
 * whole list in a small partnership (a card's size limit is shared by everything on it).
 */
export const SHORT_LIST = MAX_RESULTS;

/** A person as a card's list offers them (cards/view-models/people.ts DirectoryPerson). */
export interface PersonChoice {
  id: string;
  name: string;
  role?: string;
  agency?: string;
}

export type PersonField = 'raisedWith' | 'handOver';

/** May `person` be named in this field by `presserId`? The one rule, for the search and the submit. */
export type Scope = (person: Person) => boolean;

export function scopeOf(
  directory: DirectorySnapshot,
  field: PersonField,
  procedureId: string,
  presserId: string,
): Scope {
  const presserAgency = directory.person(presserId)?.agencyId;
  const runsProcedure = (p: Person) => {
    const agency = directory.agency(p.agencyId);
    return directory.partnership(agency?.partnershipId ?? '')?.procedureId === procedureId;
  };
  return (p) =>
    p.retiredAt === undefined &&
    (runsProcedure(p) || (field === 'handOver' && presserAgency !== undefined && p.agencyId === presserAgency));
}

export function personChoice(directory: DirectorySnapshot, p: Person): PersonChoice {
  return { id: p.id, name: p.name, role: p.role, agency: directory.agency(p.agencyId)?.name };
}

/** The typeahead: people this field may name, matching what was typed, best first; the short list when nothing is. */
export function searchPeople(
  directory: DirectorySnapshot,
  field: PersonField,
  procedureId: string,
  presserId: string,
  query: string,
  page: Page = {},
  challenge?: Challenge,
): PersonChoice[] {
  if (typedText(query) === '') {
    const { skip, top } = pageOf(page);
    return shortListOf(directory, field, procedureId, presserId, { challenge, max: skip + top }).slice(skip);
  }
  const allowed = scopeOf(directory, field, procedureId, presserId);
  return search(peopleIndex(directory), query, page, (p) => p.id !== presserId && allowed(p)).map((p) =>
    personChoice(directory, p),
  );
}

/** The first `max` of `index` allowed, by rank (lower first), then in the index's name order. */
function shortList<T>(index: readonly Indexed<T>[], rank: (t: T) => number | undefined, max: number): T[] {
  const ranked: T[][] = [];
  for (const { item } of index) {
    const r = rank(item);
    if (r !== undefined) (ranked[r] ??= []).push(item);
  }
  return ranked.flat().slice(0, max);
}

/** What a person field's list carries: the likeliest people first; `kept` (values sent before) at the top. */
export function shortListOf(
  directory: DirectorySnapshot,
  field: PersonField,
  procedureId: string,
  presserId: string,
  options: { challenge?: Challenge; kept?: readonly string[]; max?: number } = {},
): PersonChoice[] {
  const allowed = scopeOf(directory, field, procedureId, presserId);
  const kept = new Set(options.kept ?? []);
  const presser = directory.person(presserId);
  const onChallenge = new Set(options.challenge ? peopleOnChallenge(options.challenge).map((p) => p.id) : []);
  const leads = new Set(
    field === 'raisedWith'
      ? directory.ofProcedure(procedureId).agencies.flatMap((a) => a.safeguardingLeadIds ?? [])
      : [],
  );
  const rank = (p: Person): number | undefined => {
    if (p.id === presserId || !allowed(p)) return undefined;
    if (kept.has(p.id)) return 0;
    // A challenge is raised with another agency: its safeguarding leads first, one's own agency last.
    if (field === 'raisedWith') return p.agencyId === presser?.agencyId ? 3 : leads.has(p.id) ? 1 : 2;
    if (p.id === presser?.lineManagerId) return 1;
    if (p.agencyId === presser?.agencyId) return 2;
    return onChallenge.has(p.id) ? 3 : 4;
  };
  return shortList(peopleIndex(directory), rank, options.max ?? SHORT_LIST).map((p) => personChoice(directory, p));
}

/** The agency names an 'agencies' field of the procedure's forms offers (several partnerships may run one procedure). */
export function agencyNames(directory: DirectorySnapshot, procedureId: string): string[] {
  return [...new Set(directory.ofProcedure(procedureId).agencies.map((a) => a.name))];
}

/** By the snapshot's list of the procedure's agencies, which stays the same object while the snapshot lives. */
const agencyIndexes = new WeakMap<object, Indexed<string>[]>();
function agencyIndex(directory: DirectorySnapshot, procedureId: string): readonly Indexed<string>[] {
  const key = directory.ofProcedure(procedureId).agencies;
  let index = agencyIndexes.get(key);
  if (!index) {
    index = indexOf(
      agencyNames(directory, procedureId),
      (n) => n,
      () => [],
      (n) => n,
    );
    agencyIndexes.set(key, index);
  }
  return index;
}

/** The typeahead of an 'agencies' field: the procedure's agencies whose name matches. */
export function searchAgencies(
  directory: DirectorySnapshot,
  procedureId: string,
  query: string,
  page?: Page,
): string[] {
  return search(agencyIndex(directory, procedureId), query, page);
}

/** What an 'agencies' field's list carries: `kept` first (as names or their slugs), then the challenge's own agencies. */
export function agencyShortList(
  directory: DirectorySnapshot,
  procedureId: string,
  options: { challenge?: Challenge; kept?: (name: string) => boolean; max?: number } = {},
): string[] {
  const own = new Set(
    options.challenge
      ? peopleOnChallenge(options.challenge).flatMap((p) => (p.agency ? [p.agency] : []))
      : ([] as string[]),
  );
  const rank = (name: string) => (options.kept?.(name) ? 0 : own.has(name) ? 1 : 2);
  return shortList(agencyIndex(directory, procedureId), rank, options.max ?? SHORT_LIST);
}
