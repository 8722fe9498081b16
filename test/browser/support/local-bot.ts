/**
 * The real bot as `npm start` builds it, for the browser tests: the composition root
 * (bot/app.ts) over fresh Azurite tables, with the sample directory loaded as shipped.
 */
import sample from '../../../src/directory/sample-directory.json';
import { createApp, type App } from '../../../bot/app';
import { OverridableClock } from '../../../src/clock';
import { loadConfig } from '../../../src/config';
import { checkDirectory, writeDirectory, type DirectoryDocument } from '../../../src/directory/import-directory';
import { createLogger, type Logger } from '../../../src/logger';
import { freshTables } from '../../support/azurite';

export interface LocalBot {
  app: App;
  directory: DirectoryDocument;
  /** The business clock the bot and its scheduler see (system time until set). */
  clock: OverridableClock;
  /** http://127.0.0.1:<port>/api/messages */
  endpoint: string;
  /** Every log line the bot wrote, as written. */
  logLines: string[];
  stop(): Promise<void>;
}

/** `now`: where the bot's clock stays (as the test clock would hold it); the system time when not given. */
export async function startLocalBot(name: string, options: { now?: string } = {}): Promise<LocalBot> {
  const tables = await freshTables(name);
  const config = loadConfig({
    STORAGE_CONNECTION_STRING: (tables as { connectionString: string }).connectionString,
    TABLE_PREFIX: tables.prefix!,
    PORT: '0',
    SCHEDULER_INTERVAL_SECONDS: '0',
  });
  const logLines: string[] = [];
  const logger: Logger = createLogger({ service: 'challenge-e2e' }, (line) => logLines.push(line));
  const clock = new OverridableClock();
  if (options.now) clock.set(options.now);
  const app = await createApp(config, { clock, logger });
  const checked = checkDirectory(sample);
  if (!checked.ok) throw new Error(`The sample directory is not valid: ${checked.problems.join('; ')}`);
  await writeDirectory(app.stores.directory, checked.directory);
  const port = await app.listen();
  return {
    app,
    directory: checked.directory,
    clock,
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    logLines,
    stop: () => app.close(),
  };
}
