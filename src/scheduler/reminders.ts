/**
 * Which reminders are due for a challenge at `now`, and when the next one could be: the
 * procedure's reminder policy applied to the deadline of the stage the challenge is at.
 * - dueSoon: to the stage owners, `remindWorkingDaysBefore` working days before the deadline
 *   (not when the stage started that day or later: its stage card has just told them);
 * - overdue: to the owners when the deadline passes, then every `nagEveryWorkingDays` working
 *   days while it stays overdue (only the latest nag: a missed one is not sent late);
 * - escalationOffer: after `copyNextLevelAfterOverdueWorkingDays` overdue working days, to the
 *   owners of the next stage who do not own this one;
 * - raiserOverdue: the raiser, once per deadline, unless they own the stage (then they are nagged).
 * Only reachable people are sent to. Paused and resolved challenges get nothing. Pure.
 */
import { londonDate, londonInstant, type WorkingCalendar } from '../calendar';
import { nextStage, stageOf } from '../procedures/lookup';
import type { Procedure, ReminderPolicy } from '../procedures/schema';
import { isReachable, peopleIn } from '../workflow/roles';
import type { Challenge, PersonRef, ReminderLevel, StageRecord } from '../workflow/types';
import { reminderKey } from './reminder-key';
import { isSendable, nextSendable } from './window';

export interface ReminderContext {
  challenge: Challenge;
  procedure: Procedure;
  calendar: WorkingCalendar;
  now: Date;
  /** Keys already sent; defaults to the challenge's own `reminderKeys`. */
  sent?: readonly string[];
}

export interface PlannedReminder {
  key: string;
  challengeId: string;
  caseReference: string;
  stageId: string;
  deadlineVersion: number;
  deadline: string;
  level: ReminderLevel;
  occurrence: number;
  /** Reachable recipients. */
  to: PersonRef[];
  /** Recipients the bot cannot reach (external, or without the app): for the shell to report. */
  unreachable: PersonRef[];
  /** Whole working days past the deadline day at `now` (0 on the day itself, -1 before the deadline). */
  workingDaysOverdue: number;
  /** The earliest instant it may be sent. */
  dueFrom: Date;
  /** After this it is no longer worth sending (a "due soon" once overdue, a nag once the next is due). */
  until?: Date;
}

/** The reminders to send now, given what has been sent. */
export function planReminders(context: ReminderContext): PlannedReminder[] {
  const { now, calendar, procedure } = context;
  if (!isSendable(now, calendar, procedure.reminders.window)) return [];
  const sent = new Set(context.sent ?? context.challenge.reminderKeys);
  return candidates(context).filter(
    (r) => !sent.has(r.key) && r.dueFrom <= now && (r.until === undefined || now < r.until),
  );
}

/**
 * The earliest instant at which a reminder could become due, assuming nothing else happens:
 * `now` (or the next window) when one is due and unsent. Undefined when nothing is to come.
 * Waking early is harmless: a tick then finds nothing and moves the wake on.
 */
export function nextWakeAt(context: ReminderContext): Date | undefined {
  const { now, calendar, procedure } = context;
  const sent = new Set(context.sent ?? context.challenge.reminderKeys);
  let earliest: Date | undefined;
  for (const r of candidates(context)) {
    if (sent.has(r.key)) continue;
    const at = nextSendable(r.dueFrom > now ? r.dueFrom : now, calendar, procedure.reminders.window);
    if (r.until !== undefined && at >= r.until) continue;
    if (!earliest || at < earliest) earliest = at;
  }
  return earliest;
}

/** The stage record in force: the last entered, which is the stage the challenge is at. */
function recordInForce(challenge: Challenge): StageRecord | undefined {
  const record = challenge.stages[challenge.stages.length - 1];
  return record?.stageId === challenge.stageId ? record : undefined;
}

/** Every reminder that matters around `now` for the deadline in force, sent or not, with recipients. */
function candidates({ challenge, procedure, calendar, now }: ReminderContext): PlannedReminder[] {
  const record = recordInForce(challenge);
  if (challenge.status !== 'open' || !record?.deadline) return [];
  const policy: ReminderPolicy = procedure.reminders;
  const deadline = new Date(record.deadline);
  const deadlineDay = londonDate(deadline);
  const opening = (workingDaysAfter: number): Date =>
    londonInstant(calendar.addWorkingDays(deadlineDay, workingDaysAfter), policy.window.from);
  const overdueDays = now >= deadline ? calendar.workingDaysBetween(deadlineDay, londonDate(now)) : -1;

  const stage = stageOf(procedure, challenge.stageId);
  const owners = peopleIn(challenge.participants, stage.owners);
  const ownerIds = new Set(owners.map((p) => p.id));
  const next = nextStage(procedure, stage.id);
  const nextLevel = next ? peopleIn(challenge.participants, next.owners).filter((p) => !ownerIds.has(p.id)) : [];
  // The raiser now: whoever holds the role after a hand-over (LEE-7), as the workflow's feedback does.
  const holders = challenge.participants['raising.practitioner'] ?? [];
  const raisers = holders.length > 0 ? holders : [challenge.raisedBy];
  const raiser = policy.tellRaiserWhenOverdue ? raisers.filter((p) => !ownerIds.has(p.id)) : [];

  const make = (
    level: ReminderLevel,
    occurrence: number,
    people: PersonRef[],
    dueFrom: Date,
    until?: Date,
  ): PlannedReminder => ({
    key: reminderKey({
      challengeId: challenge.id,
      stageId: stage.id,
      deadlineVersion: record.deadlineVersion,
      level,
      occurrence,
    }),
    challengeId: challenge.id,
    caseReference: challenge.caseReference,
    stageId: stage.id,
    deadlineVersion: record.deadlineVersion,
    deadline: record.deadline as string,
    level,
    occurrence,
    to: people.filter(isReachable),
    unreachable: people.filter((p) => !isReachable(p)),
    workingDaysOverdue: overdueDays,
    dueFrom,
    ...(until ? { until } : {}),
  });

  const found: PlannedReminder[] = [];
  const soonDay =
    policy.remindWorkingDaysBefore === 0
      ? calendar.previousWorkingDay(deadlineDay)
      : calendar.addWorkingDays(deadlineDay, -policy.remindWorkingDaysBefore);
  if (londonDate(new Date(record.startedAt)) < soonDay) {
    found.push(make('dueSoon', 0, owners, londonInstant(soonDay, policy.window.from), deadline));
  }

  // The nag in force now (or the first, before the deadline) and the one after it, for the wake.
  const nag = policy.nagEveryWorkingDays;
  const current = overdueDays < 0 ? 0 : Math.floor(overdueDays / nag);
  const nagFrom = (k: number): Date => (k === 0 ? deadline : opening(k * nag));
  found.push(make('overdue', current, owners, nagFrom(current), nagFrom(current + 1)));
  found.push(make('overdue', current + 1, owners, nagFrom(current + 1), nagFrom(current + 2)));

  found.push(make('raiserOverdue', 0, raiser, deadline));
  if (next) {
    found.push(make('escalationOffer', 0, nextLevel, opening(policy.copyNextLevelAfterOverdueWorkingDays)));
  }
  return found.filter((r) => r.to.length > 0);
}
