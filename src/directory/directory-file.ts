/**
 * Directory files as the import reads them: JSON ({partnerships, agencies, people}) or CSV
 * (people), told apart by the extension. Every bad row is named by its line in its file (and,
 * in JSON, its array index too). Several files are checked as one directory, so a CSV of
 * people can refer to the agencies of a JSON file beside it. Pure: it is given names and text.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import {
  finishCheck,
  jsonRows,
  readJsonDirectory,
  type DirectoryCheck,
  type KnownIds,
  type ReadRows,
} from './import-directory';
import { readPeopleCsv } from './people-csv';

export interface DirectoryFile {
  name: string;
  text: string;
}

/** Line (1-based) of a character offset, by binary search over where the lines start. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

function readJsonFile(name: string, text: string): ReadRows {
  const lineAt = lineFinder(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const where = first ? `line ${lineAt(first.offset)}: ${printParseErrorCode(first.error)}` : 'it is empty';
    const none = { partnerships: [], agencies: [], people: [] };
    return { directory: none, where: none, problems: [`${name} is not valid JSON: ${where}`] };
  }
  const lineOf = (path: (string | number)[]) => {
    const node = findNodeAtLocation(tree, path);
    return node ? lineAt(node.offset) : undefined;
  };
  return readJsonDirectory(JSON.parse(text) as unknown, jsonRows(lineOf));
}

function readFile(file: DirectoryFile): ReadRows {
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.csv')) return readPeopleCsv(file.text);
  if (lower.endsWith('.json')) return readJsonFile(file.name, file.text);
  const none = { partnerships: [], agencies: [], people: [] };
  return { directory: none, where: none, problems: [`${file.name}: a directory file is .json or .csv`] };
}

export function checkDirectoryFile(name: string, text: string, known?: KnownIds): DirectoryCheck {
  return finishCheck(readFile({ name, text }), known);
}

/** Several files as one directory; with more than one, each place is prefixed with its file's name. */
export function checkDirectoryFiles(files: readonly DirectoryFile[], known?: KnownIds): DirectoryCheck {
  if (files.length === 1) return checkDirectoryFile(files[0]!.name, files[0]!.text, known);
  const merged: ReadRows = {
    directory: { partnerships: [], agencies: [], people: [] },
    where: { partnerships: [], agencies: [], people: [] },
    problems: [],
  };
  for (const file of files) {
    const read = readFile(file);
    const prefix = (where: string) => (where.startsWith(file.name) ? where : `${file.name} ${where}`);
    for (const kind of ['partnerships', 'agencies', 'people'] as const) {
      (merged.directory[kind] as unknown[]).push(...read.directory[kind]);
      merged.where[kind].push(...read.where[kind].map(prefix));
    }
    merged.problems.push(...read.problems.map(prefix));
  }
  return finishCheck(merged, known);
}
