/**
 * A month of a challenge's life through the real bot: the clock moved day by day (and within
 * the day) over a bank holiday and a clock change, the scheduler ticked at each step, and
 * every reminder, nag, escalation offer and digest the channel received kept as a line
 * "Tue 16 Mar 17:30 Uma Shah: Stage 1 is overdue", so a test can assert them exactly.
 */
import {
  addCalendarDays,
  londonDate,
  londonInstant,
  londonTime,
  type LocalDate,
  type WorkingCalendar,
} from '../../../src/calendar';
import { createScheduler, type Scheduler } from '../../../src/functions/scheduler';
import { createSchedulerDeps } from '../../../src/functions/scheduler-deps';
import { calendarOf } from '../../../src/workflow';
import type { Procedure } from '../../../src/procedures/schema';
import type { Harness } from '../../support/bot-harness';
import type { RecordedActivity } from '../../support/fake-channel';
import { cardOf, type Card } from '../bot/support';

/** Working days: before the window, the digest, the window's opening, mid-morning, noon, late afternoon, after it. */
export const WORKING_DAY_TIMES = ['07:00', '07:45', '08:00', '10:00', '12:00', '17:30', '18:30'] as const;
/** Weekends and bank holidays: nothing may go out, so two looks are enough. */
export const CLOSED_DAY_TIMES = ['08:00', '12:00'] as const;

export interface Received {
  /** The instant of the tick that sent it. */
  at: string;
  /** London day, 'YYYY-MM-DD'. */
  day: LocalDate;
  /** London time, 'HH:MM'. */
  time: string;
  name: string;
  kind: 'reminder' | 'digest';
  text: string;
  card: Card;
}

/** What a person said or did at a step, after the clock moved and before the tick. */
export type Step = (at: { day: LocalDate; time: string; received: readonly Received[] }) => Promise<void>;

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });

/** 'Tue 16 Mar 17:30 Uma Shah: Stage 1 is overdue'. */
export function line(r: Pick<Received, 'day' | 'time' | 'name' | 'text'>): string {
  const [weekday, dayMonth] = [
    WEEKDAY.formatToParts(new Date(`${r.day}T12:00:00Z`)).find((p) => p.type === 'weekday')?.value,
    WEEKDAY.formatToParts(new Date(`${r.day}T12:00:00Z`))
      .filter((p) => p.type === 'day' || p.type === 'month')
      .map((p) => p.value)
      .join(' '),
  ];
  return `${weekday} ${dayMonth} ${r.time} ${r.name}: ${r.text}`;
}

const personalId = (conversationId: string) => /^a:personal-(.+)$/.exec(conversationId)?.[1];

/** A reminder's headline, or the digest's sections ("digest: Awaiting your action, Overdue"). */
function describe(card: Card): { kind: Received['kind']; text: string } | undefined {
  const first = card.body?.[0];
  if (typeof first?.text === 'string' && first.text.startsWith('Professional challenges:')) {
    const headings = JSON.stringify(card)
      .match(/"text":"([A-Z][a-z ]+) \(\d+\)"/g)
      ?.map((m) => m.replace(/^"text":"/, '').replace(/ \(\d+\)"$/, ''));
    return { kind: 'digest', text: `digest: ${(headings ?? []).join(', ')}` };
  }
  const headline = first?.type === 'Container' ? first.items?.[0]?.text : undefined;
  if (typeof headline === 'string' && /due|overdue|next level/.test(headline))
    return { kind: 'reminder', text: headline };
  return undefined;
}

/** The reminders and digests among what the channel received, by the name of the person they went to. */
export function remindersAndDigests(h: Harness, sent: readonly RecordedActivity[], at: Date): Received[] {
  const [day, time] = [londonDate(at), londonTime(at)];
  const found: Received[] = [];
  for (const r of sent) {
    const id = personalId(r.conversationId);
    const card = cardOf(r.activity);
    if (!id || !card || r.kind === 'update') continue;
    const what = describe(card);
    if (!what) continue;
    const name = h.directory.people.find((p) => p.id === id)?.name ?? id;
    found.push({ at: at.toISOString(), day, time, name, card, ...what });
  }
  return found;
}

export interface MonthRun {
  received: Received[];
  /** Every tick's report, with the London step it ran at. */
  ticks: { day: LocalDate; time: string; report: Awaited<ReturnType<Scheduler['tick']>> }[];
}

/**
 * Moves the clock from `from` to `to` (London days, inclusive), at each step running the
 * test's step (presses) and then one scheduler tick, and collects what the ticks sent.
 */
export async function runMonth(
  h: Harness,
  procedure: Procedure,
  options: { from: LocalDate; to: LocalDate; step?: Step },
): Promise<MonthRun> {
  const scheduler = createScheduler(
    createSchedulerDeps({ stores: h.app.stores, messenger: h.app.messenger, clock: h.clock }),
    h.clock,
  );
  const calendar = calendarOf(procedure);
  const run: MonthRun = { received: [], ticks: [] };
  for (let day = options.from; day <= options.to; day = addCalendarDays(day, 1)) {
    const times = calendar.isWorkingDay(day) ? WORKING_DAY_TIMES : CLOSED_DAY_TIMES;
    for (const time of times) {
      const at = londonInstant(day, time);
      if (at < h.clock.now()) continue;
      h.clock.set(at);
      await options.step?.({ day, time, received: run.received });
      h.channel.clear();
      const report = await scheduler.tick();
      run.ticks.push({ day, time, report });
      run.received.push(...remindersAndDigests(h, h.channel.received, at));
    }
  }
  return run;
}

/** The London days from `from` to `to` inclusive that are working days in `calendar`. */
export function workingDaysFrom(calendar: WorkingCalendar, from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) if (calendar.isWorkingDay(day)) days.push(day);
  return days;
}
