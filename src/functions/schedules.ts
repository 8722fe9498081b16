/**
 * The Functions timers' NCRONTAB schedules (UTC: some plans ignore WEBSITE_TIME_ZONE). The
 * digest runs at 06:30 and 07:30 UTC on weekdays, which is 07:30 London in summer and in
 * winter; the code keeps the run in the London window and sends once per person per day.
 */
export const SCHEDULES = {
  reminders: '0 */15 * * * *',
  digest: '0 30 6,7 * * 1-5',
  reconcile: '0 10 2 * * *',
} as const;
