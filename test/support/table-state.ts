/**
 * What the bot has stored, read straight from the tables, so a test can say "nothing changed"
 * without trusting the bot's own reads: every row's keys and ETag (an ETag changes on any write,
 * even one that rewrites the same values). The audit table is left out on request: refusals
 * are recorded there by design.
 */
import type { TableConfig, TableNames } from '../../src/store';
import { createTableClients } from '../../src/store/tables';

export type TableState = Record<string, string[]>;

export async function tableState(
  storage: TableConfig,
  options: { except?: (keyof TableNames)[] } = {},
): Promise<TableState> {
  const clients = createTableClients(storage);
  const state: TableState = {};
  for (const [name, client] of Object.entries(clients)) {
    if (options.except?.includes(name as keyof TableNames)) continue;
    const rows: string[] = [];
    for await (const entity of client.listEntities({ queryOptions: { select: ['PartitionKey', 'RowKey'] } })) {
      rows.push(`${entity.partitionKey}|${entity.rowKey}|${entity.etag}`);
    }
    state[name] = rows.sort();
  }
  return state;
}

/** How many rows each table holds, for a report. */
export function rowCounts(state: TableState): Record<string, number> {
  return Object.fromEntries(Object.entries(state).map(([name, rows]) => [name, rows.length]));
}
