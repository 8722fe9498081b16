/** help: what the bot is for and what you can type. */
import { renderCard } from '../../cards/render';
import { toHelpCardData } from '../../cards/view-models/help';
import type { Services } from '../services';
import type { Turn } from '../turn';

export async function help(services: Services, turn: Turn): Promise<void> {
  await turn.sendCard(renderCard('help', toHelpCardData(services.procedures)));
}
