/**
 * A reminder about a stage deadline (issue 5): due soon and overdue to the owners, an
 * escalation offer to the next level's owners (one press escalates, with a reason filled in
 * that they can change), and "overdue" to the raiser. Every level carries the safety
 * reminder (COM-1). Pure.
 */
import type { Procedure } from '../../src/procedures/schema';
import type { Challenge, ReminderLevel } from '../../src/workflow/types';
import { ownersSentence } from './people';
import { currentStageOf, openData, summaryOf } from './summary';
import { SAFETY_REMINDER } from './wording';

export interface ReminderInput {
  procedure: Procedure;
  challenge: Challenge;
  level: ReminderLevel;
  now: Date;
  /** For an overdue nag or an escalation offer: how many working days overdue (from the calendar). */
  workingDaysOverdue?: number;
}

const TONE: Record<ReminderLevel, string> = {
  dueSoon: 'warning',
  overdue: 'attention',
  escalationOffer: 'attention',
  raiserOverdue: 'warning',
};

export function toReminderCardData(input: ReminderInput) {
  const { procedure, challenge, level, now } = input;
  const s = summaryOf(procedure, challenge, now);
  const stage = currentStageOf(procedure, challenge);
  const next = procedure.stages.find((st) => st.id === stage.escalateTo[0]);
  const days = input.workingDaysOverdue;
  const overdueBy = days ? `${days} working day${days === 1 ? '' : 's'} overdue` : 'overdue';
  const headline: Record<ReminderLevel, string> = {
    dueSoon: `${stage.label} is due ${s.deadline.text}`,
    overdue: `${stage.label} is ${overdueBy}`,
    escalationOffer: `${stage.label} is ${overdueBy}: you are the next level`,
    raiserOverdue: `Your challenge is ${overdueBy} at ${stage.label}`,
  };
  const ask: Record<ReminderLevel, string> = {
    dueSoon: 'Please record the outcome, resolve it or escalate it before the deadline, or ask for more time.',
    overdue: 'Please record the outcome, resolve it or escalate it now, or ask for more time.',
    escalationOffer: `The owners of ${stage.label} have not concluded it in time.`,
    raiserOverdue: `The owners have been reminded. You can escalate it if the procedure allows, or contact them directly.`,
  };
  return {
    ...s,
    tone: TONE[level],
    headline: headline[level],
    ask: ask[level],
    owners: ownersSentence(challenge, stage.owners),
    safety: SAFETY_REMINDER,
    offer: {
      show: level === 'escalationOffer' && next !== undefined,
      to: next ? `${next.label}, ${next.title}` : '',
      /** The button says where to, briefly: a stage's title can be too long for a button. */
      label: next?.label ?? '',
      reason: `${stage.label} was due ${s.deadline.text} and is ${overdueBy}.`,
      data: { verb: 'escalate', challengeId: challenge.id, version: challenge.version },
    },
    openData: openData(challenge),
  };
}
export type ReminderCardData = ReturnType<typeof toReminderCardData>;
