/** What the scheduler sends and when: reminders, nags, escalation offers and the daily digest. Pure. */
export { reminderKey, digestKey, type ReminderId } from './reminder-key';
export { isSendable, nextSendable, type SendWindow } from './window';
export { planReminders, nextWakeAt, type PlannedReminder, type ReminderContext } from './reminders';
export {
  planDigest,
  digestRecipients,
  isDigestTime,
  DIGEST_SECTIONS,
  DIGEST_TIME,
  DIGEST_LATEST,
  type DigestEntry,
  type DigestPlan,
  type DigestSection,
} from './digest';
export { challengeWakeAt } from './wake';
export { isPurgeDue, purgeDay } from './retention';
