/**
 * The Application Insights switch: with a connection string, Azure Monitor OpenTelemetry
 * (traces of HTTP and Azure SDK calls, our spans and our log lines) starts once per process;
 * without one nothing is loaded or exported, so tests and `npm start` never need the network.
 */
import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import type { Config } from '../config';

/** The part of @azure/monitor-opentelemetry used here (a stand-in in tests). */
export interface AzureMonitor {
  useAzureMonitor(options: AzureMonitorOpenTelemetryOptions): void;
  shutdownAzureMonitor(): Promise<void>;
}

export interface Telemetry {
  enabled: boolean;
  /** Flushes and stops the exporter (on SIGTERM); nothing to do when off. */
  stop(): Promise<void>;
}

export interface TelemetrySwitch {
  /** Starts telemetry the first time; later calls answer the first call's result. */
  start(config: Pick<Config, 'appInsightsConnectionString'>, service: string): Promise<Telemetry>;
  enabled(): boolean;
}

const off: Telemetry = { enabled: false, stop: async () => undefined };

// Loaded only when switched on: the distro takes about a second to load.
const loadAzureMonitor = async (): Promise<AzureMonitor> => import('@azure/monitor-opentelemetry');

export function createTelemetrySwitch(load: () => Promise<AzureMonitor> = loadAzureMonitor): TelemetrySwitch {
  let started: Promise<Telemetry> | undefined;
  let enabled = false;
  return {
    start(config, service) {
      started ??= (async () => {
        const connectionString = config.appInsightsConnectionString?.trim();
        if (!connectionString) return off;
        const monitor = await load();
        // App Insights shows the service name as the cloud role; an explicit setting wins.
        process.env.OTEL_SERVICE_NAME ??= service;
        monitor.useAzureMonitor({
          azureMonitorExporterOptions: { connectionString },
          instrumentationOptions: {
            http: { enabled: true },
            azureSdk: { enabled: true },
            mongoDb: { enabled: false },
            mySql: { enabled: false },
            postgreSql: { enabled: false },
            redis: { enabled: false },
            redis4: { enabled: false },
          },
        });
        enabled = true;
        return {
          enabled: true,
          stop: async () => {
            enabled = false;
            await monitor.shutdownAzureMonitor();
          },
        };
      })();
      return started;
    },
    enabled: () => enabled,
  };
}

const processSwitch = createTelemetrySwitch();

/** Starts Application Insights for this process when the configuration has its connection string. */
export const startTelemetry = processSwitch.start;
export const telemetryEnabled = processSwitch.enabled;
