/**
 * England and Wales bank holidays, from the maintained `date-holidays` data (never a
 * hand-typed list). Pure: the per-year cache only memoises what the data always gives.
 */
import Holidays from 'date-holidays';
import { isWeekend, toEpochDay, type LocalDate } from './local-date';

interface YearOfHolidays {
  dates: ReadonlySet<LocalDate>;
  epochDays: ReadonlySet<number>;
}

let englandAndWales: Holidays | undefined;
const byYear = new Map<number, YearOfHolidays>();

function load(year: number): YearOfHolidays {
  const cached = byYear.get(year);
  if (cached) return cached;
  englandAndWales ??= new Holidays('GB', 'ENG', { types: ['public'] });
  const dates = englandAndWales
    .getHolidays(year)
    // `date` is the local day; `start` is an instant, the previous UTC day in summer time.
    .map((h) => h.date.slice(0, 10))
    // The data also lists the weekend day a substitute day replaces: only the substitute is off.
    .filter((d) => !isWeekend(d));
  const entry = { dates: new Set(dates), epochDays: new Set(dates.map(toEpochDay)) };
  byYear.set(year, entry);
  return entry;
}

/** The England and Wales bank holidays of one year, Monday to Friday only. */
export function bankHolidays(year: number): ReadonlySet<LocalDate> {
  return load(year).dates;
}

/** The same, as days since 1970-01-01 (for the working-day loops). */
export function bankHolidayEpochDays(year: number): ReadonlySet<number> {
  return load(year).epochDays;
}

export function isBankHoliday(d: LocalDate): boolean {
  return load(Number(d.slice(0, 4))).dates.has(d);
}
