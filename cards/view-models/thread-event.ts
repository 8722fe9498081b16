/**
 * One reply in a challenge's channel thread per event (thread-event.json): what happened, at
 * which stage, who and when. Reasons, outcomes and anything about the child or adult stay out
 * of the channel: they are on the cards of the people on the challenge. Pure.
 */
import type { Procedure } from '../../src/procedures/schema';
import type { Challenge, ChallengeEvent, ReminderLevel } from '../../src/workflow/types';
import { formatDay, formatInstant, formatWhen } from './format';
import { peopleOnChallenge } from './people';
import { roleInWords } from './wording';

const WITHHELD = 'Details are on the card of each person on the challenge.';

const REMINDER: Record<ReminderLevel, string> = {
  dueSoon: 'Reminder sent to the owners: the deadline is near',
  overdue: 'Reminder sent to the owners: the deadline has passed',
  escalationOffer: 'The next level was told it is overdue and offered escalation',
  raiserOverdue: 'The raiser was told it is overdue',
};

function stageLabel(procedure: Procedure, stageId: string): string {
  return procedure.stages.find((s) => s.id === stageId)?.label ?? stageId;
}

/** The sentence for one event; `who` is "Jane Smith (Head of Service)". */
function sentence(procedure: Procedure, event: ChallengeEvent, who: string): [text: string, note: string] {
  switch (event.type) {
    case 'ChallengeRaised':
      return [`Challenge raised by ${who}`, ''];
    case 'StageEntered': {
      const stage = procedure.stages.find((s) => s.id === event.data.stageId);
      const due = event.data.deadline ? `, due ${formatInstant(event.data.deadline)}` : '';
      return [`Now at ${stage?.label ?? event.data.stageId}: ${stage?.title ?? ''}${due}`, ''];
    }
    case 'StageOutcomeRecorded':
      return [`${stageLabel(procedure, event.data.stageId)} outcome recorded by ${who}`, WITHHELD];
    case 'Escalated': {
      const route = event.data.route === 'immediate' ? ' by the immediate route' : '';
      return [
        `Escalated to ${stageLabel(procedure, event.data.to)}${route} by ${who}: reason withheld, open the card`,
        '',
      ];
    }
    case 'Resolved':
      return [`Resolved at ${stageLabel(procedure, event.data.stageId)} by ${who}`, WITHHELD];
    case 'Paused':
      return [`Paused by ${who}${procedure.pauseStopsClock ? ': the clock is stopped' : ''}`, WITHHELD];
    case 'Resumed':
      return [`Resumed by ${who}${event.data.deadline ? `, now due ${formatInstant(event.data.deadline)}` : ''}`, ''];
    case 'ExtensionRequested':
      return [`${who} asked for more time, until ${formatWhen(event.data.until)}`, WITHHELD];
    case 'ExtensionAgreed':
      return [`More time agreed by ${who}: now due ${formatWhen(event.data.until)}`, ''];
    case 'ExtensionDeclined':
      return [`More time declined by ${who}`, WITHHELD];
    case 'HandedOver':
      return [`${who} handed over as ${roleInWords(event.data.role)} to ${event.data.to.name}`, ''];
    case 'MeetingRecorded':
      return [`Meeting of ${formatDay(event.data.date)} recorded by ${who}`, WITHHELD];
    case 'PartnershipNotified': {
      const form = procedure.forms.find((f) => f.id === event.data.formId);
      return [`${form?.document ?? form?.title ?? 'Partnership form'} sent to the partnership by ${who}`, ''];
    }
    case 'LogIdAssigned':
      return [`Log ID ${event.data.logId} assigned by ${who}`, ''];
    case 'ReminderSent':
      return [REMINDER[event.data.level], ''];
  }
}

export function toThreadEventCardData(procedure: Procedure, challenge: Challenge, event: ChallengeEvent) {
  const person = peopleOnChallenge(challenge).find((p) => p.id === event.by.id);
  const who = person?.role ? `${event.by.name} (${person.role})` : event.by.name;
  const [text, note] = sentence(procedure, event, who);
  return { caseReference: challenge.caseReference, text, when: formatInstant(event.at), note };
}
export type ThreadEventCardData = ReturnType<typeof toThreadEventCardData>;
