/**
 * The bot as a process of its own, for the fault suite's crash test: configuration from the
 * environment, built by the composition root (bot/app.ts) with what `npm start` adds locally
 * (the test clock API and the scheduler, bot/local-extras.ts). Prints `{"port": n}` once it
 * listens; SIGTERM closes it. Run: `node --require tsx/cjs test/support/bot-process.ts`.
 */
import { createApp } from '../../bot/app';
import { localExtras } from '../../bot/local-extras';
import { OverridableClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const clock = new OverridableClock();
  const extras = localExtras(config, clock, silentLogger);
  const app = await createApp(config, { clock, logger: silentLogger, ...extras.appOptions });
  const stopScheduler = extras.startScheduler(app);
  const port = await app.listen();
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  process.once('SIGTERM', () => {
    stopScheduler();
    void app.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
