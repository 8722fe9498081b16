/**
 * Dates and times as people in England read them, one way everywhere: "Wed 16 Dec 2026, 5pm"
 * for an instant, "Wed 16 Dec 2026" for a day. The domain's messages and every card use these.
 * Pure: every instant is passed in; the zone is always Europe/London.
 */
import { dayOfWeek, isLocalDate } from './local-date';
import { londonDate, londonTime } from './london-time';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM-DD' as 'Wed 16 Dec 2026'. */
function dayText(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[dayOfWeek(day)]} ${date} ${MONTHS[month - 1]} ${year}`;
}

/** 'HH:MM' as '5pm' or '9:30am'. */
function clockText(hhmm: string): string {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 ? 'am' : 'pm';
  return minute === 0 ? `${h12}${suffix}` : `${h12}:${String(minute).padStart(2, '0')}${suffix}`;
}

/** An ISO instant as 'Wed 16 Dec 2026, 5pm' in Europe/London. */
export function formatInstant(iso: string | Date): string {
  const instant = new Date(iso);
  return `${dayText(londonDate(instant))}, ${clockText(londonTime(instant))}`;
}

/** An ISO instant or a 'YYYY-MM-DD' day as 'Wed 16 Dec 2026' (the day in Europe/London). */
export function formatDay(isoOrDay: string | Date): string {
  if (typeof isoOrDay === 'string' && isLocalDate(isoOrDay)) return dayText(isoOrDay);
  return dayText(londonDate(new Date(isoOrDay)));
}

/** A day ('YYYY-MM-DD') as a day, an instant as a day and time. */
export function formatWhen(dayOrInstant: string): string {
  return isLocalDate(dayOrInstant) ? formatDay(dayOrInstant) : formatInstant(dayOrInstant);
}
