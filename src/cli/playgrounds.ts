/**
 * The local Teams-like client for `npm start`: one Microsoft 365 Agents Playground per person
 * of `.m365agentsplayground.yml` (it shows one user per instance), on consecutive ports from
 * PLAYGROUND_PORT, each in its own folder under .data/playgrounds/ with that person as the
 * current user and their own 1:1 chat. Each person's chat is stored as their conversation
 * with the bot at start, so their cards reach them before they first open their playground
 * (the playground holds messages until its page connects), and a restart never leaves a
 * reference to a chat the new playground does not have.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Stores } from '../store';

export interface PlaygroundPerson {
  id: string;
  name: string;
  aadObjectId: string;
  [key: string]: unknown;
}

interface PlaygroundConfig {
  bot: { id: string; name: string };
  tenantId: string;
  currentUser: PlaygroundPerson;
  users?: PlaygroundPerson[];
  personalChat?: { id: string };
  [key: string]: unknown;
}

export function readPlaygroundConfig(text: string): PlaygroundConfig {
  return parse(text) as PlaygroundConfig;
}

/** Everyone the configuration names, the current user first. */
export function playgroundPeople(config: PlaygroundConfig): PlaygroundPerson[] {
  return [config.currentUser, ...(config.users ?? [])];
}

/** The personal chat a person has with the bot in their own playground. */
export const personalChatId = (person: PlaygroundPerson) => `a:personal-${person.aadObjectId}`;

const MAX_OTHER_USERS = 5;

/** The configuration with `person` (a name in it) as the current user and everyone else as the other users. */
export function configFor(person: string, config: PlaygroundConfig): string {
  const everyone = playgroundPeople(config);
  const chosen = everyone.find((p) => p.name === person);
  if (!chosen) throw new Error(`no "${person}" in the playground configuration`);
  return stringify({
    ...config,
    currentUser: chosen,
    // The playground refuses a configuration with more than five other users.
    users: everyone.filter((p) => p !== chosen).slice(0, MAX_OTHER_USERS),
    personalChat: { ...config.personalChat, id: personalChatId(chosen) },
  });
}

/** Where the bot answers a playground: its mock connector. */
export const playgroundServiceUrl = (port: number) => `http://localhost:${port}/_connector`;

export interface RunningPlayground {
  person: PlaygroundPerson;
  port: number;
  url: string;
  process: ChildProcess;
}

/** Starts one playground per person on consecutive ports; `onExit` hears of any that stops. */
export function startPlaygrounds(options: {
  root: string;
  endpoint: string;
  basePort: number;
  config: PlaygroundConfig;
  onExit?: (person: PlaygroundPerson, code: number | null) => void;
}): RunningPlayground[] {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  return playgroundPeople(options.config).map((person, i) => {
    const port = options.basePort + i;
    const dir = join(options.root, '.data', 'playgrounds', person.aadObjectId);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.m365agentsplayground.yml'), configFor(person.name, options.config));
    const child = spawn(
      process.execPath,
      [cli, '-e', options.endpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
      { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } },
    );
    child.once('exit', (code) => options.onExit?.(person, code));
    return { person, port, url: `http://localhost:${port}`, process: child };
  });
}

/**
 * Makes each person's playground chat their conversation with the bot, and marks them
 * reachable, so proactive cards go there. Threads kept from an earlier run's playgrounds
 * are dropped: their channel messages went with that run (the next post starts no new
 * thread, but nothing fails either).
 */
export async function connectPlaygrounds(
  stores: Pick<Stores, 'conversations' | 'directory'>,
  config: PlaygroundConfig,
  running: readonly Pick<RunningPlayground, 'person' | 'port'>[],
): Promise<{ connected: number; threadsDropped: number }> {
  for (const { person, port } of running) {
    await stores.conversations.saveUserReference(person.aadObjectId, {
      serviceUrl: playgroundServiceUrl(port),
      channelId: 'msteams',
      conversation: { id: personalChatId(person), conversationType: 'personal', tenantId: config.tenantId },
      user: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
      bot: { id: config.bot.id, name: config.bot.name },
    });
    const known = await stores.directory.people.get(person.aadObjectId);
    if (known && !known.reachable) await stores.directory.people.upsert({ ...known, reachable: true });
  }
  let threadsDropped = 0;
  for await (const thread of stores.conversations.threads()) {
    if (/^http:\/\/(localhost|127\.0\.0\.1):\d+\/_connector/.test(thread.serviceUrl)) {
      await stores.conversations.removeThread(thread.challengeId);
      threadsDropped++;
    }
  }
  return { connected: running.length, threadsDropped };
}

export function loadPlaygroundConfig(root: string): PlaygroundConfig {
  return readPlaygroundConfig(readFileSync(join(root, '.m365agentsplayground.yml'), 'utf8'));
}
