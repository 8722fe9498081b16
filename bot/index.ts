/**
 * Production entry (App Service: `node dist/bot/index.js`): configuration from the
 * environment, storage by connection string or managed identity, auth on when
 * MicrosoftAppId is set. The timers run in the Function App, not here.
 */
import { ConfigError, loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startTelemetry } from '../src/telemetry/azure-monitor';
import { createApp } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  // First, so the HTTP and Azure SDK calls that follow are traced (only with App Insights configured).
  const telemetry = await startTelemetry(config, 'challenge-bot');
  const logger = createLogger({ service: 'challenge-bot', mode: config.mode });
  const app = await createApp(config, { logger });
  const port = await app.listen();
  logger.info('bot listening', { port, endpoint: '/api/messages', appInsights: telemetry.enabled });
  const stop = () =>
    void app
      .close()
      .then(() => telemetry.stop())
      .then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
