/**
 * `npm run directory -- check FILE...` checks directory files offline: every row through its
 * schema, every reference resolved within the files given; nothing is read or written.
 * `npm run directory -- import FILE...` checks them against the stored directory (a CSV of
 * people may refer to stored agencies) and, when all is good, imports them: people the files
 * no longer list in the agencies they cover are retired, and the challenges they hold are
 * flagged for hand-over and named in the report. Storage comes from the environment, as for
 * the bot: STORAGE_CONNECTION_STRING, or STORAGE_TABLE_ENDPOINT with your Azure sign-in
 * (DefaultAzureCredential: `az login`, a managed identity...), and TABLE_PREFIX.
 * FILE is a .json directory ({partnerships, agencies, people}) or a .csv of people; see docs/directory.md.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { ConfigError, loadConfig } from '../config';
import { checkDirectoryFiles, type DirectoryFile } from '../directory/directory-file';
import { importDirectory, type ImportReport, type KnownIds } from '../directory/import-directory';
import { createStores, type DirectoryStore } from '../store';
import { statusOf } from '../store/tables';

const usage = [
  'Usage: npm run directory -- check FILE...    (offline: checks the files, writes nothing)',
  '       npm run directory -- import FILE...   (checks against storage, then imports)',
  '  FILE is a .json directory or a .csv of people (docs/directory.md).',
].join('\n');

export interface CliDeps {
  /** Replaces DefaultAzureCredential with STORAGE_TABLE_ENDPOINT (tests). */
  credential?: TokenCredential;
  now?: () => Date;
}

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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
  deps: CliDeps = {},
): Promise<number> {
  const [command, ...paths] = argv;
  if ((command !== 'import' && command !== 'check') || paths.length === 0) {
    console.error(usage);
    return 2;
  }
  const files: DirectoryFile[] = [];
  for (const path of paths) {
    try {
      files.push({ name: basename(path), text: readFileSync(path, 'utf8') });
    } catch (error) {
      console.error(`Cannot read ${path}: ${(error as Error).message}`);
      return 1;
    }
  }
  const label = paths.join(', ');
  if (command === 'check') return report(label, checkDirectoryFiles(files), 'check');

  const config = loadConfig(env);
  const stores = createStores({ ...config.storage, prefix: config.tablePrefix, credential: deps.credential });
  try {
    await stores.ensureTables();
    const checked = checkDirectoryFiles(files, await knownIds(stores.directory));
    if (!checked.ok) return report(label, checked, 'import');
    const result = await importDirectory(stores, checked.directory, (deps.now ?? (() => new Date()))());
    printImport(label, result);
    return 0;
  } catch (error) {
    console.error(storageProblem(error, 'tableEndpoint' in config.storage));
    return 1;
  }
}

function report(label: string, checked: ReturnType<typeof checkDirectoryFiles>, command: 'check' | 'import'): number {
  if (!checked.ok) {
    const nothing = command === 'import' ? 'nothing was written' : 'fix them before importing';
    console.error(`${label}: ${plural(checked.problems.length, 'problem')}; ${nothing}.`);
    for (const problem of checked.problems) console.error(`  ${problem}`);
    return 1;
  }
  const { partnerships, agencies, people } = checked.directory;
  console.log(
    `${label} is good: ${plural(partnerships.length, 'partnership')}, ${agencies.length} agenc${agencies.length === 1 ? 'y' : 'ies'}, ${people.length} people.`,
  );
  return 0;
}

function printImport(label: string, r: ImportReport): void {
  console.log(
    `Imported ${plural(r.partnerships, 'partnership')}, ${r.agencies} agencies, ${r.people} people from ${label}.`,
  );
  if (r.rejoined.length > 0) console.log(`Back again: ${r.rejoined.map((p) => `${p.name} (${p.id})`).join(', ')}.`);
  if (r.retired.length > 0) {
    console.log(`Retired (no longer listed; kept, offered to nobody): ${r.retired.length}`);
    for (const { person, holds } of r.retired) {
      console.log(`  ${person.name} (${person.id})${holds.length ? ', still holds:' : ', holds no open challenge'}`);
      for (const h of holds)
        console.log(
          `    challenge ${h.challengeId} (case ${h.caseReference}): ${h.roles.join(', ')}; flagged for hand-over`,
        );
    }
  }
  for (const w of r.warnings) console.log(`Warning: ${w}`);
}

/** The service's own reason, when it gives one (e.g. Azure's AuthenticationErrorDetail). */
function detailOf(e: { message?: string; code?: string }): string {
  const detail = /<AuthenticationErrorDetail>([^<]{1,300})</.exec(e.message ?? '')?.[1] ?? e.code;
  return detail ? `, ${detail}` : '';
}

/** What a storage failure means for the person running the import, without a stack. */
function storageProblem(error: unknown, byIdentity: boolean): string {
  const e = error as { name?: string; message?: string };
  const status = statusOf(error);
  if (
    e.name === 'CredentialUnavailableError' ||
    e.name === 'AuthenticationRequiredError' ||
    e.name === 'AggregateAuthenticationError'
  )
    return `Could not sign in to Azure for the storage account (${e.name}). Run \`az login\` (or set a managed identity) and try again.`;
  if (status === 403 || status === 401)
    return byIdentity
      ? `The storage account refused your account (${status}${detailOf(e)}). It needs the "Storage Table Data Contributor" role on the account: add yourself to the directory admin group (docs/deploy.md, "Load the directory"); a new role takes a few minutes.`
      : `The storage account refused the connection string (${status}).`;
  return `The import failed: ${e.message ?? String(error)}`;
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
