/**
 * The partnership's challenge log (DAR-6: Darlington's Professional Challenge Log; every
 * partnership gets the same columns): one row per challenge with its log ID, dates raised
 * and resolved, agencies, area of disagreement, stage reached, stage resolved at, outcome
 * and working days overdue. Never the family name. Pure.
 */
import type { WorkingCalendar } from '../calendar';
import { latenessOf, logRecordedAt, stageLabel, type ReportEntry } from './entries';

export interface LogRow {
  challengeId: string;
  /** Given by the business unit (DAR-6); empty until then or where the partnership keeps no log IDs. */
  logId: string;
  /** When the log ID was given: DAR-6's "date recorded". */
  logRecordedAt: string;
  caseReference: string;
  raisedAt: string;
  resolvedAt: string;
  raisedByAgency: string;
  raisedWithAgency: string;
  areas: string[];
  stageReached: string;
  stageResolvedAt: string;
  status: 'Open' | 'Paused' | 'Resolved';
  outcome: string;
  /** Working days past a deadline, summed over the stages that ran late. */
  overdueWorkingDays: number;
  /** Whether the stage it is at now is past its deadline. */
  overdueNow: boolean;
}

const STATUS = { open: 'Open', paused: 'Paused', resolved: 'Resolved' } as const;

export function logRow(entry: ReportEntry, now: Date, calendar: WorkingCalendar): LogRow {
  const { procedure, challenge, events } = entry;
  const lateness = latenessOf(challenge, now, calendar);
  const current = challenge.stages.at(-1);
  return {
    challengeId: challenge.id,
    logId: challenge.logId ?? '',
    logRecordedAt: logRecordedAt(events) ?? '',
    caseReference: challenge.caseReference,
    raisedAt: challenge.raisedAt,
    resolvedAt: challenge.resolution?.resolvedAt ?? '',
    raisedByAgency: challenge.raisedBy.agency ?? '',
    raisedWithAgency: challenge.raisedWith.agency ?? '',
    areas: [...challenge.areas],
    stageReached: stageLabel(procedure, current?.stageId),
    stageResolvedAt: stageLabel(procedure, challenge.resolution?.stageId),
    status: STATUS[challenge.status],
    outcome: challenge.resolution?.agreedOutcome ?? '',
    overdueWorkingDays: lateness.reduce((sum, l) => sum + (l.missed ? l.workingDaysLate : 0), 0),
    overdueNow: lateness.some((l) => l.index === challenge.stages.length - 1 && l.missed && !current?.endedAt),
  };
}

/** The log, oldest challenge first. */
export function challengeLog(
  entries: readonly ReportEntry[],
  now: Date,
  calendarOf: (entry: ReportEntry) => WorkingCalendar,
): LogRow[] {
  return entries
    .map((entry) => logRow(entry, now, calendarOf(entry)))
    .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.caseReference.localeCompare(b.caseReference));
}

/** The log's CSV columns, in order, with their headings. */
export const LOG_COLUMNS: { key: keyof LogRow; heading: string }[] = [
  { key: 'logId', heading: 'Log ID' },
  { key: 'logRecordedAt', heading: 'Date recorded' },
  { key: 'caseReference', heading: 'Case reference' },
  { key: 'raisedAt', heading: 'Date raised' },
  { key: 'resolvedAt', heading: 'Date resolved' },
  { key: 'raisedByAgency', heading: 'Raised by (agency)' },
  { key: 'raisedWithAgency', heading: 'Raised with (agency)' },
  { key: 'areas', heading: 'Area of disagreement' },
  { key: 'stageReached', heading: 'Stage reached' },
  { key: 'stageResolvedAt', heading: 'Stage resolved at' },
  { key: 'status', heading: 'Status' },
  { key: 'outcome', heading: 'Outcome' },
  { key: 'overdueWorkingDays', heading: 'Working days overdue' },
];

/** A row as the CSV cells: dates as London days, areas joined with "; ". */
export function logCells(row: LogRow, day: (iso: string) => string): string[] {
  return LOG_COLUMNS.map(({ key }) => {
    const value = row[key];
    if (Array.isArray(value)) return value.join('; ');
    if (key === 'raisedAt' || key === 'resolvedAt' || key === 'logRecordedAt') return value ? day(String(value)) : '';
    return String(value);
  });
}
