/**
 * Dates as people in England read them, computed here so templates only bind strings.
 * Pure: every instant is passed in; the zone is always Europe/London.
 */
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

interface LocalTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

function inLondon(instant: Date): LocalTime {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The weekday of a civil date, independent of any zone. */
function weekday(year: number, month: number, day: number): string {
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
}

function dayText(t: Pick<LocalTime, 'year' | 'month' | 'day'>): string {
  return `${weekday(t.year, t.month, t.day)} ${t.day} ${MONTHS[t.month - 1]} ${t.year}`;
}

function clockText(hour: number, minute: number): string {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 ? 'am' : 'pm';
  return minute === 0 ? `${h12}${suffix}` : `${h12}:${String(minute).padStart(2, '0')}${suffix}`;
}

/** An ISO instant as 'Fri 8 Jan 2027, 5pm' in Europe/London. */
export function formatInstant(iso: string): string {
  const t = inLondon(new Date(iso));
  return `${dayText(t)}, ${clockText(t.hour, t.minute)}`;
}

/** An ISO instant or a 'YYYY-MM-DD' day as 'Fri 8 Jan 2027' (the day in Europe/London). */
export function formatDay(isoOrDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoOrDay);
  if (m) return dayText({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  return dayText(inLondon(new Date(isoOrDay)));
}

export interface DeadlineView {
  /** 'Fri 8 Jan 2027, 5pm', or the procedure's guidance when the stage has no fixed deadline. */
  text: string;
  overdue: boolean;
}

/** A stage deadline as seen at `now`; a paused or resolved challenge is never overdue. */
export function deadlineView(
  deadline: string | undefined,
  now: Date,
  live: boolean,
  noDeadline = 'No fixed deadline',
): DeadlineView {
  if (!deadline) return { text: noDeadline, overdue: false };
  return { text: formatInstant(deadline), overdue: live && new Date(deadline).getTime() < now.getTime() };
}

/** A day ('YYYY-MM-DD') as a day, an instant as a day and time. */
export function formatWhen(dayOrInstant: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(dayOrInstant) ? formatDay(dayOrInstant) : formatInstant(dayOrInstant);
}
