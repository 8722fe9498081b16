/**
 * The Microsoft 365 Agents Playground as `npm start` runs it, one instance per person: each
 * runs in its own temporary directory (it reads `.m365agentsplayground.yml` from there and
 * logs to `./devTools/`), with the repo's configuration but that person as the current user.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sample from '../../../src/directory/sample-directory.json';
import { freePort } from './free-port';

const repoRoot = join(__dirname, '..', '..', '..');

export interface Playground {
  url: string;
  dir: string;
  /** What the playground printed and wrote to devTools/ so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * The repo's playground configuration with `person` (a name in it) as the current user and
 * everyone else, the repo's current user included, among the other users.
 */
export function configFor(
  person: string,
  yml = readFileSync(join(repoRoot, '.m365agentsplayground.yml'), 'utf8'),
): string {
  const lines = yml.split('\n');
  const blockEnd = (from: number, indent: RegExp) => {
    let i = from + 1;
    while (i < lines.length && indent.test(lines[i]!)) i++;
    return i;
  };
  const cuStart = lines.findIndex((l) => l === 'currentUser:');
  const usersStart = lines.findIndex((l) => l === 'users:');
  if (cuStart < 0 || usersStart < 0) throw new Error('the playground configuration has no currentUser or users');
  const cuEnd = blockEnd(cuStart, /^ {2}\S/);
  const usersEnd = blockEnd(usersStart, /^ {2}(- | {2})\S/);
  // Every person as a list of "key: value" lines without indentation.
  const current = lines.slice(cuStart + 1, cuEnd).map((l) => l.trim());
  const others: string[][] = [];
  for (const line of lines.slice(usersStart + 1, usersEnd)) {
    if (line.startsWith('  - ')) others.push([line.slice(4)]);
    else others.at(-1)!.push(line.trim());
  }
  const everyone = [current, ...others];
  const nameOf = (p: string[]) => p.find((l) => l.startsWith('name: '))?.slice(6);
  // Anyone else of the sample directory can play too (the card tour needs more people).
  const listed = everyone.find((p) => nameOf(p) === person);
  const extra = listed ? undefined : fromDirectory(person);
  if (extra) everyone.push(extra);
  const chosen = listed ?? extra;
  if (!chosen) throw new Error(`no "${person}" in the playground configuration or the sample directory`);
  const aad = chosen.find((l) => l.startsWith('aadObjectId: '))?.slice(13);
  // The playground takes at most five other users.
  const rest = everyone.filter((p) => p !== chosen).slice(0, 5);
  const out = [
    ...lines.slice(0, cuStart),
    'currentUser:',
    ...chosen.map((l) => `  ${l}`),
    ...lines.slice(cuEnd, usersStart),
    'users:',
    ...rest.flatMap((p) => p.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`))),
    ...lines.slice(usersEnd),
  ].join('\n');
  // Each person has their own 1:1 chat with the bot.
  return out.replace(/^( {2}id: a:personal-).*$/m, `$1${aad}`);
}

/** A person of the sample directory as the playground's user lines. */
function fromDirectory(name: string): string[] | undefined {
  const person = sample.people.find((p) => p.name === name);
  if (!person) return undefined;
  const [given, ...rest] = person.name.split(' ');
  return [
    `id: 29:${person.id}`,
    `name: ${person.name}`,
    `userPrincipleName: ${person.email}`,
    `aadObjectId: ${person.id}`,
    `givenName: ${given}`,
    `surname: ${rest.join(' ')}`,
    `email: ${person.email}`,
  ];
}

export async function startPlayground(endpoint: string, person: string): Promise<Playground> {
  const dir = mkdtempSync(join(tmpdir(), 'challenge-playground-'));
  writeFileSync(join(dir, '.m365agentsplayground.yml'), configFor(person));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      '-e',
      endpoint,
      '-c',
      'msteams',
      '-p',
      String(port),
      '--disable-telemetry',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, 20000, () => child.exitCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  const log = () => {
    const file = join(dir, 'devTools', 'm365agentsplayground.log');
    return output + (existsSync(file) ? readFileSync(file, 'utf8') : '');
  };
  return { url, dir, log, stop };
}

async function waitForHttp(url: string, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (gaveUp()) throw new Error(`the Agents Playground exited before answering on ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`the Agents Playground did not answer on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
