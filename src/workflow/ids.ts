/**
 * The one format of the ids the bot allocates for challenges: a random (version 4) UUID in
 * lower case, as the raise form is rendered. Anything else in a card's data was not made by
 * the bot, so it is refused at the edge before it reaches storage (a table key, a thread, a
 * log line). Pure: the randomness is passed in.
 */
export const CHALLENGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isChallengeId(value: unknown): value is string {
  return typeof value === 'string' && CHALLENGE_ID.test(value);
}

/** A new challenge id from a UUID source (crypto.randomUUID in the shell). */
export function newChallengeId(randomUUID: () => string): string {
  const id = randomUUID().toLowerCase();
  if (!isChallengeId(id)) throw new Error('The UUID source did not give a version 4 UUID.');
  return id;
}
