/**
 * A reminder's identity: one key per (challenge, stage, deadline version, level, occurrence).
 * An extension or a pause and resume bumps the deadline version, so reminders start afresh;
 * the same key is never sent twice. Pure.
 */
import type { ReminderLevel } from '../workflow/types';

export interface ReminderId {
  challengeId: string;
  stageId: string;
  deadlineVersion: number;
  level: ReminderLevel;
  /** 0 for one-off levels; the nag's number (0 on the deadline, 1 the next nag day...) for `overdue`. */
  occurrence: number;
}

export function reminderKey(id: ReminderId): string {
  return `reminder|${id.challengeId}|${id.stageId}|v${id.deadlineVersion}|${id.level}|${id.occurrence}`;
}

/** The daily digest's key: one per person per London day. */
export function digestKey(personId: string, day: string): string {
  return `digest|${day}|${personId}`;
}
