/**
 * The cards waiting for someone who has just installed the bot: their current card on each
 * open challenge whose stage they own. A card sent before they could be reached (or, locally,
 * before they opened their Agents Playground, which holds no messages for a page not yet
 * open) is not lost: they get it in the chat they have just opened.
 */
import { findProcedure } from '../src/procedures';
import { currentStage, holdsAny } from '../src/workflow';
import type { Services } from './services';
import type { Turn } from './turn';

/** At most this many, newest first: a hand-over of a whole caseload is the business unit's, not a chat's. */
const MOST = 5;

export async function sendWaitingCards(services: Services, turn: Turn, personId: string): Promise<number> {
  // The index says who is on what; whether it is still open is the snapshot's to say.
  const rows = (await services.stores.personIndex.forPerson(personId)).sort((a, b) =>
    b.raisedAt.localeCompare(a.raisedAt),
  );
  let sent = 0;
  for (const row of rows) {
    if (sent >= MOST) break;
    const loaded = await services.stores.challenges.load(row.challengeId);
    const procedure = loaded ? findProcedure(loaded.challenge.procedureId) : undefined;
    if (!loaded || !procedure || loaded.challenge.status === 'resolved') continue;
    const owners = currentStage(procedure, loaded.challenge).owners;
    if (!holdsAny(loaded.challenge, personId, owners)) continue;
    await turn.sendCard(await services.views.personCard(procedure, loaded.challenge, personId));
    sent++;
  }
  return sent;
}
