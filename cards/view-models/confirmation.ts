/**
 * What a person is told when their press went through, in words: what they did and where the
 * challenge is now, never a verb's code name. Pure: drawn from the events the press made and
 * the challenge after them, so a repeat of the press is told the same.
 */
import type { Procedure } from '../../src/procedures/schema';
import { describeOwners } from '../../src/workflow/roles';
import type { Challenge, ChallengeEvent } from '../../src/workflow/types';

export interface ConfirmationInput {
  procedure: Procedure;
  before?: Challenge;
  after: Challenge;
  events: readonly ChallengeEvent[];
  viewerId: string;
}

export function confirmationOf({ procedure, after, events }: ConfirmationInput): string {
  const stage = (id: string) => procedure.stages.find((s) => s.id === id);
  const label = (id: string) => stage(id)?.label ?? id;
  const entered = events.find((e) => e.type === 'StageEntered');
  const where = () => {
    const s = stage(after.stageId);
    return s ? `${s.label}, ${s.title}, with ${describeOwners(s.owners)}` : after.stageId;
  };
  for (const event of events) {
    switch (event.type) {
      case 'ChallengeRaised':
        return `You raised a challenge on case ${after.caseReference}. It is at ${where()}.`;
      case 'Escalated':
        return `You escalated case ${after.caseReference} to ${entered ? label(entered.data.stageId) : 'the next stage'}. It is now at ${where()}.`;
      case 'Resolved':
        return `You resolved case ${after.caseReference} at ${label(event.data.stageId)}.`;
      case 'StageOutcomeRecorded':
        return `You recorded the outcome of ${label(event.data.stageId)}.`;
      case 'Paused':
        return `You paused case ${after.caseReference}.`;
      case 'Resumed':
        return `You resumed case ${after.caseReference}.`;
      case 'ExtensionRequested':
        return 'You asked for more time; the other side has been asked to agree.';
      case 'ExtensionAgreed':
        return 'You agreed more time.';
      case 'ExtensionDeclined':
        return 'You declined the request for more time.';
      case 'HandedOver':
        return `You handed your role over to ${event.data.to.name}.`;
      case 'MeetingRecorded':
        return `You recorded the meeting of ${event.data.date}.`;
      case 'PartnershipNotified':
        return `You sent ${procedure.forms.find((f) => f.id === event.data.formId)?.title ?? 'the form'} to the partnership.`;
      case 'LogIdAssigned':
        return `You gave case ${after.caseReference} the log ID ${event.data.logId}.`;
      default:
        break;
    }
  }
  return 'Done.';
}
