/**
 * Reporting periods: the quarters and years of the UK public sector's financial year
 * (1 April to 31 March), which partnerships report to their safeguarding partners in.
 * A quarter's id is "2026-Q3": Q3 of the year starting April 2026 (October to December 2026).
 * Boundaries are midnight Europe/London. Pure.
 */
import { londonDate, londonInstant } from '../calendar';

export interface Period {
  /** "2026-Q3" for a quarter, "2026" for a year. */
  id: string;
  /** "Q3 2026-27 (October to December 2026)". */
  label: string;
  from: Date;
  /** Exclusive. */
  to: Date;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const FIRST_MONTH = 4; // April

const yearLabel = (startYear: number) => `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;

function monthStart(year: number, month: number): Date {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return londonInstant(`${y}-${String(m).padStart(2, '0')}-01`, '00:00');
}

export const QuarterIdPattern = /^(\d{4})-Q([1-4])$/;

export function quarter(startYear: number, q: number): Period {
  const firstMonth = FIRST_MONTH + (q - 1) * 3;
  const lastMonth = firstMonth + 2;
  const calendarYear = (month: number) => startYear + Math.floor((month - 1) / 12);
  const monthName = (month: number) => MONTHS[(month - 1) % 12];
  const first = monthName(firstMonth);
  const last = monthName(lastMonth);
  const span =
    calendarYear(firstMonth) === calendarYear(lastMonth)
      ? `${first} to ${last} ${calendarYear(lastMonth)}`
      : `${first} ${calendarYear(firstMonth)} to ${last} ${calendarYear(lastMonth)}`;
  return {
    id: `${startYear}-Q${q}`,
    label: `Q${q} ${yearLabel(startYear)} (${span})`,
    from: monthStart(startYear, firstMonth),
    to: monthStart(startYear, lastMonth + 1),
  };
}

/** The quarter an id names, or undefined for anything else. */
export function quarterById(id: string): Period | undefined {
  const m = QuarterIdPattern.exec(id);
  return m ? quarter(Number(m[1]), Number(m[2])) : undefined;
}

/** The quarter `instant` falls in. */
export function quarterOf(instant: Date): Period {
  const [y, m] = londonDate(instant).split('-').map(Number) as [number, number];
  const startYear = m >= FIRST_MONTH ? y : y - 1;
  const q = Math.floor((((m - FIRST_MONTH + 12) % 12) as number) / 3) + 1;
  return quarter(startYear, q);
}

/** The financial year `instant` falls in. */
export function yearOf(instant: Date): Period {
  const q = quarterOf(instant);
  const startYear = Number(q.id.slice(0, 4));
  return {
    id: String(startYear),
    label: `${yearLabel(startYear)} (April ${startYear} to March ${startYear + 1})`,
    from: monthStart(startYear, FIRST_MONTH),
    to: monthStart(startYear + 1, FIRST_MONTH),
  };
}

/** Quarters from the one `first` falls in up to the one `last` falls in, newest first. */
export function quartersBetween(first: Date, last: Date): Period[] {
  const quarters: Period[] = [];
  let q = quarterOf(last);
  const stop = quarterOf(first).from.getTime();
  while (q.from.getTime() >= stop && quarters.length < 200) {
    quarters.push(q);
    q = quarterOf(new Date(q.from.getTime() - 1));
  }
  return quarters;
}
