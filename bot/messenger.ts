/**
 * The messenger port: everything the product sends on its own initiative (stage cards,
 * feedback, thread posts, reminders, digests). Plain data in, no botbuilder types, so the
 * scheduler and the action handlers stay SDK-agnostic. proactive-sender.ts implements it.
 */
import type { ChallengeThread } from '../src/store';

export interface ChannelTarget {
  teamId: string;
  channelId: string;
  serviceUrl: string;
  tenantId?: string;
}

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
