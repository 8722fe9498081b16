/**
 * The morning digest run: on a working day from 07:30 London (the Functions cron is UTC, so
 * the code decides), one card per person with something to see, once per person per day
 * (claimed like a reminder); a day marker makes every later run that day a single read. Shell.
 */
import { renderCard } from '../../cards/render';
import { toDigestCardData } from '../../cards/view-models/digest';
import { londonDate } from '../calendar';
import { digestKey, digestRecipients, isDigestTime, planDigest, type DigestEntry } from '../scheduler';
import { deliverOnce } from './deliver';
import type { Undelivered } from '../turn';
import { bankHolidayCalendar } from '../workflow/calendar-of';
import type { SchedulerDeps } from './scheduler-deps';

export interface DigestReport {
  at: string;
  ran: boolean;
  reason?: string;
  /** Person ids sent a digest by this run. */
  sentTo: string[];
  undelivered: Undelivered[];
}

const RUN_SCOPE = 'digest-runs';
/** Enough sends in flight to keep to the per-app rate (48 a second, outbound/rate-limiter.ts) at up to a second a send. */
const DIGEST_SENDS_AT_ONCE = 48;

/** `work` for each item, at most `limit` at a time. */
async function atMost<T>(limit: number, items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function runDigest(
  deps: Pick<SchedulerDeps, 'challenges' | 'claims' | 'messenger' | 'procedureOf' | 'onUndelivered' | 'logger'>,
  now: Date,
  options: { force?: boolean } = {},
): Promise<DigestReport> {
  const report: DigestReport = { at: now.toISOString(), ran: false, sentTo: [], undelivered: [] };
  // Bank holidays only: a lead's digest spans partnerships, so one partnership's closure days do not hold it.
  const calendar = bankHolidayCalendar();
  if (!options.force && !isDigestTime(now, calendar)) return { ...report, reason: 'not digest time' };
  const day = londonDate(now);
  if ((await deps.claims.outcome(RUN_SCOPE, day)) === 'sent') return { ...report, reason: 'already sent today' };

  const entries: DigestEntry[] = [];
  for await (const challenge of deps.challenges.snapshots()) {
    entries.push({ challenge, procedure: deps.procedureOf(challenge.procedureId) });
  }
  let complete = true;
  // Several people at once: the outbound queue keeps Teams' limits, so the run's pace is the
  // allowed rate rather than one send's round trip after another.
  await atMost(DIGEST_SENDS_AT_ONCE, digestRecipients(entries), async (person) => {
    const plan = planDigest(person, entries, now, calendar);
    if (!plan) return;
    const card = renderCard('digest', toDigestCardData({ day, now, sections: plan.sections }));
    const delivery = await deliverOnce(
      {
        claims: deps.claims,
        messenger: deps.messenger,
        ...(deps.onUndelivered ? { onUndelivered: deps.onUndelivered } : {}),
      },
      { scope: `digest|${day}`, key: digestKey(person.id, day), personIds: [person.id], card },
    );
    complete &&= delivery.complete;
    report.sentTo.push(...delivery.sentTo);
    report.undelivered.push(...delivery.undelivered);
  });
  if (complete) {
    const marker = await deps.claims.claim(RUN_SCOPE, day);
    if (marker.kind === 'claimed') await deps.claims.settle(marker.claim, 'sent');
  }
  deps.logger?.info('digest run', { day, sent: report.sentTo.length, complete });
  return { ...report, ran: true };
}
