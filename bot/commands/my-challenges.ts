/** my challenges: the challenges the user is on, what waits for them first. */
import { renderCard } from '../../cards/render';
import { toMyChallengesCardData, MAX_MY_CHALLENGES } from '../../cards/view-models/my-challenges';
import { findProcedure } from '../../src/procedures';
import { currentStage, rolesOf } from '../../src/workflow';
import type { Services } from '../services';
import type { Turn } from '../turn';

export async function myChallenges(services: Services, turn: Turn, personId: string): Promise<void> {
  const rows = await services.stores.personIndex.forPerson(personId);
  const recent = rows.slice(-MAX_MY_CHALLENGES * 2);
  const loaded = await Promise.all(recent.map((r) => services.stores.challenges.load(r.challengeId)));
  const entries = loaded.flatMap((l) => {
    const procedure = l ? findProcedure(l.challenge.procedureId) : undefined;
    if (!l || !procedure) return [];
    const roles = rolesOf(l.challenge, personId);
    const owners = currentStage(procedure, l.challenge).owners;
    return [
      {
        procedure,
        challenge: l.challenge,
        roles,
        awaitingYou: l.challenge.status !== 'resolved' && roles.some((r) => owners.includes(r)),
      },
    ];
  });
  await turn.sendCard(renderCard('my-challenges', toMyChallengesCardData(entries, services.clock.now())));
}
