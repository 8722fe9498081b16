/**
 * The email notice for someone the bot cannot reach in Teams (an external professional, a
 * person outside Teams, a shared-channel member): the case reference, what is asked of them
 * and by when, and whom to contact. Built only from the procedure's own words and the
 * challenge's structured fields: never the family name, never text a practitioner typed
 * (it may name the child or adult). The areas of disagreement (the procedure's list) are
 * added only where the partnership allows it. Pure: plain data in, the message out.
 */
import type { Procedure } from '../procedures/schema';
import { formatInstant } from '../calendar';
import { currentRecord, currentStage, type Challenge, type PersonRef } from '../workflow';

export interface EmailNotice {
  to: { address: string; displayName: string };
  subject: string;
  plainText: string;
  html: string;
}

/** How much of the case a partnership lets an email carry (the directory's `emailDetail`). */
export type EmailDetail = 'reference' | 'areas';

export interface NoticeFacts {
  caseReference: string;
  partnership: string;
  /** "Step 2, Line manager to line manager". */
  stage: string;
  /** What happens at this stage, in the procedure's words. */
  asked: string;
  /** ISO instant, when the stage has a deadline. */
  dueBy?: string;
  contact: { name: string; role?: string; agency?: string; email?: string; phone?: string };
  areas?: string[];
}

/** The facts of the notice for `recipient`, from the challenge as it stands. */
export function noticeFacts(
  procedure: Procedure,
  challenge: Challenge,
  options: { detail?: EmailDetail; contact?: PersonRef } = {},
): NoticeFacts {
  const stage = currentStage(procedure, challenge);
  const contact = options.contact ?? challenge.raisedBy;
  const deadline = currentRecord(challenge)?.deadline;
  return {
    caseReference: challenge.caseReference,
    partnership: procedure.partnership,
    stage: `${stage.label}, ${stage.title}`,
    asked: stage.summary,
    ...(deadline ? { dueBy: deadline } : {}),
    contact: {
      name: contact.name,
      ...(contact.role ? { role: contact.role } : {}),
      ...(contact.agency ? { agency: contact.agency } : {}),
      ...(contact.email ? { email: contact.email } : {}),
      ...(contact.phone ? { phone: contact.phone } : {}),
    },
    ...(options.detail === 'areas' && challenge.areas.length > 0 ? { areas: [...challenge.areas] } : {}),
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The message itself: a subject naming the case by its reference only, a plain-text body and the same as HTML. */
export function emailNotice(recipient: { name: string; email: string }, facts: NoticeFacts): EmailNotice {
  const who = [facts.contact.role, facts.contact.agency].filter(Boolean).join(', ');
  const reach = [facts.contact.email, facts.contact.phone].filter(Boolean).join(' or ');
  const paragraphs = [
    `Dear ${recipient.name},`,
    `A professional challenge under the ${facts.partnership} escalation procedure needs you. Case reference: ${facts.caseReference}.`,
    `Where it stands: ${facts.stage}.`,
    `What is asked of you: ${facts.asked}`,
    facts.dueBy ? `By when: ${formatInstant(facts.dueBy)} (UK time).` : 'By when: this stage has no fixed deadline.',
    `Whom to contact: ${facts.contact.name}${who ? ` (${who})` : ''}${reach ? `, ${reach}` : ''}.`,
    ...(facts.areas ? [`What the disagreement is about: ${facts.areas.join('; ')}.`] : []),
    'The details of the case are not in this email. Please contact the person above, using the case reference, by your usual secure means.',
  ];
  return {
    to: { address: recipient.email, displayName: recipient.name },
    subject: `Professional challenge ${facts.caseReference}: ${facts.stage}`,
    plainText: paragraphs.join('\n\n') + '\n',
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') + '\n',
  };
}
