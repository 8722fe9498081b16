/**
 * One in-memory Azurite per mocha run, started on first use on a free port. Each test file
 * takes its own tables (a unique prefix), so files never see each other's rows.
 * The lead's root hook file re-exports `mochaHooks`; until then, loading this from a spec
 * file registers the same stop as a root `after` hook.
 */
import { startAzurite, type Azurite } from '../../src/cli/azurite';
import { createStores, type Stores, type TableConfig } from '../../src/store';

let running: Promise<Azurite> | undefined;
let counter = 0;

function azurite(): Promise<Azurite> {
  running ??= startAzurite({ port: 0, inMemory: true });
  return running;
}

/** The connection string of the shared test Azurite. */
export async function getTestStorage(): Promise<string> {
  return (await azurite()).connectionString;
}

/** A table configuration with names no other test file uses. */
export async function freshTables(prefix: string): Promise<TableConfig> {
  const letters = prefix.replace(/[^A-Za-z0-9]/g, '').slice(0, 20);
  const unique = `t${letters}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return { connectionString: await getTestStorage(), prefix: unique };
}

/** Stores over fresh tables, already created. */
export async function freshStores(prefix: string): Promise<Stores> {
  const stores = createStores(await freshTables(prefix));
  await stores.ensureTables();
  return stores;
}

export async function stopTestStorage(): Promise<void> {
  const started = running;
  running = undefined;
  if (started) await (await started).stop();
}

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await stopTestStorage();
  },
};

// Loaded from a spec file, `after` is mocha's and this lands on the root suite: it runs once, after every file.
if (typeof after === 'function') after(stopTestStorage);
