/**
 * What a command or card-action handler sees of a turn: plain data and a few ports.
 * Handlers never touch botbuilder, so moving to the Microsoft 365 Agents SDK or the
 * Teams SDK means rewriting only the files that build a Turn (challenge-bot.ts) and
 * send proactively (proactive-sender.ts).
 */
export type ConversationType = 'personal' | 'groupChat' | 'channel';

/** A serialisable pointer to a conversation, enough to message it later. */
export interface ConversationRef {
  conversationId: string;
  conversationType: ConversationType;
  serviceUrl: string;
  channelId: string;
  tenantId?: string;
  botId: string;
  botName?: string;
  userId?: string;
  aadObjectId?: string;
}

export interface TurnUser {
  /** Teams user id in this conversation (29:...). */
  id: string;
  /** Entra object id: the directory key. */
  aadObjectId?: string;
  name: string;
}

export interface Turn {
  user: TurnUser;
  conversation: ConversationRef;
  sendText(text: string): Promise<void>;
  /** Sends an Adaptive Card; returns the activity id the channel gave it. */
  sendCard(card: object): Promise<string | undefined>;
  /** Replaces a card the bot sent before (Action.Submit fallback path). */
  updateCard(activityId: string, card: object): Promise<void>;
  /** The card activity an Action.Submit came from, when there is one. */
  replyToId?: string;
}

/** What an Action.Execute handler answers: the card that replaces the one pressed. */
export interface ActionResult {
  card: object;
}
