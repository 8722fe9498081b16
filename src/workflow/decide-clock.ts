/**
 * The clock: pausing and resuming (LEE-7: the clock stops, the deadline moves by the
 * working days paused) and extensions (LEE-8: agreed by another owner, recorded). Pure.
 */
import {
  addCalendarDays,
  endOfWorkingDay,
  isLocalDate,
  londonDate,
  pausedWorkingDays,
  shiftDeadline,
} from '../calendar';
import { blankFields, eventBase, type DecideContext, type Verdict } from './context';
import { refusal } from './refusal';
import { currentRecord } from './stages';
import type { Command } from './types';

type Of<T extends Command['type']> = DecideContext<Extract<Command, { type: T }>>;

function calendarDaysBetween(from: Date, to: Date): number {
  let days = 0;
  for (let d = londonDate(from); d < londonDate(to); d = addCalendarDays(d, 1)) days++;
  return days;
}

export function decidePause({ command, envelope, now }: Of<'pause'>): Verdict {
  const blank = blankFields({ 'Why it is paused': command.reason });
  if (blank.length > 0) return refusal('invalid', `Please check: ${blank.join('; ')}.`);
  return [{ ...eventBase(envelope, now), type: 'Paused', data: { reason: command.reason } }];
}

export function decideResume({ procedure, challenge, envelope, now, calendar }: Of<'resume'>): Verdict {
  const pausedAt = new Date(challenge.pausedAt ?? now.toISOString());
  const pausedFor = {
    workingDays: pausedWorkingDays(pausedAt, now, calendar),
    calendarDays: calendarDaysBetween(pausedAt, now),
  };
  const deadline = currentRecord(challenge)?.deadline;
  const moves = procedure.pauseStopsClock && deadline !== undefined && pausedFor.workingDays > 0;
  return [
    {
      ...eventBase(envelope, now),
      type: 'Resumed',
      data: {
        pausedFor,
        clockStopped: procedure.pauseStopsClock,
        ...(moves
          ? {
              deadline: shiftDeadline(
                new Date(deadline),
                { workingDays: pausedFor.workingDays },
                calendar,
              ).toISOString(),
            }
          : {}),
      },
    },
  ];
}

export function decideRequestExtension({
  challenge,
  command,
  envelope,
  now,
  calendar,
}: Of<'requestExtension'>): Verdict {
  const problems = blankFields({ 'Why more time is needed': command.reason });
  if (!isLocalDate(command.until)) problems.push('give the new date as a date');
  if (problems.length > 0) return refusal('invalid', `Please check: ${problems.join('; ')}.`);
  const until = endOfWorkingDay(calendar.nextWorkingDay(command.until));
  if (until.getTime() <= now.getTime()) return refusal('invalid', 'The new date must be in the future.');
  if (until.toISOString() === currentRecord(challenge)?.deadline)
    return refusal('invalid', 'That is already the deadline.');
  return [
    {
      ...eventBase(envelope, now),
      type: 'ExtensionRequested',
      data: { until: until.toISOString(), reason: command.reason },
    },
  ];
}

export function decideAgreeExtension({ challenge, envelope, now }: Of<'agreeExtension'>): Verdict {
  const pending = challenge.pendingExtension;
  if (!pending) return refusal('notAllowed', 'No extension is waiting to be agreed.');
  return [
    {
      ...eventBase(envelope, now),
      type: 'ExtensionAgreed',
      data: {
        until: pending.until,
        reason: pending.reason,
        requestedBy: pending.requestedBy,
        agreedBy: envelope.actor.id,
      },
    },
  ];
}

export function decideDeclineExtension({ command, envelope, now }: Of<'declineExtension'>): Verdict {
  const blank = blankFields({ 'Why it is declined': command.reason });
  if (blank.length > 0) return refusal('invalid', `Please check: ${blank.join('; ')}.`);
  return [{ ...eventBase(envelope, now), type: 'ExtensionDeclined', data: { reason: command.reason } }];
}
