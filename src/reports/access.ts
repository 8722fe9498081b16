/**
 * Who may see what in the tab. Pure, over the directory's partnerships and the challenge:
 * - a person on a challenge (any role in its participants) sees it, family name included;
 * - a partnership's business unit, executive, coordinators and board representatives (its
 *   "leads", as the directory lists them) see their own partnership's challenges, never
 *   another's, and the family name only of the challenges they are on (DUR-10);
 * - only the business unit exports a challenge's full record for a subject access request.
 */
import type { Partnership } from '../store/directory-schema';
import { isOnChallenge } from '../workflow/roles';
import type { Procedure } from '../procedures/schema';
import type { Challenge, ChallengeEvent } from '../workflow/types';

export const partnershipRoles = ['businessUnit', 'executive', 'coordinator', 'boardRepresentative'] as const;
export type PartnershipRole = (typeof partnershipRoles)[number];

const listOf: Record<PartnershipRole, keyof Partnership> = {
  businessUnit: 'businessUnitIds',
  executive: 'executiveIds',
  coordinator: 'coordinatorIds',
  boardRepresentative: 'boardRepresentativeIds',
};

export interface PartnershipAccess {
  partnershipId: string;
  name: string;
  procedureId: string;
  roles: PartnershipRole[];
  /** The business unit: the subject access export is theirs alone. */
  subjectAccess: boolean;
}

/** The partnerships whose view the person may open, with the roles that let them. */
export function partnershipAccessOf(partnerships: readonly Partnership[], personId: string): PartnershipAccess[] {
  return partnerships.flatMap((p) => {
    const roles = partnershipRoles.filter((role) => (p[listOf[role]] as string[]).includes(personId));
    return roles.length === 0
      ? []
      : [
          {
            partnershipId: p.id,
            name: p.name,
            procedureId: p.procedureId,
            roles,
            subjectAccess: roles.includes('businessUnit'),
          },
        ];
  });
}

/** The access a person has to one partnership, or undefined. */
export function accessTo(access: readonly PartnershipAccess[], partnershipId: string): PartnershipAccess | undefined {
  return access.find((a) => a.partnershipId === partnershipId);
}

/** How a person may see a challenge: as someone on it, as one of its partnership's leads, or not at all. */
export function viewOf(
  challenge: Challenge,
  personId: string,
  access: readonly PartnershipAccess[],
): 'onChallenge' | 'partnership' | undefined {
  if (seesFamilyName(challenge, personId)) return 'onChallenge';
  if (access.some((a) => a.procedureId === challenge.procedureId)) return 'partnership';
  return undefined;
}

/** Whether the family name is the viewer's to see: only people on the challenge (DUR-10). */
export function seesFamilyName(challenge: Challenge, personId: string): boolean {
  return isOnChallenge(challenge, personId) || challenge.raisedBy.id === personId;
}

/** Form fields that hold the family name (they are filled from it), by form id. */
function familyNameFields(procedure: Procedure): Map<string, string[]> {
  return new Map(
    procedure.forms.map((f) => [f.id, f.fields.filter((x) => x.prefill === 'familyName').map((x) => x.id)]),
  );
}

function withoutKeys(values: Record<string, unknown>, keys: readonly string[] | undefined): Record<string, unknown> {
  if (!keys || keys.length === 0) return values;
  return Object.fromEntries(Object.entries(values).filter(([k]) => !keys.includes(k)));
}

/** The challenge as this viewer may read it: without the family name, wherever it is held, unless they are on it. */
export function forViewer(procedure: Procedure, challenge: Challenge, personId: string): Challenge {
  if (seesFamilyName(challenge, personId)) return challenge;
  const fields = familyNameFields(procedure);
  const recordOf = (stageId: string) => procedure.stages.find((s) => s.id === stageId)?.record ?? '';
  const { familyName: _withheld, ...rest } = challenge;
  return {
    ...rest,
    notifications: challenge.notifications.map((n) => ({ ...n, values: withoutKeys(n.values, fields.get(n.formId)) })),
    stages: challenge.stages.map((s) =>
      s.outcome ? { ...s, outcome: withoutKeys(s.outcome, fields.get(recordOf(s.stageId))) } : s,
    ),
  };
}

/** The history as this viewer may read it: the same withholding, event by event. */
export function eventsForViewer(
  procedure: Procedure,
  challenge: Challenge,
  events: readonly ChallengeEvent[],
  personId: string,
): ChallengeEvent[] {
  if (seesFamilyName(challenge, personId)) return [...events];
  const fields = familyNameFields(procedure);
  const recordOf = (stageId: string) => procedure.stages.find((s) => s.id === stageId)?.record ?? '';
  return events.map((event): ChallengeEvent => {
    switch (event.type) {
      case 'ChallengeRaised': {
        const { familyName: _withheld, ...data } = event.data;
        return { ...event, data };
      }
      case 'PartnershipNotified':
        return {
          ...event,
          data: { ...event.data, values: withoutKeys(event.data.values, fields.get(event.data.formId)) },
        };
      case 'StageOutcomeRecorded':
        return {
          ...event,
          data: { ...event.data, values: withoutKeys(event.data.values, fields.get(recordOf(event.data.stageId))) },
        };
      default:
        return event;
    }
  });
}
