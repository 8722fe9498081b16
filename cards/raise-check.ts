/**
 * The raise form's checks that depend on the chosen procedure or on several fields at once
 * (the zod schema in verbs.ts checks each field alone), and the raise command it makes.
 * Errors are keyed by input id, empty when the submission is good. Pure.
 */
import type { Procedure } from '../src/procedures/schema';
import type { Command, Participants, PersonRef } from '../src/workflow/types';
import { choiceFor } from './choice-value';
import type { ActionOf } from './verbs';
import { EXTERNAL } from './view-models/raise-form';

type RaiseAction = ActionOf<'raise'>;

/** The procedure's own wording of the areas sent (as slugs or text); undefined entries were not on its list. */
export function areasOf(procedure: Procedure, action: Pick<RaiseAction, 'areas'>): (string | undefined)[] {
  return action.areas.map((a) => choiceFor(procedure.areasOfDisagreement, a));
}

export function checkRaise(procedure: Procedure, action: RaiseAction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!procedure.subjects.includes(action.subject)) {
    errors.subject = `${procedure.partnership}'s procedure is for ${procedure.subjects.join(' and ')} cases only.`;
  }
  const areas = areasOf(procedure, action);
  if (areas.some((a) => a === undefined)) errors.areas = "Please choose from this partnership's areas of disagreement.";
  else if (areas.length > 1 && !procedure.multipleAreas) errors.areas = 'Please choose one area of disagreement.';
  if (action.kind === 'conferenceDissent') {
    if (!procedure.raiseForm.conferenceDissent) errors.kind = 'This procedure does not take conference dissent.';
    else if (!action.conferenceDate) errors.conferenceDate = 'Please give the date of the conference.';
  }
  if (action.urgency === 'immediate' && !procedure.immediateRoute) {
    errors.urgency = 'This procedure has no immediate route.';
  }
  if (action.raisedWith === EXTERNAL) {
    if (!action.externalName) errors.externalName = 'Please give their name.';
    if (!action.externalRole) errors.externalRole = 'Please give their role.';
    if (!action.externalAgency) errors.externalAgency = 'Please give their agency.';
    if (!action.externalEmail) errors.externalEmail = 'Please give their email address.';
  }
  const family = action.familyName?.trim().toLowerCase();
  if (family && action.caseReference.toLowerCase().includes(family)) {
    errors.caseReference = "The case reference must be your agency's reference, not the family name.";
  }
  // COM-2: a date in the reference is most likely a date of birth.
  if (/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/.test(action.caseReference)) {
    errors.caseReference = "That looks like a date: give your agency's case reference, not a date of birth.";
  }
  return errors;
}

/** The raise command, once checkRaise found nothing: the people come from the directory. */
export function toRaiseCommand(
  procedure: Procedure,
  action: RaiseAction,
  people: { raisedBy: PersonRef; raisedWith: PersonRef; participants: Participants },
): Extract<Command, { type: 'raise' }> {
  const familyName = procedure.raiseForm.familyName ? action.familyName : undefined;
  return {
    type: 'raise',
    challengeId: action.challengeId,
    caseReference: action.caseReference,
    ...(familyName ? { familyName } : {}),
    subject: action.subject,
    kind: action.kind,
    ...(action.kind === 'conferenceDissent' && action.conferenceDate ? { conferenceDate: action.conferenceDate } : {}),
    areas: areasOf(procedure, action).filter((a): a is string => a !== undefined),
    concern: action.concern,
    desiredOutcome: action.desiredOutcome,
    evidence: action.evidence,
    urgency: action.urgency,
    ...people,
  };
}
