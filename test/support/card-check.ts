/**
 * Every card the real bot sends in a test (to the fake channel, or as an invoke's answer) is
 * checked with the official Adaptive Cards library; a root hook fails the test that caused a
 * bad card, naming where the card went and what is wrong with it.
 */
import { validateCard } from '../unit/cards/validate-card';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const found: string[] = [];

/** Checks the cards in an activity the bot sent, or in an invoke response's body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function checkCardsIn(payload: any, where: string): void {
  const cards: unknown[] = [];
  for (const a of payload?.attachments ?? []) if (a?.contentType === ADAPTIVE_CARD) cards.push(a.content);
  if (payload?.type === ADAPTIVE_CARD && payload.value) cards.push(payload.value);
  for (const card of cards) {
    const problems = validateCard(card);
    if (problems.length > 0) found.push(`${where}:\n    ${problems.join('\n    ')}`);
  }
}

export const cardCheckHooks = {
  afterEach(this: Mocha.Context): void {
    if (found.length === 0) return;
    const problems = found.splice(0);
    // Fail this test, not the run: mocha reports an afterEach error against the test it followed.
    throw new Error(`the bot sent cards that are not valid Adaptive Cards 1.5:\n  ${problems.join('\n  ')}`);
  },
};
