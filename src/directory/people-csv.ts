/**
 * People from a CSV file (a header row, then one person a row: id,name,email,role,agencyId,
 * lineManagerId,phone,reach,homeTenantId), each row checked with the store's schema and named
 * by its line in the file. Pure: it is given the file's text.
 */
import { parse } from 'csv-parse/sync';
import { PersonSchema, type Person } from '../store/directory-schema';
import { checkRow, finishCheck, type DirectoryCheck, type KnownIds, type ReadRows } from './import-directory';

export const PEOPLE_COLUMNS = [
  'id',
  'name',
  'email',
  'role',
  'agencyId',
  'lineManagerId',
  'phone',
  'reach',
  'homeTenantId',
] as const;
const REQUIRED_COLUMNS = ['id', 'name', 'email', 'role', 'agencyId'];

interface Row {
  line: number;
  cells: Record<string, string>;
}

/** Records with the file line each starts on (a quoted cell may run over several lines). */
function readRows(text: string): { header: string[]; rows: Row[] } {
  const records = parse(text, {
    columns: (h: string[]) => h.map((c) => c.trim()),
    skip_empty_lines: true,
    trim: true,
    info: true,
    bom: true,
  }) as {
    record: Record<string, string>;
    info: { lines: number; columns: { name: string }[] | false };
  }[];
  const lines = text.split(/\r?\n/);
  const header = records[0]?.info.columns
    ? records[0].info.columns.map((c) => c.name)
    : (lines[0] ?? '').split(',').map((c) => c.trim());
  let previousEnd = 1; // the header's line
  const rows = records.map(({ record, info }) => {
    let start = previousEnd + 1;
    while (start < info.lines && (lines[start - 1] ?? '').trim() === '') start += 1;
    previousEnd = info.lines;
    return { line: start, cells: record };
  });
  return { header, rows };
}

/** The rows of a CSV of people, each through the person schema and named by its line. */
export function readPeopleCsv(text: string): ReadRows {
  const none = { partnerships: [], agencies: [], people: [] };
  const failed = (problems: string[]): ReadRows => ({ directory: none, where: none, problems });
  let read: ReturnType<typeof readRows>;
  try {
    read = readRows(text);
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return failed([`line ${e.lines ?? '?'}: ${e.message ?? String(error)}`]);
  }
  const problems: string[] = [];
  const unknown = read.header.filter((c) => !(PEOPLE_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED_COLUMNS.filter((c) => !read.header.includes(c));
  if (unknown.length)
    problems.push(
      `line 1: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (expected ${PEOPLE_COLUMNS.join(',')})`,
    );
  if (missing.length) problems.push(`line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (problems.length) return failed(problems);

  const people: Person[] = [];
  const where: string[] = [];
  for (const { line, cells } of read.rows) {
    // An empty cell is a value not given (no line manager, no phone).
    const row = Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== ''));
    const person = checkRow(PersonSchema, row, `line ${line}`, problems);
    if (person) {
      people.push(person);
      where.push(`line ${line}`);
    }
  }
  if (read.rows.length === 0) problems.push('the file has no people in it');
  return { directory: { ...none, people }, where: { ...none, people: where }, problems };
}

export function checkPeopleCsv(text: string, known?: KnownIds): DirectoryCheck {
  return finishCheck(readPeopleCsv(text), known);
}
