/**
 * The Teams activity handler: it turns botbuilder's TurnContext into a plain Turn and hands
 * it to the routes. This and proactive-sender.ts are the only files that speak botbuilder
 * beyond the adapter, so a move to a successor SDK is confined to them.
 */
import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Activity,
} from 'botbuilder';
import type { ConversationRef, ConversationType, Turn } from './turn';
import type { Routes } from './routes';

export class ChallengeBot extends TeamsActivityHandler {
  constructor(private readonly routes: Routes) {
    super();

    this.onMessage(async (context, next) => {
      const turn = toTurn(context);
      const value = context.activity.value as Record<string, unknown> | undefined;
      if (value && typeof value === 'object' && !context.activity.text) {
        // Action.Submit (clients without Universal Actions) arrives as a message with a value.
        await this.routes.onSubmit(turn, value);
      } else {
        const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
        await this.routes.onText(turn, text);
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.routes.onInstalled(toTurn(context));
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id);
      // Teams also sends installationUpdate for the same install (handled above): greet once.
      // Clients that send only conversationUpdate (the Emulator, Web Chat) are greeted here.
      if (botAdded && context.activity.channelId !== 'msteams') await this.routes.onInstalled(toTurn(context));
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const action = invokeValue.action;
    const data = { ...(action.data ?? {}), verb: action.verb };
    const result = await this.routes.onAction(toTurn(context), data);
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: result.card as Record<string, unknown>,
    };
  }
}

export function conversationRefOf(activity: Partial<Activity>): ConversationRef {
  const conversation = activity.conversation;
  const type: ConversationType =
    conversation?.conversationType === 'channel'
      ? 'channel'
      : conversation?.conversationType === 'groupChat'
        ? 'groupChat'
        : 'personal';
  return {
    conversationId: conversation?.id ?? '',
    conversationType: type,
    serviceUrl: activity.serviceUrl ?? '',
    channelId: activity.channelId ?? 'msteams',
    tenantId: conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
    botId: activity.recipient?.id ?? '',
    botName: activity.recipient?.name,
    userId: activity.from?.id,
    aadObjectId: activity.from?.aadObjectId,
  };
}

function toTurn(context: TurnContext): Turn {
  const activity = context.activity;
  return {
    user: { id: activity.from.id, aadObjectId: activity.from.aadObjectId, name: activity.from.name ?? '' },
    conversation: conversationRefOf(activity),
    replyToId: activity.replyToId,
    sendText: async (text) => {
      await context.sendActivity(text);
    },
    sendCard: async (card) => {
      const sent = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      return sent?.id;
    },
    updateCard: async (activityId, card) => {
      await context.updateActivity({
        id: activityId,
        type: 'message',
        attachments: [CardFactory.adaptiveCard(card)],
      });
    },
  };
}
