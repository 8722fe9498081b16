/**
 * Fixed words the cards share. Pure data: the safety reminder (COM-1), the complaints
 * note (COM-6) and plain words for the roles a person can hold on a challenge.
 */
import type { OwnerRole, RoleName, Side } from '../../src/procedures/schema';

/** COM-1: on every card that asks for a decision. */
export const SAFETY_REMINDER =
  'Safety first: if a child or adult is at risk of significant harm, refer them now through your agency\'s own safeguarding route (MASH / Duty and Advice / the child\'s social worker). This challenge never delays that.';

/** COM-6: on the raise form. */
export const NOT_A_COMPLAINT =
  'This is not a complaints process: it is for resolving professional disagreements between agencies.';

/** Shown to anyone not on the challenge. */
export const NOT_ON_CHALLENGE = 'Only the people on this challenge can see its details.';

export const MOVED_ON = 'This challenge has moved on since this card was sent; here is where it stands now.';

const roleWords: Record<RoleName, [singular: string, plural: string]> = {
  practitioner: ['practitioner', 'practitioners'],
  lineManager: ['line manager', 'line managers'],
  safeguardingLead: ['safeguarding lead', 'safeguarding leads'],
  seniorManager: ['senior manager', 'senior managers'],
  serviceManager: ['service manager', 'service managers'],
  headOfService: ['head of service', 'heads of service'],
  director: ['director', 'directors'],
  businessUnit: ['partnership business unit', 'partnership business unit'],
  executive: ['partnership executive', 'partnership executive'],
  coordinator: ['partnership coordinator', 'partnership coordinators'],
  boardRepresentative: ['board representative', 'board representatives'],
  serviceManagerOversight: ['oversight service manager', 'oversight service managers'],
};

const sideWords: Record<Side, string> = {
  raising: "the raiser's",
  receiving: 'the receiving agency\'s',
  partnership: 'the',
};

/** "raising.lineManager" → "the raiser's line manager"; the practitioners are named by what they did. */
export function roleInWords(role: OwnerRole, plural = false): string {
  const [side, name] = role.split('.') as [Side, RoleName];
  if (name === 'practitioner') {
    if (side === 'raising') return 'the practitioner who raised it';
    if (side === 'receiving') return 'the professional it is raised with';
  }
  const [one, many] = roleWords[name];
  return `${sideWords[side]} ${plural ? many : one}`;
}
