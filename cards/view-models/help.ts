/**
 * The help card: what the product is for and the three things you can type. Pure.
 */
import type { Procedure } from '../../src/procedures/schema';
import { NOT_A_COMPLAINT, SAFETY_REMINDER } from './wording';

export function toHelpCardData(procedures: readonly Procedure[] = []) {
  return {
    title: 'Challenge: professional challenge and escalation',
    purpose:
      "When you disagree with another agency's decision or practice about a child or an adult, this bot takes the disagreement through your safeguarding partnership's escalation procedure: the right people at each stage, deadlines kept, everything recorded, and you told how it goes.",
    commands: [
      { command: 'raise challenge', meaning: 'Open the form to raise a professional challenge.' },
      { command: 'my challenges', meaning: 'The challenges you are on, and what waits for you.' },
      { command: 'help', meaning: 'This card.' },
    ],
    where: 'Type these in a chat with the bot, or mention it in a group chat or channel.',
    safety: SAFETY_REMINDER,
    notComplaint: NOT_A_COMPLAINT,
    partnerships: procedures.length ? `Procedures: ${procedures.map((p) => p.partnership).join('; ')}.` : '',
  };
}
export type HelpCardData = ReturnType<typeof toHelpCardData>;
