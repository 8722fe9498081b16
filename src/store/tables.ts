/**
 * Table clients from configuration: a connection string (Azurite, local runs) or an account
 * endpoint with a managed identity (production). I/O shell.
 */
import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { defaultAzureCredential } from '../azure-credential';

interface TableConfigBase {
  /** Put in front of every table name so several deployments (or test files) share an account. */
  prefix?: string;
  /** Needed for http endpoints (Azurite). Defaults to true when the endpoint is http. */
  allowInsecureConnection?: boolean;
}

export type TableConfig = TableConfigBase &
  ({ connectionString: string } | { tableEndpoint: string; credential?: TokenCredential });

export interface TableNames {
  challenges: string;
  audit: string;
  directory: string;
  conversations: string;
  personIndex: string;
  deadlineIndex: string;
  reminderClaims: string;
  outbox: string;
  /** What retention purged, and when (no case data). */
  purges: string;
}

/** Table names must be 3-63 letters or digits, starting with a letter. */
const prefixPattern = /^([A-Za-z][A-Za-z0-9]{0,40})?$/;

export function tableNames(prefix = ''): TableNames {
  if (!prefixPattern.test(prefix)) {
    throw new Error(`Table prefix "${prefix}" must be letters and digits, starting with a letter (at most 41).`);
  }
  return {
    challenges: `${prefix}challenges`,
    audit: `${prefix}audit`,
    directory: `${prefix}directory`,
    conversations: `${prefix}conversations`,
    personIndex: `${prefix}personindex`,
    deadlineIndex: `${prefix}deadlineindex`,
    reminderClaims: `${prefix}reminderclaims`,
    outbox: `${prefix}outbox`,
    purges: `${prefix}purges`,
  };
}

export type TableClients = { [K in keyof TableNames]: TableClient };

/**
 * A press waits for storage, so a store that is down must be told apart quickly: two quick
 * retries, not the SDK's default of three growing to seconds (the turn answers "not saved").
 */
const retryOptions = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 };

export function createTableClient(config: TableConfig, table: string): TableClient {
  if ('connectionString' in config) {
    const http = /TableEndpoint=http:|UseDevelopmentStorage=true|DefaultEndpointsProtocol=http;/i.test(
      config.connectionString,
    );
    const options: TableServiceClientOptions = {
      allowInsecureConnection: config.allowInsecureConnection ?? http,
      retryOptions,
    };
    return TableClient.fromConnectionString(config.connectionString, table, options);
  }
  const http = config.tableEndpoint.startsWith('http:');
  return new TableClient(config.tableEndpoint, table, config.credential ?? defaultAzureCredential(), {
    allowInsecureConnection: config.allowInsecureConnection ?? http,
    retryOptions,
  });
}

export function createTableClients(config: TableConfig): TableClients {
  const names = tableNames(config.prefix);
  const entries = Object.entries(names).map(([key, name]) => [key, createTableClient(config, name)]);
  return Object.fromEntries(entries) as TableClients;
}

/** Creates every table that is missing; an existing table (409) is fine. */
export async function ensureTables(clients: TableClients): Promise<void> {
  // createTable already treats "TableAlreadyExists" as success; the catch covers older servers.
  await Promise.all(
    Object.values(clients).map((client) =>
      client.createTable().catch((error: unknown) => {
        if (statusOf(error) !== 409) throw error;
      }),
    ),
  );
}

/** The HTTP status of a failed Tables call (`code` is often undefined; the status is not). */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/** One entity, or undefined when there is none (404). */
export async function getEntityOrUndefined(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<(Record<string, unknown> & { etag: string }) | undefined> {
  try {
    return await table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}
