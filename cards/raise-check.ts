/**
 * The raise form's checks that depend on the chosen procedure or on several fields at once:
 * the zod schema (verbs.ts) checks each field alone. Returns field-error messages keyed by
 * input id, empty when the submission is good. Pure.
 */
import type { Procedure } from '../src/procedures/schema';
import type { ActionOf } from './verbs';

export function checkRaise(procedure: Procedure, action: ActionOf<'raise'>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!procedure.subjects.includes(action.subject)) {
    errors.subject = `${procedure.partnership}'s procedure is for ${procedure.subjects.join(' and ')} cases only.`;
  }
  const unknown = action.areas.filter((a) => !procedure.areasOfDisagreement.includes(a));
  if (unknown.length) errors.areas = "Please choose from this partnership's areas of disagreement.";
  else if (action.areas.length > 1 && !procedure.multipleAreas) errors.areas = 'Please choose one area of disagreement.';
  if (action.kind === 'conferenceDissent') {
    if (!procedure.raiseForm.conferenceDissent) errors.kind = 'This procedure does not take conference dissent.';
    else if (!action.conferenceDate) errors.conferenceDate = 'Please give the date of the conference.';
  }
  if (action.urgency === 'immediate' && !procedure.immediateRoute) {
    errors.urgency = 'This procedure has no immediate route.';
  }
  if (action.raisedWith === 'external') {
    if (!action.externalName) errors.externalName = 'Please give their name.';
    if (!action.externalRole) errors.externalRole = 'Please give their role.';
    if (!action.externalAgency) errors.externalAgency = 'Please give their agency.';
    if (!action.externalEmail) errors.externalEmail = 'Please give their email address.';
  }
  if (/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/.test(action.caseReference)) {
    errors.caseReference = "That looks like a date: give the agency's case reference, not a date of birth.";
  }
  return errors;
}
