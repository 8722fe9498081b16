/**
 * The bench's child processes (the bot, the echo floor): compiled to plain JavaScript first, as
 * production runs them (a TypeScript loader in the child would add its own memory and start-up
 * to both), then started with IPC, their start-up timed, their resident memory sampled from
 * /proc, asked things by id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export type ChildRequest =
  | { id: number; type: 'clock'; now: string | null }
  | { id: number; type: 'digest'; now: string }
  | { id: number; type: 'logs' }
  | { id: number; type: 'sweep' }
  | { id: number; type: 'exit' };

type Payload<T extends ChildRequest['type']> = Omit<Extract<ChildRequest, { type: T }>, 'id'>;

/** Child side: runs the request and sends back its result (or its error) under the same id. */
export async function answer(request: ChildRequest, run: () => Promise<object>): Promise<void> {
  try {
    const result = await run();
    process.send?.({ type: 'answer', id: request.id, result });
  } catch (error) {
    process.send?.({ type: 'answer', id: request.id, error: String(error) });
  }
  if (request.type === 'exit') setTimeout(() => process.exit(0), 10);
}

export interface Child {
  name: string;
  pid: number;
  port: number;
  url: string;
  /** Milliseconds from spawn to the child saying it listens. */
  readyMs: number;
  spawnedAt: number;
  ask<T extends ChildRequest['type']>(payload: Payload<T> & { type: T }): Promise<Record<string, unknown>>;
  /** Resident set size now, in MiB. */
  rss(): number;
  /** Starts sampling RSS every `everyMs`; the returned stop gives the peak in MiB. */
  sampleRss(everyMs?: number): () => number;
  stop(): Promise<void>;
}

const root = join(__dirname, '..');
const outDir = join(root, 'node_modules', '.cache', 'challenge-bench');
const built = new Map<string, string>();

/** `entry` (a path from the repo root) as one JavaScript file; its packages are loaded from node_modules as usual. */
export function compiled(entry: string): string {
  let file = built.get(entry);
  if (!file) {
    file = join(outDir, `${entry.replace(/[^A-Za-z0-9]+/g, '-')}.js`);
    buildSync({
      entryPoints: [join(root, entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      outfile: file,
      logLevel: 'silent',
    });
    built.set(entry, file);
  }
  return file;
}

export async function startChild(
  name: string,
  entry: string,
  env: Record<string, string>,
  options: { cpuProfileDir?: string } = {},
): Promise<Child> {
  const execArgv = [
    ...(options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : []),
    compiled(entry),
  ];
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, execArgv, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const pending = new Map<number, (m: { result?: Record<string, unknown>; error?: string }) => void>();
  let nextId = 1;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it listened`)));
    child.on('message', (m: { type: string; port?: number; id?: number }) => {
      if (m.type === 'ready') resolve(m.port!);
      if (m.type === 'answer') pending.get(m.id!)?.(m as never);
    });
  });
  const readyMs = performance.now() - spawnedAt;
  const pid = child.pid!;
  const rss = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  return {
    name,
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    readyMs,
    spawnedAt,
    rss,
    ask: (payload) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, (m) => {
          pending.delete(id);
          if (m.error) reject(new Error(`${name}: ${m.error}`));
          else resolve(m.result ?? {});
        });
        child.send({ ...payload, id });
      }),
    sampleRss(everyMs = 20) {
      let peak = rss();
      const timer = setInterval(() => (peak = Math.max(peak, rss())), everyMs);
      return () => {
        clearInterval(timer);
        return Math.max(peak, rss());
      };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // A clean exit writes the CPU profile; a child that does not answer is killed.
      child.send({ type: 'exit', id: 0 });
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(force);
    },
  };
}
