/**
 * What every part of the bench stands on: one Azurite, a fake connector, the sample
 * directory (grown with made-up people where a part needs more), and the bot or the echo
 * floor as a child process wired to them. The bot is reached only over HTTP.
 */
import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import sample from '../src/directory/sample-directory.json';
import { checkDirectory, writeDirectory, type DirectoryDocument } from '../src/directory/import-directory';
import { createStores, type Stores } from '../src/store';
import { installationUpdate, userIn, type TestUser } from '../test/support/activities';
import { FakeChannel } from '../test/support/fake-channel';
import { upsertInBatches } from './batches';
import { startChild, type Child } from './ipc';
import { load, postJson } from './load';

/** A Monday, 10:00 London: the bot's fixed time for the presses. */
export const BENCH_NOW = '2026-11-23T10:00:00Z';

export interface BotWorld {
  child: Child;
  channel: FakeChannel;
  directory: DirectoryDocument;
  prefix: string;
  stores: Stores;
  post(activity: object): Promise<{ status: number; body: unknown }>;
  user(name: string): TestUser;
  stop(): Promise<void>;
}

let prefixes = 0;
export const freshPrefix = (name: string) => `b${name}${(prefixes++).toString(36)}${randomUUID().slice(0, 6)}`;

/** The sample directory pointing at the connector, with `extra` made-up people in Leeds's agencies. */
export function benchDirectory(serviceUrl: string, extra = 0): DirectoryDocument {
  const leedsAgencies = sample.agencies.filter((a) => a.partnershipId === 'leeds').map((a) => a.id);
  const people = [
    ...sample.people,
    ...Array.from({ length: extra }, (_, i) => ({
      id: syntheticId(i),
      name: syntheticName(i),
      email: syntheticEmail(i),
      role: 'Social Worker',
      agencyId: leedsAgencies[i % leedsAgencies.length]!,
      reachable: true,
    })),
  ];
  const checked = checkDirectory({
    ...sample,
    people,
    partnerships: sample.partnerships.map((p) => ({ ...p, challengeChannel: { ...p.challengeChannel, serviceUrl } })),
  });
  if (!checked.ok) throw new Error(`bench directory: ${checked.problems.slice(0, 5).join('; ')}`);
  return checked.directory;
}

/** A GUID-shaped id for made-up person `i` (the directory keys people by Entra object id). */
export const syntheticId = (i: number) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;

export async function startBot(
  name: string,
  connectionString: string,
  options: { extraPeople?: number; directory?: (serviceUrl: string) => DirectoryDocument; cpuProfileDir?: string } = {},
): Promise<BotWorld> {
  const channel = new FakeChannel();
  await channel.start();
  const prefix = freshPrefix(name);
  const stores = createStores({ connectionString, prefix });
  await stores.ensureTables();
  const directory = options.directory?.(channel.url) ?? benchDirectory(channel.url, options.extraPeople ?? 0);
  await writeInBatches(stores, directory, connectionString);
  const child = await startChild(
    `bot ${name}`,
    'bench/bot-child.ts',
    {
      STORAGE_CONNECTION_STRING: connectionString,
      TABLE_PREFIX: prefix,
      PORT: '0',
      HOST: '127.0.0.1',
      SCHEDULER_INTERVAL_SECONDS: '0',
      BENCH_CLOCK: BENCH_NOW,
    },
    { cpuProfileDir: options.cpuProfileDir },
  );
  const url = `${child.url}/api/messages`;
  const user = (personName: string): TestUser => userIn(directory.people, personName, 'the bench directory');
  return {
    child,
    channel,
    directory,
    prefix,
    stores,
    post: (activity) => postJson(url, activity),
    user,
    async stop() {
      await child.stop();
      await channel.stop();
    },
  };
}

/**
 * Writes the directory: the sample and the first made-up people through the directory's own
 * writer, then the other made-up people as copies of the rows it wrote (one per agency), in
 * transactions of 100, so 10,000 people take seconds. Falls back to the writer if no row is found.
 */
async function writeInBatches(stores: Stores, directory: DirectoryDocument, connectionString: string): Promise<void> {
  const first = directory.people.filter((p) => !isSynthetic(p.id) || syntheticIndex(p.id) < 2);
  await writeDirectory(stores.directory, { ...directory, people: first });
  const rest = directory.people.filter((p) => isSynthetic(p.id) && syntheticIndex(p.id) >= 2);
  if (rest.length === 0) return;
  const table = TableClient.fromConnectionString(connectionString, stores.names.directory, {
    allowInsecureConnection: true,
  });
  const templates = new Map<number, Record<string, unknown>>();
  for await (const e of table.listEntities<Record<string, unknown>>()) {
    const json = Object.keys(e).some((k) => k === 'json0') ? String(e.json0) : '';
    for (const i of [0, 1]) if (json.includes(syntheticId(i))) templates.set(i, e);
  }
  if (templates.size < 2) {
    for (let i = 0; i < rest.length; i += 500) {
      await writeDirectory(stores.directory, { partnerships: [], agencies: [], people: rest.slice(i, i + 500) });
    }
    return;
  }
  const rows = rest.map((p) => {
    const k = syntheticIndex(p.id);
    const { etag: _e, timestamp: _t, ...template } = templates.get(k % 2)!;
    const swap = (v: unknown) =>
      typeof v === 'string'
        ? v
            .replaceAll(syntheticId(k % 2), p.id)
            .replaceAll(syntheticName(k % 2), p.name)
            .replaceAll(syntheticEmail(k % 2), p.email)
        : v;
    return Object.fromEntries(Object.entries(template).map(([key, v]) => [key, swap(v)]));
  });
  await upsertInBatches(table, rows);
}

const isSynthetic = (id: string) => id.startsWith('00000000-0000-4000-8000-');
const syntheticIndex = (id: string) => Number(id.slice(-12)) - 1;
const syntheticName = (i: number) => `Practitioner ${String(i + 1).padStart(5, '0')}`;
const syntheticEmail = (i: number) => `practitioner${i + 1}@agency.example.org`;

/** Everyone in these partnerships installs the bot (their conversation is stored), `width` at a time. */
export async function installPeople(world: BotWorld, people: readonly TestUser[], width = 8): Promise<void> {
  const { figures } = await load(people, width, Infinity, async (u) => {
    const { status } = await world.post(installationUpdate(world.channel.url, u));
    return { ok: status === 200 };
  });
  if (figures.failures > 0) throw new Error(`${figures.failures} installs failed`);
}

export function partnershipPeople(world: BotWorld, partnershipId: string): TestUser[] {
  const agencies = new Set(world.directory.agencies.filter((a) => a.partnershipId === partnershipId).map((a) => a.id));
  return world.directory.people
    .filter((p) => agencies.has(p.agencyId))
    .map((p) => ({ aadObjectId: p.id, name: p.name }));
}

export async function startEcho(): Promise<Child> {
  return startChild('echo', 'bench/echo-child.ts', {});
}
