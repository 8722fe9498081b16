/**
 * Proactive sends over the Bot Framework: 1:1 cards through the conversation reference
 * stored at installation, and channel threads created with createConversationAsync.
 * Every send goes through the outbound queue (Teams' rate limits and retries).
 */
import {
  CardFactory,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { ChallengeThread, ConversationStore } from '../src/store';
import type { Logger } from '../src/logger';
import type { ChannelTarget, Delivery, Messenger } from '../src/turn';
import { inAttempt } from './send-signal';

/**
 * Runs one send with rate limiting and retries; the identity function when there is no queue.
 * Each attempt gets a signal that aborts when the queue gives up on it (send-signal.ts).
 */
export type SendThrough = <T>(conversationId: string, send: (signal?: AbortSignal) => Promise<T>) => Promise<T>;

export interface ProactiveSenderDeps {
  adapter: CloudAdapter;
  appId: string;
  conversations: ConversationStore;
  logger: Logger;
  through?: SendThrough;
}

const channelAudience = 'https://api.botframework.com';

export function createProactiveSender(deps: ProactiveSenderDeps): Messenger {
  const queue: SendThrough = deps.through ?? ((_id, send) => send());
  const through = <T>(conversationId: string, send: () => Promise<T>): Promise<T> =>
    queue(conversationId, (signal) => inAttempt(signal, send));
  const cardActivity = (card: object) => ({ type: 'message' as const, attachments: [CardFactory.adaptiveCard(card)] });

  /**
   * The adapter hands an error inside `logic` to its onTurnError and resolves as if all went
   * well; a send that failed would then count as delivered (never retried, never reported).
   * So the error is caught here and thrown to the queue.
   */
  const inConversation = async (
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> => {
    let failed: { error: unknown } | undefined;
    await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failed = { error };
      }
    });
    if (failed) throw failed.error;
  };

  const deliver = async (conversationId: string, send: () => Promise<string | undefined>): Promise<Delivery> => {
    try {
      const activityId = await through(conversationId, send);
      return { delivered: true, activityId };
    } catch (error) {
      const e = error as { statusCode?: number; code?: string; message?: string };
      const blocked = e.statusCode === 403;
      deps.logger.warn('proactive send failed', { conversationId, statusCode: e.statusCode, code: e.code });
      return { delivered: false, reason: blocked ? 'blocked' : 'failed', detail: e.code ?? e.message };
    }
  };

  const threadReference = (thread: ChallengeThread): Partial<ConversationReference> => ({
    channelId: 'msteams',
    serviceUrl: thread.serviceUrl,
    conversation: { id: thread.conversationId, isGroup: true, conversationType: 'channel', name: '' },
  });

  return {
    async sendToPerson(personId, card) {
      const reference = await deps.conversations.getUserReference(personId);
      if (!reference) return { delivered: false, reason: 'notInstalled' };
      return deliver(reference.conversation.id, async () => {
        let id: string | undefined;
        await inConversation(reference as unknown as Partial<ConversationReference>, async (context) => {
          id = (await context.sendActivity(cardActivity(card)))?.id;
        });
        return id;
      });
    },

    async startThread(challengeId, target: ChannelTarget, card) {
      let thread: ChallengeThread | undefined;
      await through(target.channelId, async () => {
        await deps.adapter.createConversationAsync(
          deps.appId,
          'msteams',
          target.serviceUrl,
          channelAudience,
          {
            isGroup: true,
            channelData: {
              channel: { id: target.channelId },
              ...(target.tenantId ? { tenant: { id: target.tenantId } } : {}),
            },
            activity: cardActivity(card) as Activity,
            ...(target.tenantId ? { tenantId: target.tenantId } : {}),
            bot: { id: deps.appId, name: 'Challenge' },
            members: [],
          },
          async (context) => {
            const conversationId = context.activity.conversation.id;
            // Teams names the new thread "<channel>;messageid=<root>"; the root's id is the conversation's activity.
            const rootActivityId = conversationId.split(';messageid=')[1] ?? context.activity.id ?? '';
            thread = {
              challengeId,
              conversationId,
              rootActivityId,
              serviceUrl: target.serviceUrl,
              teamId: target.teamId,
              channelId: target.channelId,
            };
          },
        );
      });
      if (!thread) throw new Error('The channel did not return the new thread');
      await saveStartedThread(() => deps.conversations.saveThread(thread!));
      return thread;
    },

    replyInThread(thread, card) {
      return deliver(thread.conversationId, async () => {
        let id: string | undefined;
        await inConversation(threadReference(thread), async (context) => {
          id = (await context.sendActivity(cardActivity(card)))?.id;
        });
        return id;
      });
    },

    updateThreadRoot(thread, card) {
      return deliver(thread.conversationId, async () => {
        await inConversation(threadReference(thread), async (context) => {
          await context.updateActivity({ ...cardActivity(card), id: thread.rootActivityId });
        });
        return thread.rootActivityId;
      });
    },
  };
}

/**
 * The thread now exists in the channel: if its reference is not saved, a retry of the start
 * would open a second thread. So a save storage did not take is tried again, with backoff, for
 * up to a minute (an outage longer than that may still leave two threads).
 */
async function saveStartedThread(save: () => Promise<void>, forMs = 60_000): Promise<void> {
  const until = Date.now() + forMs;
  for (let wait = 200; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      return await save();
    } catch (error) {
      if (Date.now() + wait > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
