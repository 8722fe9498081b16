/**
 * Reads for the tab and its reports: challenges with their histories, for one partnership's
 * procedure, for one person (through the person index), or one by id. Over the challenge
 * store's own reads, so it holds no table logic of its own; a partnership's challenges are a
 * scan of the snapshots (thousands of rows, not millions).
 */
import type { Challenge, ChallengeEvent } from '../workflow/types';
import type { ChallengeStore } from './challenge-store';
import type { PersonIndex } from './person-index';

export interface ChallengeWithHistory {
  challenge: Challenge;
  events: ChallengeEvent[];
}

export interface ChallengeReportsStore {
  /** Every challenge of the procedure, with its history. */
  forProcedure(procedureId: string): Promise<ChallengeWithHistory[]>;
  /** The challenges the person is on, as the person index has them, with their histories. */
  forPerson(personId: string): Promise<ChallengeWithHistory[]>;
  one(challengeId: string): Promise<ChallengeWithHistory | undefined>;
}

/** Loads histories a few at a time, so a big partnership does not open hundreds of requests at once. */
async function withHistories(challenges: ChallengeStore, found: Challenge[]): Promise<ChallengeWithHistory[]> {
  const out: ChallengeWithHistory[] = [];
  const batch = 16;
  for (let i = 0; i < found.length; i += batch) {
    const slice = found.slice(i, i + batch);
    const events = await Promise.all(slice.map((c) => challenges.events(c.id)));
    slice.forEach((challenge, j) => out.push({ challenge, events: events[j]! }));
  }
  return out;
}

export function createChallengeReportsStore(deps: {
  challenges: ChallengeStore;
  personIndex: PersonIndex;
}): ChallengeReportsStore {
  const { challenges, personIndex } = deps;
  return {
    async forProcedure(procedureId) {
      const found: Challenge[] = [];
      for await (const challenge of challenges.snapshots()) {
        if (challenge.procedureId === procedureId) found.push(challenge);
      }
      return withHistories(challenges, found);
    },
    async forPerson(personId) {
      const rows = await personIndex.forPerson(personId);
      const loaded = await Promise.all(rows.map((r) => challenges.load(r.challengeId)));
      return withHistories(
        challenges,
        loaded.flatMap((l) => (l ? [l.challenge] : [])),
      );
    },
    async one(challengeId) {
      const loaded = await challenges.load(challengeId);
      if (!loaded) return undefined;
      return { challenge: loaded.challenge, events: await challenges.events(challengeId) };
    },
  };
}
