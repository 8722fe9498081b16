/**
 * A parsed card action as the workflow's Command, where the mapping is 1:1. Pure.
 * `raise` and `handOver` need people resolved from the directory, and `refresh`, `open` and
 * `changeProcedure` only ask for a card: for those the answer is null and the bot builds the rest.
 * Form values (recordOutcome, recordNotification) pass through as sent: check them with
 * coerceFormValues(form, values) first.
 */
import type { Command } from '../src/workflow/types';
import type { CardAction } from './verbs';

export function commandFromAction(action: CardAction): Command | null {
  switch (action.verb) {
    case 'recordOutcome':
      return { type: 'recordOutcome', values: action.values };
    case 'escalate':
      return {
        type: 'escalate',
        reason: action.reason,
        ...(action.to ? { to: action.to } : {}),
        ...(action.route ? { route: action.route } : {}),
      };
    case 'resolve':
      return { type: 'resolve', agreedOutcome: action.agreedOutcome, outstandingIssues: action.outstandingIssues };
    case 'requestExtension':
      return { type: 'requestExtension', until: action.until, reason: action.reason };
    case 'agreeExtension':
      return { type: 'agreeExtension' };
    case 'declineExtension':
      return { type: 'declineExtension', reason: action.reason };
    case 'pause':
      return { type: 'pause', reason: action.reason };
    case 'resume':
      return { type: 'resume' };
    case 'recordMeeting':
      return {
        type: 'recordMeeting',
        date: action.date,
        attendees: action.attendees,
        familyAttended: action.familyAttended,
        outcome: action.outcome,
        actions: action.actions,
      };
    case 'recordNotification':
      return { type: 'recordNotification', formId: action.formId, values: action.values };
    case 'assignLogId':
      return { type: 'assignLogId', logId: action.logId };
    case 'raise':
    case 'handOver':
    case 'changeProcedure':
    case 'refresh':
    case 'open':
      return null;
  }
}
