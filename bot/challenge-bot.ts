/**
 * The Teams activity handler: it turns botbuilder's TurnContext into a plain Turn and hands
 * it to the routes. This and proactive-sender.ts are the only files that speak botbuilder
 * beyond the adapter, so a move to a successor SDK is confined to them.
 * It is also the last guard of the user's input: a card action whose frame is wrong is a 400;
 * one carrying a challenge id the bot never made, or one the bot fails on, is answered with a
 * card in words; a typed message longer than anyone types a command is answered without parsing.
 */
import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type Activity,
  type InvokeResponse,
} from 'botbuilder';
import { INPUT_LIMITS } from '../cards/limits';
import { isChallengeId } from '../src/workflow/ids';
import { AdaptiveCardInvoke } from './activity-envelope';
import { renderCard } from '../cards/render';
import { toNoticeCardData, type NoticeInput } from '../cards/view-models/notice';

const noticeCard = (input: NoticeInput) => renderCard('notice', toNoticeCardData(input));
import type { ConversationRef, ConversationType, Turn } from './turn';
import type { Routes } from './routes';
import type { SearchResult } from './typeahead';

const CARD = 'application/vnd.microsoft.card.adaptive';

export class ChallengeBot extends TeamsActivityHandler {
  constructor(private readonly routes: Routes) {
    super();

    this.onMessage(async (context, next) => {
      const turn = toTurn(context);
      const value = context.activity.value as Record<string, unknown> | undefined;
      if (value && typeof value === 'object' && !context.activity.text) {
        // Action.Submit (clients without Universal Actions) arrives as a message with a value.
        if (notOurs(value)) await turn.sendCard(notOursCard());
        else await this.routes.onSubmit(turn, value);
      } else if ((context.activity.text ?? '').length > INPUT_LIMITS.text) {
        await turn.sendText(tooLong);
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

  /**
   * Every invoke: an Adaptive Card action is answered 200 with a card whatever its data (400 when
   * the invoke itself is malformed); a typeahead search 200 with its results, whatever it asked;
   * any other invoke the bot does not serve is a 400, never a 5xx.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'adaptiveCard/action') return this.onCardAction(context);
    if (context.activity.name === 'application/search') return this.onSearch(context);
    try {
      const response = await super.onInvokeActivity(context);
      return response.status >= 500 ? badInvoke('NotSupported', 'The bot does not serve this invoke.') : response;
    } catch (error) {
      await context.adapter.onTurnError?.(context, error as Error);
      return badInvoke('NotSupported', 'The bot does not serve this invoke.');
    }
  }

  private async onCardAction(context: TurnContext): Promise<InvokeResponse<AdaptiveCardInvokeResponse>> {
    const invoke = AdaptiveCardInvoke.safeParse(context.activity.value);
    if (!invoke.success) return badInvoke('BadRequest', 'The invoke is not an Adaptive Card Action.Execute.');
    const { verb, data } = invoke.data.action;
    const press = { ...(data ?? {}), verb };
    try {
      const card = notOurs(press) ? notOursCard() : (await this.routes.onAction(toTurn(context), press)).card;
      return cardResponse(card);
    } catch (error) {
      // Logged by code (adapter.ts); the presser is told in words, and the card stays a card.
      await context.adapter.onTurnError?.(context, error as Error);
      return cardResponse(
        noticeCard({
          title: 'That did not work',
          text: 'Sorry, Challenge could not complete that on our side. Open the latest card and try again; if it happens again, tell your partnership business unit.',
          tone: 'warning',
        }),
      );
    }
  }

  /**
   * A typeahead search (docs/card-actions.md): always a 200 with a list, empty for a search
   * that is malformed, not the searcher's to make, or that failed on our side (logged by code).
   * botbuilder's own handler is not used: it refuses an empty queryText with a 400.
   */
  private async onSearch(context: TurnContext): Promise<InvokeResponse> {
    let results: SearchResult[] = [];
    try {
      results = await this.routes.onSearch(toTurn(context), context.activity.value);
    } catch (error) {
      await context.adapter.onTurnError?.(context, error as Error);
    }
    return { status: 200, body: { statusCode: 200, type: SEARCH_RESPONSE, value: { results } } };
  }
}

const SEARCH_RESPONSE = 'application/vnd.microsoft.search.searchResponse';

const tooLong =
  `That message is too long for me (over ${INPUT_LIMITS.text.toLocaleString('en-GB')} characters). ` +
  'I understand short commands: **raise challenge**, **my challenges** and **help**.';

/** Card data naming a challenge the bot never allocated: refused before anything reads it. */
function notOurs(data: Record<string, unknown>): boolean {
  return 'challengeId' in data && data.challengeId !== undefined && !isChallengeId(data.challengeId);
}

function notOursCard() {
  return noticeCard({
    title: 'This card cannot be used',
    text: 'This card was not made by Challenge, or it has been changed since. Type raise challenge for a new form, or my challenges for your cards.',
    tone: 'warning',
  });
}

function cardResponse(card: object): InvokeResponse<AdaptiveCardInvokeResponse> {
  return { status: 200, body: { statusCode: 200, type: CARD, value: card as Record<string, unknown> } };
}

/** An invoke the bot cannot take, in Universal Actions' error shape; it says what, not what was sent. */
function badInvoke(code: string, message: string): InvokeResponse<AdaptiveCardInvokeResponse> {
  return {
    status: 400,
    body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code, message } },
  };
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
