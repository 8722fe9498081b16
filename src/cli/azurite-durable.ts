/**
 * Azurite's Table service, saving each change before it is acknowledged. The child process
 * `startAzurite` runs when data is kept in a directory (`npm start`).
 *
 * Azurite keeps its tables in LokiJS and writes them to disk only by LokiJS's autosave, every
 * 5 s (azurite/dist/src/table/persistence/LokiTableMetadataStore.js: `autosave: true,
 * autosaveInterval: 5000`, not configurable): a kill within those seconds loses writes it has
 * already answered. Here each write that is not inside a batch, and each batch as it ends, saves
 * the database before the request is answered. LokiJS saves to a temporary file and renames it,
 * so a kill mid-save leaves the last whole save; concurrent saves are coalesced by LokiJS
 * (throttledSaves), each caller answered once a save that includes its change is on disk.
 */
import { createRequire } from 'node:module';

interface LokiStore {
  saveDBState(): Promise<void>;
  [method: string]: unknown;
}
type Method = (this: LokiStore, ...args: unknown[]) => Promise<unknown>;

const require = createRequire(__filename);
const store = require('azurite/dist/src/table/persistence/LokiTableMetadataStore.js').default as {
  prototype: LokiStore;
};

/** Entity writes, with the position of their batch id ("" or absent outside a batch). */
const entityWrites: Record<string, number> = {
  insertTableEntity: 4,
  updateTableEntity: 5,
  mergeTableEntity: 5,
  deleteTableEntity: 6,
};
/** Writes that are never part of a batch, and the end of a batch (committed or rolled back). */
const alwaysSaved = ['createTable', 'deleteTable', 'setTableACL', 'setServiceProperties', 'endBatchTransaction'];

function saveAfter(name: string, inBatch: (args: unknown[]) => boolean): void {
  const original = store.prototype[name] as Method | undefined;
  if (typeof original !== 'function') throw new Error(`Azurite's table store has no ${name}: check its version.`);
  store.prototype[name] = async function (this: LokiStore, ...args: unknown[]) {
    const result = await original.apply(this, args);
    if (!inBatch(args)) await this.saveDBState();
    return result;
  } satisfies Method;
}

for (const [name, at] of Object.entries(entityWrites)) {
  saveAfter(name, (args) => args[at] !== undefined && args[at] !== '');
}
for (const name of alwaysSaved) saveAfter(name, () => false);

// Azurite's own entry point, with this process's arguments (--location, --tablePort, ...).
require('azurite/dist/src/table/main.js');
