/**
 * Append-only record of refused commands (a non-owner's press, a stale card, ...), one
 * partition per challenge. Refusals change no state, but who tried what is kept.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { safeKey } from './keys';

export const AuditEntrySchema = z.object({
  challengeId: z.string().min(1),
  actor: z.object({ id: z.string(), name: z.string() }),
  commandType: z.string(),
  code: z.enum(['notOwner', 'notAllowed', 'invalid', 'stale', 'closed', 'paused']),
  reason: z.string(),
  /** ISO instant of the refusal. */
  at: z.string(),
  idempotencyKey: z.string(),
});
// Refusal['code'] must stay assignable to this enum: run-command records refusals as they come.
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
  /** Oldest first. */
  list(challengeId: string): Promise<AuditEntry[]>;
}

export function createAuditStore(table: TableClient): AuditStore {
  return {
    async record(entry) {
      const valid = AuditEntrySchema.parse(entry);
      // Time first so rows sort by time; the key makes a retried write of the same refusal land on the same row.
      await table.upsertEntity(
        {
          partitionKey: safeKey(valid.challengeId),
          rowKey: `${valid.at}_${safeKey(valid.idempotencyKey)}`,
          actorId: valid.actor.id,
          actorName: valid.actor.name,
          commandType: valid.commandType,
          code: valid.code,
          reason: valid.reason,
          at: valid.at,
          idempotencyKey: valid.idempotencyKey,
          challengeId: valid.challengeId,
        },
        'Replace',
      );
    },

    async list(challengeId) {
      const filter = odata`PartitionKey eq ${safeKey(challengeId)}`;
      const entries: AuditEntry[] = [];
      for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        entries.push(
          AuditEntrySchema.parse({
            challengeId: row.challengeId,
            actor: { id: row.actorId, name: row.actorName },
            commandType: row.commandType,
            code: row.code,
            reason: row.reason,
            at: row.at,
            idempotencyKey: row.idempotencyKey,
          }),
        );
      }
      return entries;
    },
  };
}
