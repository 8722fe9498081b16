/**
 * What the turn and the scheduler need from the world outside, declared here so that src/
 * never imports botbuilder: the messenger (every proactive send: stage cards, feedback,
 * thread posts, reminders, digests). bot/proactive-sender.ts implements it over the Bot
 * Framework, behind the outbound queue; tests give a recording fake.
 */
import { z } from 'zod';
import type { ChallengeThread } from '../store';

export const ChannelTargetSchema = z.object({
  teamId: z.string(),
  channelId: z.string(),
  serviceUrl: z.string(),
  tenantId: z.string().optional(),
});
/** Where a partnership's challenge threads go. */
export type ChannelTarget = z.infer<typeof ChannelTargetSchema>;

export type Delivery =
  | { delivered: true; activityId?: string }
  | { delivered: false; reason: 'notInstalled' | 'blocked' | 'failed'; detail?: string };

export interface Messenger {
  /** A 1:1 card to a directory person (by Entra object id), through their stored conversation. */
  sendToPerson(personId: string, card: object): Promise<Delivery>;
  /** Starts a thread in a channel with `card` as its root; returns where it lives. */
  startThread(challengeId: string, target: ChannelTarget, card: object): Promise<ChallengeThread>;
  replyInThread(thread: ChallengeThread, card: object): Promise<Delivery>;
  updateThreadRoot(thread: ChallengeThread, card: object): Promise<Delivery>;
}

/** A send given up on, for the audit and the logs (ids and codes only, never a name). */
export interface Undelivered {
  challengeId?: string;
  key: string;
  personId: string;
  reason: 'notInstalled' | 'blocked' | 'failed';
  detail?: string;
}
