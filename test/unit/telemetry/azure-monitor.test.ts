/** The Application Insights switch: on only with a connection string, started once per process. */
import assert from 'node:assert/strict';
import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import { loadConfig } from '../../../src/config';
import { createTelemetrySwitch, telemetryEnabled, type AzureMonitor } from '../../../src/telemetry/azure-monitor';

const connectionString =
  'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';
const storage = { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };

function fakeMonitor() {
  const calls: AzureMonitorOpenTelemetryOptions[] = [];
  let loads = 0;
  let shutdowns = 0;
  const monitor: AzureMonitor = {
    useAzureMonitor: (options) => void calls.push(options),
    shutdownAzureMonitor: async () => void shutdowns++,
  };
  return {
    calls,
    loads: () => loads,
    shutdowns: () => shutdowns,
    load: async () => {
      loads++;
      return monitor;
    },
  };
}

describe('telemetry: the Application Insights switch', () => {
  it('is off without APPLICATIONINSIGHTS_CONNECTION_STRING: the distro is not even loaded', async () => {
    for (const env of [storage, { ...storage, APPLICATIONINSIGHTS_CONNECTION_STRING: '  ' }]) {
      const fake = fakeMonitor();
      const telemetry = createTelemetrySwitch(fake.load);
      const started = await telemetry.start(loadConfig(env), 'challenge-bot');
      assert.equal(started.enabled, false);
      assert.equal(telemetry.enabled(), false);
      assert.equal(fake.loads(), 0);
      assert.equal(fake.calls.length, 0);
    }
  });

  it('is on with the connection string, starts Azure Monitor once, and stops it', async () => {
    const fake = fakeMonitor();
    const telemetry = createTelemetrySwitch(fake.load);
    const config = loadConfig({ ...storage, APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString });
    const [first, second] = await Promise.all([
      telemetry.start(config, 'challenge-bot'),
      telemetry.start(config, 'challenge-bot'),
    ]);
    assert.equal(first.enabled, true);
    assert.equal(second, first, 'a second start answers the first');
    assert.equal(fake.calls.length, 1, 'useAzureMonitor is called once per process');
    assert.equal(fake.calls[0]?.azureMonitorExporterOptions?.connectionString, connectionString);
    assert.equal(fake.calls[0]?.instrumentationOptions?.http?.enabled, true);
    assert.equal(telemetry.enabled(), true);
    await first.stop();
    assert.equal(fake.shutdowns(), 1);
    assert.equal(telemetry.enabled(), false);
  });

  it('is off in this test process, which has no connection string', () => {
    assert.equal(process.env.APPLICATIONINSIGHTS_CONNECTION_STRING ?? '', '');
    assert.equal(telemetryEnabled(), false);
  });
});
