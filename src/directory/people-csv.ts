/**
 * People from a CSV file (a header row, then one person a row: id,name,email,role,agencyId,
 * lineManagerId,phone), each row checked with the store's schema and named by its line in
 * the file. Pure: it is given the file's text.
 */
import { parse } from 'csv-parse/sync';
import { PersonSchema, type Person } from '../store/directory-schema';
import { checkRow, crossReferenceProblems, type DirectoryCheck, type KnownIds } from './import-directory';

export const PEOPLE_COLUMNS = ['id', 'name', 'email', 'role', 'agencyId', 'lineManagerId', 'phone'] as const;
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

export function checkPeopleCsv(text: string, known?: KnownIds): DirectoryCheck {
  let read: ReturnType<typeof readRows>;
  try {
    read = readRows(text);
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return { ok: false, problems: [`line ${e.lines ?? '?'}: ${e.message ?? String(error)}`] };
  }
  const problems: string[] = [];
  const unknown = read.header.filter((c) => !(PEOPLE_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED_COLUMNS.filter((c) => !read.header.includes(c));
  if (unknown.length)
    problems.push(
      `line 1: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (expected ${PEOPLE_COLUMNS.join(',')})`,
    );
  if (missing.length) problems.push(`line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (problems.length) return { ok: false, problems };

  const people: Person[] = [];
  const lineOf: number[] = [];
  for (const { line, cells } of read.rows) {
    // An empty cell is a value not given (no line manager, no phone).
    const row = Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== ''));
    const person = checkRow(PersonSchema, row, `line ${line}`, problems);
    if (person) {
      people.push(person);
      lineOf.push(line);
    }
  }
  if (read.rows.length === 0) problems.push('the file has no people in it');
  if (problems.length === 0) {
    const line = (i: number) => `line ${lineOf[i]}`;
    problems.push(
      ...crossReferenceProblems({ partnerships: [], agencies: [], people }, known, {
        partnership: line,
        agency: line,
        person: line,
      }),
    );
  }
  return problems.length
    ? { ok: false, problems }
    : { ok: true, directory: { partnerships: [], agencies: [], people } };
}
