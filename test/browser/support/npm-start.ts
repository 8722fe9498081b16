/**
 * `npm start` as a newcomer runs it, for the browser tests: the real command in a child
 * process, on free ports, over the shared test Azurite (fresh tables, through the same
 * STORAGE_CONNECTION_STRING a developer may set). It is ready when it prints its banner;
 * the playground of each person is read from that banner, as the README tells people to.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freshTables } from '../../support/azurite';
import { freePort, freeRange } from './free-port';

const repoRoot = join(__dirname, '..', '..', '..');

export interface NpmStart {
  /** The playground URL of each person, by name, as the banner lists them. */
  playgrounds: Map<string, string>;
  /** Everything the bot wrote to stdout that is a log line (JSON), as written. */
  logLines(): string[];
  output(): string;
  stop(): Promise<void>;
}

export async function npmStart(name: string, timeoutMs = 60_000): Promise<NpmStart> {
  const tables = await freshTables(name);
  const env = {
    ...process.env,
    STORAGE_CONNECTION_STRING: (tables as { connectionString: string }).connectionString,
    TABLE_PREFIX: tables.prefix!,
    PORT: String(await freePort()),
    PLAYGROUND_PORT: String(await freeRange(8)),
    SCHEDULER_INTERVAL_SECONDS: '0',
  };
  // Its own process group, so that stopping it stops npm, tsx and the playgrounds it started.
  const child: ChildProcess = spawn('npm', ['start'], { cwd: repoRoot, env, detached: true, stdio: 'pipe' });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, 'SIGINT');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const started = Date.now();
  while (!out.includes('Press Ctrl-C to stop.')) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`npm start did not print its banner in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const playgrounds = new Map(
    [...out.matchAll(/^\s+(http:\/\/localhost:\d+)\s{2}(.+)$/gm)].map((m) => [m[2]!.trim(), m[1]!]),
  );
  for (const url of playgrounds.values()) await waitForHttp(url, timeoutMs, () => child.exitCode !== null);
  return {
    playgrounds,
    logLines: () => out.split('\n').filter((l) => l.startsWith('{')),
    output: () => out,
    stop,
  };
}

async function waitForHttp(url: string, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (gaveUp()) throw new Error(`npm start exited before ${url} answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
