/**
 * Routes a turn to its handler: typed commands, card actions (Action.Execute invokes and the
 * Action.Submit fallback), and installation. SDK-agnostic: it sees only the plain Turn.
 */
import { handleAction } from './actions';
import type { ActionContext } from './actions/context';
import { cardFor, noticeCard } from './card-views';
import { help } from './commands/help';
import { myChallenges } from './commands/my-challenges';
import { raiseChallenge } from './commands/raise-challenge';
import { findProcedure } from '../src/procedures';
import type { Services } from './services';
import { parseTextCommand } from './text-commands';
import type { ActionResult, Turn } from './turn';

export interface Routes {
  onText(turn: Turn, text: string): Promise<void>;
  onSubmit(turn: Turn, value: Record<string, unknown>): Promise<void>;
  onAction(turn: Turn, data: Record<string, unknown>): Promise<ActionResult>;
  onInstalled(turn: Turn): Promise<void>;
}

/** The directory key of the person on this turn: their Entra object id. */
const personIdOf = (turn: Turn): string => turn.user.aadObjectId ?? turn.user.id;

export function createRoutes(services: Services): Routes {
  const onAction = async (turn: Turn, data: Record<string, unknown>): Promise<ActionResult> => {
    const ctx: ActionContext = { services, turn, personId: personIdOf(turn), raw: data };
    const result = await handleAction(ctx);
    if ('card' in result) return result;
    return { card: await problemCard(services, ctx, result.problem) };
  };

  return {
    async onText(turn, text) {
      const personId = personIdOf(turn);
      switch (parseTextCommand(text)) {
        case 'raiseChallenge':
          return raiseChallenge(services, turn, personId);
        case 'myChallenges':
          return myChallenges(services, turn, personId);
        case 'help':
          return help(services, turn);
        default:
          await turn.sendText("Sorry, I didn't understand that. Type **help** to see what I can do.");
      }
    },

    async onSubmit(turn, value) {
      // Clients without Universal Actions: the same handlers; the answer replaces the card pressed.
      const { card } = await onAction(turn, value);
      if (turn.replyToId) await turn.updateCard(turn.replyToId, card);
      else await turn.sendCard(card);
    },

    onAction,

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
        const person = await services.stores.directory.people.get(personId);
        if (person && !person.reachable) await services.stores.directory.people.upsert({ ...person, reachable: true });
      }
      await turn.sendText(
        'Hello! I am **Challenge**: I take a professional disagreement with another agency through your ' +
          "safeguarding partnership's escalation procedure. Type **raise challenge** to start one, " +
          '**my challenges** to see yours, or **help**.',
      );
    },
  };
}

/** An action's input was not acceptable: the challenge's card again with the problem shown. */
async function problemCard(services: Services, ctx: ActionContext, problem: string) {
  const challengeId = typeof ctx.raw.challengeId === 'string' ? ctx.raw.challengeId : undefined;
  const loaded = challengeId ? await services.stores.challenges.load(challengeId) : undefined;
  const procedure = loaded ? findProcedure(loaded.challenge.procedureId) : undefined;
  if (loaded && procedure) return cardFor(services, procedure, loaded.challenge, ctx.personId, { problem });
  return noticeCard({ title: 'That did not work', text: problem, tone: 'warning' });
}
