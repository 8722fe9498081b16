/**
 * The leads' daily digest: at 07:30 Europe/London on working days, each person with something
 * to see gets one card of what is due today, overdue, new, awaiting their action and resolved
 * since the last working day. Cases are named by their case reference only. Pure.
 */
import {
  addCalendarDays,
  londonDate,
  londonInstant,
  londonTime,
  type LocalDate,
  type WorkingCalendar,
} from '../calendar';
import type { Procedure } from '../procedures/schema';
import { isReachable, roleNameOf, rolesOf } from '../workflow/roles';
import type { Challenge, PersonRef } from '../workflow/types';

/** The Functions cron runs in UTC: the code keeps only runs from 07:30 London (late runs until 10:00). */
export const DIGEST_TIME = '07:30';
export const DIGEST_LATEST = '10:00';

/** The sections, most urgent first: a case is listed once, under the first that fits it. */
export const DIGEST_SECTIONS = ['overdue', 'dueToday', 'awaitingYou', 'new', 'resolvedYesterday'] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

export interface DigestEntry {
  procedure: Procedure;
  challenge: Challenge;
  /** The person owns its current stage: said on the line, whichever section it is in. */
  awaitingYou?: boolean;
}

export interface DigestPlan {
  person: PersonRef;
  /** The London day the digest is for. */
  day: LocalDate;
  sections: Partial<Record<DigestSection, DigestEntry[]>>;
}

/** Whether `now` is when the day's digest goes out (a working day, 07:30 to 10:00 London). */
export function isDigestTime(now: Date, calendar: WorkingCalendar): boolean {
  const time = londonTime(now);
  return calendar.isWorkingDay(londonDate(now)) && time >= DIGEST_TIME && time < DIGEST_LATEST;
}

function ownsCurrentStage(entry: DigestEntry, personId: string): boolean {
  const stage = entry.procedure.stages.find((s) => s.id === entry.challenge.stageId);
  return !!stage && rolesOf(entry.challenge, personId).some((r) => stage.owners.includes(r));
}

/** Whether the person sees this challenge in a digest: a non-practitioner role on it, or they own its stage. */
function concerns(entry: DigestEntry, personId: string): boolean {
  const roles = rolesOf(entry.challenge, personId);
  return (
    roles.some((r) => roleNameOf(r) !== 'practitioner') ||
    (entry.challenge.status !== 'resolved' && ownsCurrentStage(entry, personId))
  );
}

/** Everyone who might get a digest: people on the challenges, each once, reachable by the bot. */
export function digestRecipients(entries: readonly DigestEntry[]): PersonRef[] {
  const found = new Map<string, PersonRef>();
  for (const entry of entries) {
    for (const people of Object.values(entry.challenge.participants)) {
      for (const person of people ?? []) {
        if (!found.has(person.id) && isReachable(person) && concerns(entry, person.id)) found.set(person.id, person);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function deadlineOf(challenge: Challenge): Date | undefined {
  const record = challenge.stages[challenge.stages.length - 1];
  return record?.stageId === challenge.stageId && record.deadline ? new Date(record.deadline) : undefined;
}

/** The person's digest, or undefined when they have nothing to see. */
export function planDigest(
  person: PersonRef,
  entries: readonly DigestEntry[],
  now: Date,
  calendar: WorkingCalendar,
): DigestPlan | undefined {
  const day = londonDate(now);
  const startOfToday = londonInstant(day, '00:00');
  // "Since the last working day": from the start of the working day before today (Friday, on a Monday).
  const since = londonInstant(calendar.previousWorkingDay(addCalendarDays(day, -1)), '00:00');
  const sections: Record<DigestSection, DigestEntry[]> = {
    awaitingYou: [],
    overdue: [],
    dueToday: [],
    new: [],
    resolvedYesterday: [],
  };

  for (const entry of entries) {
    if (!concerns(entry, person.id)) continue;
    const { challenge } = entry;
    const raisedAt = new Date(challenge.raisedAt);
    const resolvedAt = challenge.resolution ? new Date(challenge.resolution.resolvedAt) : undefined;
    const deadline = challenge.status === 'open' ? deadlineOf(challenge) : undefined;
    const awaitingYou = challenge.status === 'open' && ownsCurrentStage(entry, person.id);
    const fits: Record<DigestSection, boolean> = {
      overdue: Boolean(deadline && deadline <= now),
      dueToday: Boolean(deadline && deadline > now && londonDate(deadline) === day),
      awaitingYou,
      new: raisedAt >= since && raisedAt < now,
      resolvedYesterday:
        challenge.status === 'resolved' && Boolean(resolvedAt && resolvedAt >= since && resolvedAt < startOfToday),
    };
    const section = DIGEST_SECTIONS.find((k) => fits[k]);
    if (section) sections[section].push(awaitingYou ? { ...entry, awaitingYou } : entry);
  }

  const kept = Object.fromEntries(
    DIGEST_SECTIONS.filter((k) => sections[k].length > 0).map((k) => [k, sections[k].sort(byDeadlineThenCase)]),
  ) as DigestPlan['sections'];
  return Object.keys(kept).length > 0 ? { person, day, sections: kept } : undefined;
}

function byDeadlineThenCase(a: DigestEntry, b: DigestEntry): number {
  const da = deadlineOf(a.challenge)?.getTime() ?? Infinity;
  const db = deadlineOf(b.challenge)?.getTime() ?? Infinity;
  if (da !== db) return da < db ? -1 : 1;
  return a.challenge.caseReference.localeCompare(b.challenge.caseReference);
}
