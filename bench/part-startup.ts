/**
 * Issue 14, start-up: from process start to the first answered request, the bot beside the
 * echo floor (both compiled the same way, so the difference is the bot's own work); and the
 * cold import of the Functions entry point (bot/functions.ts, which reads its config
 * from the environment only when a timer runs) beside an empty import.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { message } from '../test/support/activities';
import { compiled, startChild } from './ipc';
import { postJson, round } from './load';
import { benchDirectory, freshPrefix } from './world';
import { createStores } from '../src/store';
import { writeDirectory } from '../src/directory/import-directory';
import { FakeChannel } from '../test/support/fake-channel';
import { percentile } from './load';

export interface StartupFigures {
  runs: number;
  /** Medians, ms. */
  botReadyMs: number;
  botFirstAnswerMs: number;
  echoReadyMs: number;
  echoFirstAnswerMs: number;
  functionsImportMs: number;
  functionsProcessMs: number;
  emptyProcessMs: number;
}

const median = (xs: number[]) =>
  round(
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    ),
  );
const root = join(__dirname, '..');

async function firstAnswer(entry: string, env: Record<string, string>, serviceUrl: string) {
  const child = await startChild(entry, entry, env);
  const user = { aadObjectId: '0d4a4bd4-6a38-4b3c-9d4e-7d5bf8f5c2a1', name: 'Start Up' };
  const { status } = await postJson(`${child.url}/api/messages`, message(serviceUrl, user, 'help'));
  const firstAnswerMs = performance.now() - child.spawnedAt;
  await child.stop();
  if (status !== 200) throw new Error(`${entry}: first answer ${status}`);
  return { readyMs: child.readyMs, firstAnswerMs };
}

function importTime(
  target: string | undefined,
  env: Record<string, string>,
): Promise<{ processMs: number; importMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [compiled('bench/import-child.ts'), ...(target ? [compiled(target)] : [])], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`import of ${target} exited ${code}`));
      const { before, after } = JSON.parse(out.trim().split('\n').at(-1)!) as { before: number; after: number };
      resolve({ processMs: performance.now() - started, importMs: after - before });
    });
  });
}

export async function startupBench(
  connectionString: string,
  runs: number,
  log: (line: string) => void,
): Promise<StartupFigures> {
  const channel = new FakeChannel();
  await channel.start();
  const prefix = freshPrefix('startup');
  const stores = createStores({ connectionString, prefix });
  await stores.ensureTables();
  await writeDirectory(stores.directory, benchDirectory(channel.url));
  const env = {
    STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: prefix,
    PORT: '0',
    SCHEDULER_INTERVAL_SECONDS: '0',
  };
  const bot: { readyMs: number; firstAnswerMs: number }[] = [];
  const echo: { readyMs: number; firstAnswerMs: number }[] = [];
  const functions: { processMs: number; importMs: number }[] = [];
  const empty: { processMs: number; importMs: number }[] = [];
  const functionsEntry = 'bot/functions.ts';
  // One unmeasured import warms the disk cache: the runs measured are cold processes over a warm disk cache.
  await importTime(functionsEntry, env);
  for (let i = 0; i < runs; i++) {
    log(`start-up: run ${i + 1} of ${runs}`);
    echo.push(await firstAnswer('bench/echo-child.ts', {}, channel.url));
    bot.push(await firstAnswer('bench/bot-child.ts', env, channel.url));
    empty.push(await importTime(undefined, env));
    functions.push(await importTime(functionsEntry, env));
  }
  await channel.stop();
  return {
    runs,
    botReadyMs: median(bot.map((b) => b.readyMs)),
    botFirstAnswerMs: median(bot.map((b) => b.firstAnswerMs)),
    echoReadyMs: median(echo.map((b) => b.readyMs)),
    echoFirstAnswerMs: median(echo.map((b) => b.firstAnswerMs)),
    functionsImportMs: median(functions.map((f) => f.importMs)),
    functionsProcessMs: median(functions.map((f) => f.processMs)),
    emptyProcessMs: median(empty.map((f) => f.processMs)),
  };
}
