/**
 * Fixed words the cards share. Pure data: the safety reminder (COM-1), the complaints
 * note (COM-6), and the workflow's plain words for roles.
 */
/** COM-1: on every card that asks for a decision. */
export const SAFETY_REMINDER =
  "Safety first: if a child or adult is at risk of significant harm, refer them now through your agency's own safeguarding route (MASH / Duty and Advice / the child's social worker). This challenge never delays that.";

/** COM-6: on the raise form. */
export const NOT_A_COMPLAINT =
  'This is not a complaints process: it is for resolving professional disagreements between agencies.';

/** Shown to anyone not on the challenge. */
export const NOT_ON_CHALLENGE = 'Only the people on this challenge can see its details.';

/** A press by someone not on the challenge, refused. */
export const ONLY_PEOPLE_ON_IT_ACT = 'Only the people on this challenge can act on it.';

export const MOVED_ON = 'This challenge has moved on since this card was sent; here is where it stands now.';

/** "raising.lineManager" → "the raising agency's line manager": the workflow's words, so cards and refusals agree. */
export { describeRole as roleInWords } from '../../src/workflow/roles';
