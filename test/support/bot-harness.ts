/**
 * The real bot over HTTP for integration tests: the composition root (bot/app.ts) with
 * Azurite storage (shared in-memory instance, fresh tables), the sample directory, a
 * settable clock, and a fake channel service receiving everything the bot sends.
 */
import sample from '../../src/directory/sample-directory.json';
import { createApp, type App, type AppOptions } from '../../bot/app';
import { SettableClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { checkDirectory, writeDirectory, type DirectoryDocument } from '../../src/directory/import-directory';
import { silentLogger } from '../../src/logger';
import { installationUpdate, userIn, type TestUser } from './activities';
import { freshTables } from './azurite';
import { checkCardsIn } from './card-check';
import type { TableConfig } from '../../src/store';
import { FakeChannel } from './fake-channel';

export interface Harness {
  app: App;
  url: string;
  channel: FakeChannel;
  clock: SettableClock;
  directory: DirectoryDocument;
  /** The tables this bot uses, to read them directly (test/support/table-state.ts). */
  storage: TableConfig;
  /**
   * POSTs an activity to /api/messages as Teams would; resolves with the HTTP status and body,
   * once the sends the turn owes have been made too (`{ sends: 'skip' }`: at the answer).
   */
  post(
    activity: object,
    headers?: Record<string, string>,
    options?: { sends?: 'wait' | 'skip' },
  ): Promise<{ status: number; body: unknown }>;
  /** A directory person as a Teams user. */
  user(name: string): TestUser;
  /** Installs the bot for these people (so proactive messages reach them). */
  install(...names: string[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(
  name: string,
  options: { now?: string; env?: Record<string, string>; app?: AppOptions } = {},
): Promise<Harness> {
  const channel = new FakeChannel();
  await channel.start();
  const tables = await freshTables(name);
  const config = loadConfig({
    STORAGE_CONNECTION_STRING: (tables as { connectionString: string }).connectionString,
    TABLE_PREFIX: tables.prefix!,
    PORT: '0',
    ...options.env,
  });
  const storage: TableConfig = { ...config.storage, prefix: config.tablePrefix };
  const clock = new SettableClock(options.now ?? '2026-11-23T10:00:00Z');
  const app = await createApp(config, { clock, logger: silentLogger, ...options.app });
  const directory = testDirectory(channel.url);
  await writeDirectory(app.stores.directory, directory);
  const port = await app.listen();
  const url = `http://127.0.0.1:${port}`;

  const post: Harness['post'] = async (activity, headers = {}, options = {}) => {
    const answer = await postActivity(url, activity, headers);
    // The answer comes before the sends: most tests look at both, so they wait for the sends.
    if (options.sends !== 'skip') await app.kit.dispatcher.idle();
    return answer;
  };
  const user = (personName: string): TestUser => userIn(directory.people, personName, 'the sample directory');
  return {
    app,
    url,
    channel,
    clock,
    directory,
    storage,
    post,
    user,
    async install(...names) {
      for (const n of names) {
        const { status } = await post(installationUpdate(channel.url, user(n)));
        if (status !== 200) throw new Error(`install of ${n} answered ${status}`);
      }
    },
    async stop() {
      await app.close();
      await channel.stop();
    },
  };
}

/** The sample directory with its channels at the fake channel's URL; nobody is reachable until they install the bot. */
export function testDirectory(serviceUrl: string): DirectoryDocument {
  const checked = checkDirectory(withChannelServiceUrl(sample, serviceUrl));
  if (!checked.ok) throw new Error(`sample directory: ${checked.problems.join('; ')}`);
  return { ...checked.directory, people: checked.directory.people.map((p) => ({ ...p, reachable: false })) };
}

/** POSTs an activity to a bot's /api/messages as Teams would: the HTTP status and the body. */
export async function postActivity(
  url: string,
  activity: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  checkCardsIn(body, 'the answer to an invoke');
  return { status: response.status, body };
}

function withChannelServiceUrl(directory: typeof sample, serviceUrl: string): unknown {
  return {
    ...directory,
    partnerships: directory.partnerships.map((p) => ({
      ...p,
      challengeChannel: { ...p.challengeChannel, serviceUrl },
    })),
  };
}
