/**
 * Who holds which role on a new challenge, worked out from the directory: the raiser and
 * the person it is raised with, their line managers, their agencies' leads and managers,
 * and the partnership's own people. Pure: it is given the directory rows it needs.
 */
import type { OwnerRole, Procedure, RoleName, Side } from '../procedures/schema';
import type { Participants, PersonRef } from '../workflow/types';
import type { Agency, Partnership, Person } from '../store/directory-schema';

export interface DirectoryView {
  person(id: string): Person | undefined;
  agency(id: string): Agency | undefined;
}

/** The professional a challenge is raised with: a directory person or someone outside it. */
export type RaisedWith =
  | { kind: 'person'; personId: string }
  | { kind: 'external'; name: string; role: string; agency: string; email?: string; agencyId?: string };

const agencyRoles: Partial<Record<RoleName, keyof Agency>> = {
  safeguardingLead: 'safeguardingLeadIds',
  headOfService: 'headOfServiceIds',
  director: 'directorIds',
  seniorManager: 'seniorManagerIds',
  serviceManager: 'serviceManagerIds',
  serviceManagerOversight: 'serviceManagerIds',
};

const partnershipRoles: Partial<Record<RoleName, keyof Partnership>> = {
  businessUnit: 'businessUnitIds',
  executive: 'executiveIds',
  coordinator: 'coordinatorIds',
  boardRepresentative: 'boardRepresentativeIds',
};

export function personRef(person: Person, agency: Agency | undefined): PersonRef {
  return {
    id: person.id,
    name: person.name,
    role: person.role,
    agency: agency?.name,
    email: person.email,
    ...(person.phone ? { phone: person.phone } : {}),
    reachable: person.reachable,
    ...(person.reach !== 'teams' ? { reach: person.reach } : {}),
  };
}

export function externalRef(raisedWith: Extract<RaisedWith, { kind: 'external' }>): PersonRef {
  return {
    id: `external:${(raisedWith.email ?? raisedWith.name).toLowerCase()}`,
    name: raisedWith.name,
    role: raisedWith.role,
    agency: raisedWith.agency,
    ...(raisedWith.email ? { email: raisedWith.email } : {}),
    reachable: false,
    external: true,
  };
}

/** Every role a procedure names anywhere: the ones a new challenge resolves from the directory. */
export function rolesToResolve(procedure: Procedure): OwnerRole[] {
  const roles = procedure.stages.flatMap((s) => [
    ...s.owners,
    ...(s.escalatedBy ?? []),
    ...s.notifyOnEntry.flatMap((n) => n.to),
  ]);
  return [
    ...new Set([
      ...roles,
      ...procedure.copyOnRaise.flatMap((n) => n.to),
      ...(procedure.log?.assignedBy ?? []),
      ...(procedure.immediateRoute?.agreedBy ?? []),
      ...(procedure.repeatPattern?.tell ?? []),
    ]),
  ];
}

/** Resolves every role the procedure's stages name; a role nobody holds is left out. */
export function resolveParticipants(
  roles: readonly OwnerRole[],
  directory: DirectoryView,
  partnership: Partnership,
  raiser: Person,
  raisedWith: RaisedWith,
): { participants: Participants; raisedBy: PersonRef; raisedWithRef: PersonRef } {
  const refTo = (p: Person) => personRef(p, directory.agency(p.agencyId));
  // Someone who has left (retired by a re-import) holds no role on a new challenge.
  const refOf = (id: string | undefined): PersonRef | undefined => {
    const p = id ? directory.person(id) : undefined;
    return p && p.retiredAt === undefined ? refTo(p) : undefined;
  };
  const raisedBy = refTo(raiser);
  const receiving = raisedWith.kind === 'person' ? directory.person(raisedWith.personId) : undefined;
  const raisedWithRef = receiving
    ? refTo(receiving)
    : externalRef(raisedWith as Extract<RaisedWith, { kind: 'external' }>);
  const receivingAgencyId = receiving?.agencyId ?? (raisedWith.kind === 'external' ? raisedWith.agencyId : undefined);

  const sidePeople: Record<
    Exclude<Side, 'partnership'>,
    { practitioner: PersonRef; person?: Person; agencyId?: string }
  > = {
    raising: { practitioner: raisedBy, person: raiser, agencyId: raiser.agencyId },
    receiving: { practitioner: raisedWithRef, person: receiving, agencyId: receivingAgencyId },
  };

  const participants: Participants = {};
  for (const role of new Set(roles)) {
    const [side, name] = role.split('.') as [Side, RoleName];
    let ids: string[] = [];
    let refs: PersonRef[] = [];
    if (side === 'partnership' || (partnershipRoles[name] && !agencyRoles[name])) {
      const key = partnershipRoles[name];
      ids = key ? (partnership[key] as string[]) : [];
    } else {
      const s = sidePeople[side];
      const agency = s.agencyId ? directory.agency(s.agencyId) : undefined;
      if (name === 'practitioner') refs = [s.practitioner];
      else if (name === 'lineManager') ids = s.person?.lineManagerId ? [s.person.lineManagerId] : [];
      else if (agencyRoles[name] && agency) ids = agency[agencyRoles[name]] as string[];
    }
    refs = refs.concat(ids.map(refOf).filter((r): r is PersonRef => r !== undefined));
    if (refs.length > 0) participants[role] = refs;
  }
  return { participants, raisedBy, raisedWithRef };
}
