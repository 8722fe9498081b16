/**
 * What the shell must do after a decision, as plain data: stage cards to the new owners,
 * feedback to the raiser at every stage change and at resolution (COM-4, LEE-9), copies
 * to the partnership (LEE-3, LEE-4, DAR-3, DUD-6, DUR-11), and a nudge to contact by
 * other means an owner the bot cannot reach, and the scheduler's reminders. Pure. What a
 * channel thread shows is drawn from the events themselves (cards/view-models/thread-event.ts).
 */
import { formatInstant } from '../calendar/format';
import type { Notification, Procedure } from '../procedures/schema';
import { describeOwners, isReachable, peopleIn, peopleOnChallenge, sideOf } from './roles';
import { findStage } from './stages';
import type { Challenge, ChallengeEvent, Effect, PersonRef } from './types';

/** A practitioner's words as a sentence: one full stop, not two. */
const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

const dueWords = (deadline: string | undefined) =>
  deadline ? `due by ${formatInstant(deadline)}` : 'no fixed deadline';

function notify(after: Challenge, notifications: readonly Notification[], stageId: string): Effect[] {
  return notifications.map((n) => ({
    type: 'notifyPartnership',
    to: peopleIn(after.participants, n.to),
    roles: [...n.to],
    stageId,
    ...(n.form !== undefined ? { formId: n.form } : {}),
    ...(n.rule !== undefined ? { rule: n.rule } : {}),
  }));
}

/** The raiser now: whoever holds the raising practitioner role (it may have been handed over). */
function raisers(after: Challenge): PersonRef[] {
  const now = after.participants['raising.practitioner'] ?? [];
  return now.length > 0 ? now : [after.raisedBy];
}

function feedback(after: Challenge, message: string): Effect[] {
  return raisers(after).map((to) => ({ type: 'feedbackToRaiser', to, message }));
}

function stageEntryEffects(procedure: Procedure, after: Challenge, stageId: string): Effect[] {
  const stage = findStage(procedure, stageId);
  if (!stage) return [];
  const owners = peopleIn(after.participants, stage.owners);
  const effects: Effect[] = [];
  const reachable = owners.filter(isReachable);
  if (reachable.length > 0) effects.push({ type: 'sendStageCard', to: reachable, stageId });
  const unreachable = owners.filter((p) => !isReachable(p));
  if (unreachable.length > 0) {
    const raisingSide = peopleIn(
      after.participants,
      stage.owners.filter((r) => sideOf(r) === 'raising'),
    ).filter(isReachable);
    const tell = raisingSide.length > 0 ? raisingSide : raisers(after).filter(isReachable);
    effects.push({ type: 'contactByOtherMeans', tell, unreachable, stageId });
  }
  effects.push(...notify(after, stage.notifyOnEntry, stageId));
  return effects;
}

/** The effects of `events`, which took the challenge from `before` to `after`. */
export function effectsOf(
  procedure: Procedure,
  before: Challenge | undefined,
  after: Challenge,
  events: readonly ChallengeEvent[],
): Effect[] {
  const effects: Effect[] = [];
  for (const event of events) {
    if (event.type === 'ChallengeRaised') {
      effects.push(...notify(after, procedure.copyOnRaise, after.stages[0]?.stageId ?? procedure.firstStage));
    }
    if (event.type === 'StageEntered') {
      effects.push(...stageEntryEffects(procedure, after, event.data.stageId));
      if (before && event.data.from) {
        const from = findStage(procedure, event.data.from)?.label ?? event.data.from;
        const stage = findStage(procedure, event.data.stageId);
        const owners = stage ? describeOwners(stage.owners) : 'the next stage';
        effects.push(
          ...feedback(
            after,
            `Your challenge on case ${after.caseReference} has moved from ${from} to ${stage?.label ?? event.data.stageId}. ` +
              `It is now with ${owners}; ${dueWords(event.data.deadline)}.`,
          ),
        );
      }
    }
    if (event.type === 'ReminderSent') {
      const to = event.data.to.flatMap((id) => {
        const person = peopleOnChallenge(after).find((p) => p.id === id);
        return person ? [person] : [];
      });
      effects.push({ type: 'sendReminder', to, level: event.data.level, reminderKey: event.data.reminderKey });
    }
    if (event.type === 'Resolved') {
      const at = findStage(procedure, event.data.stageId)?.label ?? event.data.stageId;
      effects.push(
        ...feedback(
          after,
          `Your challenge on case ${after.caseReference} was resolved at ${at}. Agreed outcome: ${sentence(event.data.agreedOutcome)} ` +
            `Outstanding issues: ${sentence(event.data.outstandingIssues)}`,
        ),
      );
    }
  }
  return effects;
}
