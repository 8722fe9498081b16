/**
 * `npm run directory -- import FILE`: loads people, agencies and partnerships into the
 * directory from a JSON file ({partnerships, agencies, people}) or a CSV file of people
 * (id,name,email,role,agencyId,lineManagerId,phone). Every bad row is reported with where it
 * is (JSON: its index, CSV: its line) and then nothing is written.
 * `npm run directory -- check FILE` checks the file against the directory without writing.
 * Storage comes from the environment, as for the bot (STORAGE_CONNECTION_STRING, TABLE_PREFIX...).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { checkDirectoryFile } from '../directory/directory-file';
import { importDirectory, type KnownIds } from '../directory/import-directory';
import { createStores, type DirectoryStore } from '../store';

const usage =
  'Usage: npm run directory -- import FILE   (or: check FILE)\n  FILE is a .json directory or a .csv of people.';

async function knownIds(directory: DirectoryStore): Promise<KnownIds> {
  const [partnerships, agencies, people] = await Promise.all([
    directory.partnerships.list(),
    directory.agencies.list(),
    directory.people.list(),
  ]);
  return {
    partnershipIds: partnerships.map((p) => p.id),
    agencyIds: agencies.map((a) => a.id),
    personIds: people.map((p) => p.id),
  };
}

export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const [command, file] = argv;
  if ((command !== 'import' && command !== 'check') || !file) {
    console.error(usage);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const config = loadConfig(env);
  const stores = createStores({ ...config.storage, prefix: config.tablePrefix });
  await stores.ensureTables();
  const checked = checkDirectoryFile(basename(file), text, await knownIds(stores.directory));
  if (!checked.ok) {
    console.error(
      `${file}: ${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'}; nothing was written.`,
    );
    for (const problem of checked.problems) console.error(`  ${problem}`);
    return 1;
  }
  const { partnerships, agencies, people } = checked.directory;
  const counts = `${partnerships.length} partnerships, ${agencies.length} agencies, ${people.length} people`;
  if (command === 'check') {
    console.log(`${file} is good: ${counts}.`);
    return 0;
  }
  await importDirectory(stores.directory, checked.directory);
  console.log(`Imported ${counts} from ${file}.`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    },
  );
}
