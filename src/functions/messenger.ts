/**
 * The port the scheduler sends through: the same shape as bot/messenger.ts's `sendToPerson`
 * (bot/'s proactive sender, behind the outbound queue, is the production implementation), so
 * src/ never imports botbuilder.
 */
export type Delivery =
  | { delivered: true; activityId?: string }
  | { delivered: false; reason: 'notInstalled' | 'blocked' | 'failed'; detail?: string };

export interface SchedulerMessenger {
  /** A 1:1 card to a directory person (by Entra object id). */
  sendToPerson(personId: string, card: object): Promise<Delivery>;
}

/** A send the scheduler gave up on, for the audit table (ids and codes only, never a name). */
export interface Undelivered {
  challengeId?: string;
  key: string;
  personId: string;
  reason: 'notInstalled' | 'blocked' | 'failed';
  detail?: string;
}
