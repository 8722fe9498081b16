/** raise challenge: the raise form, for the user's own partnership by default. */
import { raiseFormCard } from '../actions/raise-form';
import type { Services } from '../services';
import type { Turn } from '../turn';

export async function raiseChallenge(services: Services, turn: Turn, personId: string): Promise<void> {
  await turn.sendCard(await raiseFormCard(services, personId));
}
