/**
 * Typeahead search over the directory: what a person types into a card's person or agency
 * field, matched against names, roles and agencies, ignoring case and accents. Every word
 * typed must begin a word of the entry ("gra liu", "social work leeds"); entries whose name
 * begins with the whole text come first, then those whose name has every word, then those
 * matched through their role or agency; within each, in name order, then by id. At most 15.
 *
 * Linear in what it is given: the text typed is cut to a bounded length and number of words
 * before anything reads it, and is compared with `startsWith` only (no regular expression
 * built from it), so hostile text costs no more than ordinary text. The normalised names of a
 * directory snapshot are worked out once per snapshot (snapshots are immutable). Pure.
 */
import type { Person } from '../store';
import type { DirectorySnapshot } from './directory-cache';

/** Teams shows at most 15 typeahead results. */
export const MAX_RESULTS = 15;
/** What is read of the text typed: longer text is cut, not refused. */
const MAX_QUERY_CHARS = 100;
const MAX_QUERY_WORDS = 8;

export interface Page {
  skip?: number;
  top?: number;
}

/** Letters NFKD leaves whole that an English keyboard types otherwise. */
const FOLDED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const FOLDABLE = /[ßæœøłđðþı]/g;

/**
 * Text as it is compared: lower case, accents dropped, apostrophes dropped (O'Brien is
 * obrien), every other run of non-letters and non-digits one space. Each pattern reads one
 * character class, so it is linear.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLDED[c] ?? c)
    .replace(/['’ʼ`]+/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const wordsOf = (normalised: string): string[] => (normalised ? normalised.split(' ') : []);

/** An entry of a search: the thing found, its name and its other words, normalised. */
export interface Indexed<T> {
  item: T;
  name: string;
  nameWords: readonly string[];
  /** The words of its name and of its details (role, agency). */
  words: readonly string[];
}

/** Entries in the order results are given: by normalised name, then by `key`. */
export function indexOf<T>(
  items: readonly T[],
  name: (t: T) => string,
  details: (t: T) => readonly (string | undefined)[],
  key: (t: T) => string,
): Indexed<T>[] {
  return items
    .map((item) => {
      const n = normalise(name(item));
      const nameWords = wordsOf(n);
      const other = details(item).flatMap((d) => (d ? wordsOf(normalise(d)) : []));
      return { item, name: n, nameWords, words: [...nameWords, ...other], key: key(item) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key: _key, ...entry }) => entry);
}

const everyWordBegins = (typed: readonly string[], words: readonly string[]) =>
  typed.every((t) => words.some((w) => w.startsWith(t)));

/** The page asked for, within bounds: never more than MAX_RESULTS, at least one. */
export function pageOf(page: Page): { skip: number; top: number } {
  const whole = (n: number | undefined, fallback: number) => (Number.isFinite(n) ? Math.floor(n!) : fallback);
  return {
    skip: Math.max(0, whole(page.skip, 0)),
    top: Math.min(MAX_RESULTS, Math.max(1, whole(page.top, MAX_RESULTS))),
  };
}

/** The text typed as it is matched: '' when nothing that can match was typed. */
export const typedText = (query: string): string => normalise(query.slice(0, MAX_QUERY_CHARS));

/** The entries matching `query`, best first, the page asked for (at most MAX_RESULTS). */
export function search<T>(
  index: readonly Indexed<T>[],
  query: string,
  page: Page = {},
  allowed: (item: T) => boolean = () => true,
): T[] {
  const typed = wordsOf(typedText(query)).slice(0, MAX_QUERY_WORDS);
  const prefix = typed.join(' ');
  const { skip, top } = pageOf(page);
  const wanted = skip + top;
  const tiers: T[][] = [[], [], []];
  for (const entry of index) {
    // The index is in name order: once the first tier is full, nothing later can come before it.
    if (tiers[0]!.length >= wanted) break;
    const tier = entry.name.startsWith(prefix)
      ? 0
      : everyWordBegins(typed, entry.nameWords)
        ? 1
        : everyWordBegins(typed, entry.words)
          ? 2
          : -1;
    if (tier >= 0 && allowed(entry.item)) tiers[tier]!.push(entry.item);
  }
  return tiers.flat().slice(skip, wanted);
}

const peopleIndexes = new WeakMap<DirectorySnapshot, Indexed<Person>[]>();

/** Everyone in the snapshot, indexed by name, role and agency: worked out once per snapshot. */
export function peopleIndex(directory: DirectorySnapshot): readonly Indexed<Person>[] {
  let index = peopleIndexes.get(directory);
  if (!index) {
    index = indexOf(
      directory.people,
      (p) => p.name,
      (p) => [p.role, directory.agency(p.agencyId)?.name],
      (p) => p.id,
    );
    peopleIndexes.set(directory, index);
  }
  return index;
}
