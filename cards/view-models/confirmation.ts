/**
 * What the presser is told after a press that went through, in words: "You escalated to
 * Step 3a. Eleanor Price and Kemi Adeyemi have their cards; Amira has been told." Never a
 * verb's code name. Read from the events the press made and the effects they owe (who gets a
 * card, who is told, who must be contacted by other means). Also the raise confirmation. Pure.
 */
import type { Procedure } from '../../src/procedures/schema';
import { describeRole, joinAnd } from '../../src/workflow/roles';
import type { Challenge, ChallengeEvent, Effect, PersonRef } from '../../src/workflow/types';
import { formatDay, formatInstant } from './format';

export interface ConfirmationInput {
  procedure: Procedure;
  after: Challenge;
  /** The events the press made. */
  events: readonly ChallengeEvent[];
  /** What those events owe (the decision's effects): who gets a card, who is told. */
  effects: readonly Effect[];
  /** Who pressed: the card is theirs, so "you". */
  viewerId: string;
}

const label = (procedure: Procedure, stageId: string) =>
  procedure.stages.find((s) => s.id === stageId)?.label ?? stageId;
const firstName = (p: PersonRef) => p.name.split(' ')[0] ?? p.name;
const dueText = (deadline: string | undefined) => (deadline ? `due ${formatInstant(deadline)}` : 'no fixed deadline');

/** "Eleanor Price and Kemi Adeyemi have their cards", without the presser. */
function whoGetCards(people: readonly PersonRef[], viewerId: string): string {
  const others = dedupe(people).filter((p) => p.id !== viewerId);
  if (others.length === 0) return '';
  return `${joinAnd(others.map((p) => p.name))} ${others.length === 1 ? 'has their card' : 'have their cards'}`;
}

function dedupe(people: readonly PersonRef[]): PersonRef[] {
  return [...new Map(people.map((p) => [p.id, p])).values()];
}

/** Who has been sent what by this press, as one sentence. */
function sends(input: ConfirmationInput): string {
  const { effects, viewerId } = input;
  const carded = effects.flatMap((e) => (e.type === 'sendStageCard' || e.type === 'notifyPartnership' ? e.to : []));
  const raisers = effects
    .flatMap((e) => (e.type === 'feedbackToRaiser' ? [e.to] : []))
    .filter((p) => p.id !== viewerId);
  const unreachable = dedupe(effects.flatMap((e) => (e.type === 'contactByOtherMeans' ? e.unreachable : [])));
  const parts = [
    whoGetCards(
      carded.filter((p) => !raisers.some((r) => r.id === p.id)),
      viewerId,
    ),
    raisers.length ? `${joinAnd(raisers.map(firstName))} ${raisers.length === 1 ? 'has' : 'have'} been told` : '',
  ].filter(Boolean);
  const reach = unreachable.length
    ? ` ${joinAnd(unreachable.map((p) => p.name))} cannot be reached in Teams: please contact them by other means.`
    : '';
  return parts.length ? ` ${parts.join('; ')}.${reach}` : reach;
}

/** The sentence for what the press did, from its main event. */
function deed(input: ConfirmationInput): string {
  const { procedure, after, events, viewerId } = input;
  const stage = after.stages.at(-1);
  const of = (type: ChallengeEvent['type']) => events.find((e) => e.type === type);
  const raised = of('ChallengeRaised');
  if (raised) {
    const at = procedure.stages.find((s) => s.id === after.stageId);
    return `You raised a challenge for case ${after.caseReference}. It is at ${at?.label ?? after.stageId}, ${at?.title ?? ''}, ${dueText(stage?.deadline)}.`;
  }
  const escalated = of('Escalated');
  if (escalated?.type === 'Escalated') {
    const route = escalated.data.route === 'immediate' ? ' by the immediate route' : '';
    return `You escalated to ${label(procedure, escalated.data.to)}${route}, ${dueText(stage?.deadline)}.`;
  }
  const resolved = of('Resolved');
  if (resolved?.type === 'Resolved') return `You resolved the challenge at ${label(procedure, resolved.data.stageId)}.`;
  const event = events.find((e) => e.type !== 'ReminderSent');
  switch (event?.type) {
    case 'StageOutcomeRecorded':
      return `You recorded the outcome of ${label(procedure, event.data.stageId)}. It stays there until it is resolved or escalated.`;
    case 'Paused':
      return procedure.pauseStopsClock
        ? 'You paused the challenge: the clock is stopped until it is resumed.'
        : 'You paused the challenge until it is resumed.';
    case 'Resumed':
      return `You resumed the challenge: ${label(procedure, after.stageId)} is ${dueText(stage?.deadline)}.`;
    case 'ExtensionRequested':
      return `You asked for more time, until ${formatDay(event.data.until)}; another owner of ${label(procedure, after.stageId)} agrees or declines it.`;
    case 'ExtensionAgreed':
      return `You agreed more time: ${label(procedure, after.stageId)} is now ${dueText(stage?.deadline)}.`;
    case 'ExtensionDeclined':
      return `You declined the request for more time: ${label(procedure, after.stageId)} stays ${dueText(stage?.deadline)}.`;
    case 'HandedOver': {
      const to = event.data.to;
      const yours = event.data.from === viewerId ? 'your role as ' : '';
      return `You handed ${yours}${describeRole(event.data.role)} over to ${to.name}${to.reachable && !to.external ? ', who has their card' : ''}.`;
    }
    case 'MeetingRecorded':
      return `You recorded the meeting of ${formatDay(event.data.date)}.`;
    case 'PartnershipNotified': {
      const form = procedure.forms.find((f) => f.id === event.data.formId);
      return `You sent the ${form?.document ?? form?.title ?? 'partnership form'} to the partnership.`;
    }
    case 'LogIdAssigned':
      return `You gave it the log ID ${event.data.logId}.`;
    default:
      return 'Done.';
  }
}

export function confirmationOf(input: ConfirmationInput): string {
  return `${deed(input)}${sends(input)}`;
}
