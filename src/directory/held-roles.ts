/**
 * What a person still holds on a challenge: the roles (raiser, raised with, stage owner...)
 * that would need handing over if they left. Pure: it reads the snapshot only.
 */
import { rowsFor } from '../store/person-index';
import type { Challenge } from '../workflow/types';

/** The roles `personId` holds on an open or paused challenge; none on a resolved one. */
export function heldRoles(challenge: Challenge, personId: string): string[] {
  if (challenge.status === 'resolved') return [];
  return rowsFor(challenge).find((row) => row.personId === personId)?.roles ?? [];
}

/** A challenge a person who left still holds a part in: the business unit hands it over. */
export interface HandOverNeed {
  challengeId: string;
  /** The agency's case reference: the only name a case has outside the challenge (COM-2). */
  caseReference: string;
  procedureId: string;
  personId: string;
  personName: string;
  roles: string[];
}

/** The hand-overs a leaver's challenges need, in the order given; challenges they hold nothing on are left out. */
export function handOversNeeded(
  person: { id: string; name: string },
  challenges: readonly Challenge[],
): HandOverNeed[] {
  return challenges.flatMap((c) => {
    const roles = heldRoles(c, person.id);
    return roles.length === 0
      ? []
      : [
          {
            challengeId: c.id,
            caseReference: c.caseReference,
            procedureId: c.procedureId,
            personId: person.id,
            personName: person.name,
            roles,
          },
        ];
  });
}
