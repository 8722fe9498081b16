/**
 * `npm start`: everything a newcomer needs on a bare machine. Starts Azurite's Table service
 * (data kept in .data/), loads the sample directory, serves the bot on
 * http://127.0.0.1:3978/api/messages, runs the scheduler on an interval, and starts the
 * Microsoft 365 Agents Playground for each sample person from http://localhost:56150 on
 * (src/cli/playgrounds.ts). Ctrl-C stops all of it.
 *   --no-playground (or PLAYGROUND=0) leaves the playground out.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sample from '../directory/sample-directory.json';
import { createApp } from '../../bot/app';
import { OverridableClock } from '../clock';
import { ConfigError, loadConfig } from '../config';
import { checkDirectory, importDirectory } from '../directory/import-directory';
import { createLogger } from '../logger';
import { startTelemetry } from '../telemetry/azure-monitor';
import { startAzurite } from './azurite';
import { connectPlaygrounds, loadPlaygroundConfig, startPlaygrounds } from './playgrounds';
import { localExtras } from '../../bot/local-extras';
import { sampleShiftDays } from '../directory/sample-commands';
import { seedSampleChallenges } from './seed-sample-challenges';

const root = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const withPlayground = !process.argv.includes('--no-playground') && process.env.PLAYGROUND !== '0';
  const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
  const playgroundConfig = loadPlaygroundConfig(root);
  const logger = createLogger({ service: 'challenge-local' });

  let azurite: Awaited<ReturnType<typeof startAzurite>> | undefined;
  const env = { ...process.env };
  if (!env.STORAGE_CONNECTION_STRING && !env.STORAGE_TABLE_ENDPOINT) {
    const location = join(root, '.data', 'azurite');
    mkdirSync(location, { recursive: true });
    azurite = await startAzurite({ port: Number(env.AZURITE_TABLE_PORT ?? 10002), location });
    env.STORAGE_CONNECTION_STRING = azurite.connectionString;
  }
  const config = loadConfig(env);
  await startTelemetry(config, 'challenge-local'); // only with APPLICATIONINSIGHTS_CONNECTION_STRING
  const clock = new OverridableClock();
  const extras = localExtras(config, clock, logger);
  const app = await createApp(config, { clock, logger, ...extras.appOptions });

  const checked = checkDirectory(sample);
  if (!checked.ok) throw new Error(`The sample directory is not valid: ${checked.problems.join('; ')}`);
  await importDirectory(app.stores, checked.directory, clock.now());
  // Sample challenges of all five procedures for the tab, moved to end shortly before today (SAMPLE_CHALLENGES=0 leaves them out).
  const withSamples = process.env.SAMPLE_CHALLENGES !== '0';
  if (withSamples)
    await seedSampleChallenges(app.stores, checked.directory, { shiftDays: sampleShiftDays(clock.now()) });
  const port = await app.listen();
  const endpoint = `http://127.0.0.1:${port}/api/messages`;
  const stopScheduler = extras.startScheduler(app);

  let stopping = false;
  // One playground per person of .m365agentsplayground.yml, each already connected to the bot.
  const playgrounds = withPlayground
    ? startPlaygrounds({
        root,
        endpoint,
        basePort: playgroundPort,
        config: playgroundConfig,
        onExit: (person, code) => {
          if (!stopping)
            console.error(
              `${person.name}'s Agents Playground stopped (exit ${code}); see .data/playgrounds/${person.aadObjectId}/devTools/. The bot keeps running.`,
            );
        },
      })
    : [];
  if (withPlayground) await connectPlaygrounds(app.stores, playgroundConfig, playgrounds);
  // The directory was written here, behind the bot's back: its cache reads it afresh.
  app.services.directory.invalidate();

  console.log(
    [
      '',
      'Challenge is running:',
      `  bot          ${endpoint}  (${config.mode} mode${config.mode === 'local' ? ', Bot Framework auth off' : ''})`,
      `  health       http://127.0.0.1:${port}/healthz`,
      `  tab          http://127.0.0.1:${port}/tab/  (pick a person; ${withSamples ? 'sample challenges loaded' : 'no sample challenges'})`,
      `  storage      ${azurite ? `Azurite Table service on ${azurite.tableEndpoint} (data in .data/azurite)` : 'from STORAGE_* settings'}`,
      `  scheduler    ${config.schedulerIntervalSeconds > 0 ? `every ${config.schedulerIntervalSeconds} s in this process` : 'off (SCHEDULER_INTERVAL_SECONDS=0)'}`,
      config.testClock ? `  test clock   POST http://127.0.0.1:${port}/api/test/clock, POST /api/test/tick` : '',
      withPlayground
        ? [
            '  playground   Microsoft 365 Agents Playground, one per person (type "help"):',
            ...playgrounds.map((p) => `               ${p.url}  ${p.person.name}`),
          ].join('\n')
        : '  playground   off',
      '',
      'Press Ctrl-C to stop.',
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping...');
    stopScheduler();
    for (const p of playgrounds) p.process.kill('SIGTERM');
    await app.close();
    await azurite?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
