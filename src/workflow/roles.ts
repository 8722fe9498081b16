/**
 * Who holds which role on a challenge, and how to say it in plain words. Pure.
 * A person's roles come from the challenge's participants only; the same person may hold
 * several (DUD-4: a third-sector safeguarding lead may also be the raiser).
 */
import type { OwnerRole, RoleName, Side } from '../procedures/schema';
import type { Challenge, Participants, PersonRef } from './types';

export function sideOf(role: OwnerRole): Side {
  return role.slice(0, role.indexOf('.')) as Side;
}

export function roleNameOf(role: OwnerRole): RoleName {
  return role.slice(role.indexOf('.') + 1) as RoleName;
}

/** The roles a person holds on this challenge, in the participants' order. */
export function rolesOf(challenge: Pick<Challenge, 'participants'>, personId: string): OwnerRole[] {
  return (Object.entries(challenge.participants) as [OwnerRole, PersonRef[] | undefined][])
    .filter(([, people]) => people?.some((p) => p.id === personId))
    .map(([role]) => role);
}

export function isOnChallenge(challenge: Pick<Challenge, 'participants'>, personId: string): boolean {
  return rolesOf(challenge, personId).length > 0;
}

/** True when the person holds at least one of the roles. */
export function holdsAny(
  challenge: Pick<Challenge, 'participants'>,
  personId: string,
  roles: readonly OwnerRole[],
): boolean {
  return rolesOf(challenge, personId).some((r) => roles.includes(r));
}

/** The people holding any of the roles, each once. */
export function peopleIn(participants: Participants, roles: readonly OwnerRole[]): PersonRef[] {
  const seen = new Set<string>();
  const people: PersonRef[] = [];
  for (const role of roles) {
    for (const person of participants[role] ?? []) {
      if (seen.has(person.id)) continue;
      seen.add(person.id);
      people.push(person);
    }
  }
  return people;
}

/** Reachable by the bot: not external and has the bot installed. */
export function isReachable(person: PersonRef): boolean {
  return person.reachable && !person.external;
}

const roleWords: Record<RoleName, [singular: string, plural: string]> = {
  practitioner: ['practitioner', 'practitioners'],
  lineManager: ['line manager', 'line managers'],
  safeguardingLead: ['safeguarding lead', 'safeguarding leads'],
  seniorManager: ['senior manager', 'senior managers'],
  serviceManager: ['service manager', 'service managers'],
  headOfService: ['head of service', 'heads of service'],
  director: ['director', 'directors'],
  businessUnit: ['business unit', 'business units'],
  executive: ['executive', 'executives'],
  coordinator: ['coordinator', 'coordinators'],
  boardRepresentative: ['board representative', 'board representatives'],
  serviceManagerOversight: ['oversight service manager', 'oversight service managers'],
};

/** One role in words: "the raiser", "the receiving agency's line manager", "the partnership business unit". */
export function describeRole(role: OwnerRole): string {
  const side = sideOf(role);
  const name = roleNameOf(role);
  const [singular] = roleWords[name];
  if (name === 'practitioner') {
    if (side === 'raising') return 'the raiser';
    if (side === 'receiving') return 'the professional the challenge is raised with';
  }
  if (side === 'partnership') return `the partnership ${singular}`;
  return `the ${side} agency's ${singular}`;
}

export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 2) return parts.join(' and ');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Owners in plain words: a role held on both sides of the disagreement is said once in the
 * plural ("the line managers and safeguarding leads"), the rest one by one.
 */
export function describeOwners(roles: readonly OwnerRole[]): string {
  const bothSides: string[] = [];
  const single: string[] = [];
  const names = [...new Set(roles.map(roleNameOf))];
  for (const name of names) {
    const sidesHeld = roles.filter((r) => roleNameOf(r) === name).map(sideOf);
    if (sidesHeld.includes('raising') && sidesHeld.includes('receiving')) {
      bothSides.push(roleWords[name][1]);
      if (sidesHeld.includes('partnership')) single.push(describeRole(`partnership.${name}`));
    } else {
      for (const side of sidesHeld) single.push(describeRole(`${side}.${name}`));
    }
  }
  const parts = bothSides.length > 0 ? [`the ${joinAnd(bothSides)}`, ...single] : single;
  return joinAnd(parts);
}

/** "you are the raiser", "you are not on this challenge": the second half of a refusal. */
export function describeActor(challenge: Pick<Challenge, 'participants'>, personId: string): string {
  const roles = rolesOf(challenge, personId);
  if (roles.length === 0) return 'you are not on this challenge';
  return `you are ${joinAnd(roles.map(describeRole))}`;
}

/** Everyone who holds a role on the challenge, once each, the raiser first. */
export function peopleOnChallenge(challenge: Challenge): PersonRef[] {
  const seen = new Map<string, PersonRef>();
  seen.set(challenge.raisedBy.id, challenge.raisedBy);
  for (const people of Object.values(challenge.participants)) {
    for (const p of people ?? []) if (!seen.has(p.id)) seen.set(p.id, p);
  }
  return [...seen.values()];
}
