/**
 * Records that do not move the challenge: handing a role over (LEE-7), meetings (LEE-12,
 * DAR-3, DUR-5), partnership notification forms (LEE-3, LEE-11), the log ID (DAR-6) and the
 * scheduler's reminders. Pure.
 */
import { isLocalDate } from '../calendar';
import { blankFields, eventBase, type DecideContext, type Verdict } from './context';
import { formProblems, keptValues } from './forms';
import { openNotifications, recordableNotifications } from './notifications';
import { refusal } from './refusal';
import { describeActor, describeRole, rolesOf, sideOf } from './roles';
import { currentStage, findForm } from './stages';
import type { Command } from './types';

type Of<T extends Command['type']> = DecideContext<Extract<Command, { type: T }>>;

export function decideHandOver({ challenge, command, envelope, now }: Of<'handOver'>): Verdict {
  const { role, from, to } = command;
  const holders = challenge.participants[role] ?? [];
  if (!holders.some((p) => p.id === from)) {
    return refusal('invalid', `That person is not ${describeRole(role)} on this challenge.`);
  }
  const problems = blankFields({ 'Who takes it over': to.id, 'Their name': to.name });
  if (to.id === from) problems.push('hand it over to someone else');
  if (problems.length > 0) return refusal('invalid', `Please check: ${problems.join('; ')}.`);
  const actorSides = rolesOf(challenge, envelope.actor.id).map(sideOf);
  if (!actorSides.includes(sideOf(role))) {
    return refusal(
      'notOwner',
      `The role of ${describeRole(role)} is handed over by someone on the ${sideOf(role)} side; ${describeActor(challenge, envelope.actor.id)}.`,
    );
  }
  return [{ ...eventBase(envelope, now), type: 'HandedOver', data: { role, from, to: structuredClone(to) } }];
}

export function decideRecordMeeting({ procedure, challenge, command, envelope, now }: Of<'recordMeeting'>): Verdict {
  const problems = blankFields({ 'What was decided': command.outcome });
  if (!isLocalDate(command.date)) problems.push('give the date of the meeting');
  if (!Array.isArray(command.attendees) || command.attendees.filter((a) => a.trim() !== '').length === 0) {
    problems.push('say who attended');
  }
  if (typeof command.familyAttended !== 'boolean') problems.push('say whether the family attended');
  if (problems.length > 0) return refusal('invalid', `Please check: ${problems.join('; ')}.`);
  return [
    {
      ...eventBase(envelope, now),
      type: 'MeetingRecorded',
      data: {
        date: command.date,
        attendees: command.attendees.filter((a) => a.trim() !== ''),
        familyAttended: command.familyAttended,
        outcome: command.outcome,
        actions: command.actions ?? '',
        recordedBy: envelope.actor.id,
        stageId: currentStage(procedure, challenge).id,
      },
    },
  ];
}

export function decideRecordNotification({
  procedure,
  challenge,
  command,
  envelope,
  now,
}: Of<'recordNotification'>): Verdict {
  const due = openNotifications(procedure, challenge).find((o) => o.notification.form === command.formId);
  const form = findForm(procedure, command.formId);
  if (!due || !form) return refusal('invalid', 'That form is not one this challenge sends to the partnership.');
  const mine = recordableNotifications(procedure, challenge, envelope.actor.id).some(
    (o) => o.notification.form === command.formId,
  );
  if (!mine)
    return refusal('notOwner', `${form.title} is not yours to send; ${describeActor(challenge, envelope.actor.id)}.`);
  const problems = formProblems(form, command.values, rolesOf(challenge, envelope.actor.id));
  if (problems.length > 0) return refusal('invalid', `Please check: ${problems.join('; ')}.`);
  const base = eventBase(envelope, now);
  return [
    {
      ...base,
      type: 'PartnershipNotified',
      data: {
        formId: form.id,
        stageId: due.stageId,
        values: keptValues(form, command.values),
        recordedBy: envelope.actor.id,
        recordedAt: base.at,
      },
    },
  ];
}

export function decideAssignLogId({ command, envelope, now }: Of<'assignLogId'>): Verdict {
  const blank = blankFields({ 'Log ID': command.logId });
  if (blank.length > 0) return refusal('invalid', `Please check: ${blank.join('; ')}.`);
  return [{ ...eventBase(envelope, now), type: 'LogIdAssigned', data: { logId: command.logId.trim() } }];
}

/** Idempotent per reminder key: a reminder already sent gives no event. */
export function decideRecordReminder({ challenge, command, envelope, now }: Of<'recordReminder'>): Verdict {
  const blank = blankFields({ 'Reminder key': command.reminderKey });
  if (blank.length > 0) return refusal('invalid', `Please check: ${blank.join('; ')}.`);
  if (challenge.reminderKeys.includes(command.reminderKey)) return [];
  return [
    {
      ...eventBase(envelope, now),
      type: 'ReminderSent',
      data: { reminderKey: command.reminderKey, level: command.level, to: [...command.to] },
    },
  ];
}
