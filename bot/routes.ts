/**
 * Routes a turn to its handler: typed commands, card actions (Action.Execute invokes and the
 * Action.Submit fallback), typeahead searches, and installation. SDK-agnostic: it sees only the plain Turn.
 */
import { handleAction } from './actions';
import type { ActionContext } from './actions/context';
import { help } from './commands/help';
import { myChallenges } from './commands/my-challenges';
import { raiseChallenge } from './commands/raise-challenge';
import type { Services } from './services';
import { parseTextCommand } from './text-commands';
import { typeaheadResults, type SearchResult } from './typeahead';
import { sendWaitingCards } from './waiting-cards';
import type { ActionResult, Turn } from './turn';

export interface Routes {
  onText(turn: Turn, text: string): Promise<void>;
  onSubmit(turn: Turn, value: Record<string, unknown>): Promise<void>;
  onAction(turn: Turn, data: Record<string, unknown>): Promise<ActionResult>;
  onInstalled(turn: Turn): Promise<void>;
  /** A typeahead search of a card's input (application/search): the choices found. */
  onSearch(turn: Turn, value: unknown): Promise<SearchResult[]>;
}

/** The directory key of the person on this turn: their Entra object id. */
const personIdOf = (turn: Turn): string => turn.user.aadObjectId ?? turn.user.id;

export function createRoutes(services: Services): Routes {
  const onAction = async (turn: Turn, data: Record<string, unknown>): Promise<ActionResult> => {
    const ctx: ActionContext = { services, turn, personId: personIdOf(turn), raw: data };
    const result = await handleAction(ctx);
    if ('card' in result) return result;
    return { card: services.views.notice({ title: 'That did not work', text: result.problem, tone: 'warning' }) };
  };

  return {
    async onText(turn, text) {
      const personId = personIdOf(turn);
      // The form and the list are about cases: in a group chat or channel they go to the person 1:1.
      const privately =
        turn.conversation.conversationType === 'personal' ? turn : await personalTurn(services, turn, personId);
      switch (parseTextCommand(text)) {
        case 'raiseChallenge':
          return privately ? raiseChallenge(services, privately, personId) : askToChatPrivately(turn);
        case 'myChallenges':
          return privately ? myChallenges(services, privately, personId) : askToChatPrivately(turn);
        case 'help':
          return help(services, turn);
        default:
          await turn.sendText("Sorry, I didn't understand that. Type **help** to see what I can do.");
      }
    },

    async onSubmit(turn, value) {
      // Clients without Universal Actions: the same handlers; the answer replaces the card pressed.
      const { card } = await onAction(turn, value);
      if (turn.conversation.conversationType !== 'personal') {
        // Replacing a card in a shared conversation would show one person's view to everyone.
        await services.messenger.sendToPerson(personIdOf(turn), card);
      } else if (turn.replyToId) await turn.updateCard(turn.replyToId, card);
      else await turn.sendCard(card);
    },

    onAction,

    onSearch: (turn, value) => typeaheadResults(services, personIdOf(turn), value),

    async onInstalled(turn) {
      const personId = personIdOf(turn);
      if (turn.conversation.conversationType === 'personal') {
        await services.stores.conversations.saveUserReference(personId, {
          serviceUrl: turn.conversation.serviceUrl,
          channelId: turn.conversation.channelId,
          conversation: {
            id: turn.conversation.conversationId,
            conversationType: 'personal',
            tenantId: turn.conversation.tenantId,
          },
          user: { id: turn.user.id, name: turn.user.name, aadObjectId: turn.user.aadObjectId },
          bot: { id: turn.conversation.botId, name: turn.conversation.botName },
        });
        services.views.noteChatId(personId, turn.user.id);
        const person = await services.stores.directory.people.get(personId);
        if (person && !person.reachable) {
          services.directory.notePerson(await services.stores.directory.people.upsert({ ...person, reachable: true }));
        }
      }
      await turn.sendText(
        'Hello! I am **Challenge**: I take a professional disagreement with another agency through your ' +
          "safeguarding partnership's escalation procedure. Type **raise challenge** to start one, " +
          '**my challenges** to see yours, or **help**.',
      );
      if (turn.conversation.conversationType === 'personal') await sendWaitingCards(services, turn, personId);
    },
  };
}

/**
 * The same person's 1:1 chat as a Turn, so a command typed in a channel is answered privately;
 * undefined when they have not installed the bot for themselves.
 */
async function personalTurn(services: Services, turn: Turn, personId: string): Promise<Turn | undefined> {
  const reference = await services.stores.conversations.getUserReference(personId);
  if (!reference) return undefined;
  const send = async (card: object) => {
    const delivery = await services.messenger.sendToPerson(personId, card);
    return delivery.delivered ? delivery.activityId : undefined;
  };
  let told = false;
  const tellChannel = async () => {
    if (told) return;
    told = true;
    await turn.sendText(`${turn.user.name}, I have sent that to you in our private chat.`);
  };
  return {
    ...turn,
    sendText: async (text) => {
      await send({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] });
      await tellChannel();
    },
    sendCard: async (card) => {
      const id = await send(card);
      await tellChannel();
      return id;
    },
  };
}

async function askToChatPrivately(turn: Turn): Promise<void> {
  await turn.sendText(
    `${turn.user.name}, challenges are about children and adults at risk, so I answer this in a private chat. ` +
      'Open a chat with me (Challenge in your apps) and type it there.',
  );
}
