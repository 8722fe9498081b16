/**
 * A directory file as the import reads it: JSON ({partnerships, agencies, people}, rows named
 * by their index) or CSV (people, rows named by their line), told apart by the file's
 * extension. Pure: it is given the name and the text.
 */
import { checkDirectory, type DirectoryCheck, type KnownIds } from './import-directory';
import { checkPeopleCsv } from './people-csv';

export function checkDirectoryFile(fileName: string, text: string, known?: KnownIds): DirectoryCheck {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return checkPeopleCsv(text, known);
  if (!lower.endsWith('.json')) return { ok: false, problems: [`${fileName}: a directory file is .json or .csv`] };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`${fileName} is not valid JSON: ${(error as Error).message}`] };
  }
  return checkDirectory(document, known);
}
