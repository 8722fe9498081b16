/**
 * Who is on a challenge, read from its participants. Pure helpers over plain data.
 */
import type { OwnerRole } from '../../src/procedures/schema';
import type { Challenge, PersonRef } from '../../src/workflow/types';
import { roleInWords } from './wording';

/** A person as a directory picker offers them (Input.ChoiceSet). */
export interface DirectoryPerson {
  id: string;
  name: string;
  role?: string;
  agency?: string;
}

/** Teams runs a card's refresh automatically for at most 60 users. */
export const MAX_REFRESH_USERS = 60;

export { peopleOnChallenge } from '../../src/workflow/roles';

/** 'Jane Smith (Head of Service, Leeds City Council)'. */
export function personInWords(p: Pick<PersonRef, 'name' | 'role' | 'agency'>): string {
  const detail = [p.role, p.agency].filter((s): s is string => Boolean(s)).join(', ');
  return detail ? `${p.name} (${detail})` : p.name;
}

export interface OwnerLine {
  role: string;
  people: string;
}

/** The owners of a stage in plain words, one line per role, with the names of who holds it. */
export function ownerLines(challenge: Challenge, owners: readonly OwnerRole[]): OwnerLine[] {
  return owners.map((role) => {
    const people = challenge.participants[role] ?? [];
    return {
      role: capitalise(roleInWords(role)),
      people: people.length ? people.map(personInWords).join('; ') : 'not yet known',
    };
  });
}

/** One sentence: "the raiser's line manager (Jane Smith) and the receiving agency's line manager (Tom Brown)". */
export function ownersSentence(challenge: Challenge, owners: readonly OwnerRole[]): string {
  const parts = owners.map((role) => {
    const names = (challenge.participants[role] ?? []).map((p) => p.name);
    const words = roleInWords(role);
    return names.length ? `${words} (${names.join(', ')})` : words;
  });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Choices for a directory picker: 'Jane Smith (Head of Service, Leeds City Council)'. */
export function personChoices(people: readonly DirectoryPerson[]): { title: string; value: string }[] {
  return people.map((p) => ({ title: personInWords(p), value: p.id }));
}
