/**
 * The mail port: how a notice leaves the bot by email, for people Teams cannot reach
 * (docs/tenancy.md). Off unless configured (MAIL_NOTICES=1); then Azure Communication
 * Services Email (acs-mailer.ts). Plain data in, no SDK types, so the sender that uses it
 * (the outbox dispatcher) never depends on the mail library.
 */
import type { PersonRef } from '../workflow/types';
import type { EmailNotice } from './notice';

export type MailDelivery =
  { sent: true; id: string } | { sent: false; reason: 'off' | 'noAddress' | 'failed'; detail?: string };

export interface Mailer {
  readonly enabled: boolean;
  send(notice: EmailNotice): Promise<MailDelivery>;
}

export const mailOff: Mailer = {
  enabled: false,
  send: () => Promise.resolve({ sent: false, reason: 'off' }),
};

/**
 * Who gets their notices by email rather than (or as well as) in Teams: an external
 * professional with an address, a person not in Teams, and a shared-channel member (no 1:1
 * chat with the bot is possible across tenants). Everyone else is reached in Teams.
 */
export function reachedByEmail(person: PersonRef): boolean {
  if (!person.email) return false;
  return person.external === true || person.reach === 'email' || person.reach === 'sharedChannel';
}
