/**
 * Where the bot can speak: a conversation reference per person (saved when they install
 * the bot) and the thread of each challenge in its partnership's channel. The reference is
 * kept as the Bot Framework gave it; only the fields the messenger relies on are checked.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { fromJsonColumns, toJsonColumns } from './entity-json';
import { safeKey } from './keys';
import { getEntityOrUndefined, statusOf } from './tables';

export const ConversationReferenceSchema = z.looseObject({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  user: z.looseObject({ id: z.string() }).optional(),
  bot: z.looseObject({ id: z.string() }).optional(),
});
export type StoredConversationReference = z.infer<typeof ConversationReferenceSchema>;

export const ChallengeThreadSchema = z.object({
  challengeId: z.string().min(1),
  /** The channel conversation id of the thread (includes ";messageid=" for a reply chain). */
  conversationId: z.string().min(1),
  /** The id of the thread's root activity, updated in place as the challenge moves. */
  rootActivityId: z.string().min(1),
  serviceUrl: z.string().min(1),
  teamId: z.string().optional(),
  channelId: z.string().optional(),
});
export type ChallengeThread = z.infer<typeof ChallengeThreadSchema>;

export interface ConversationStore {
  saveUserReference(userId: string, reference: StoredConversationReference): Promise<void>;
  getUserReference(userId: string): Promise<StoredConversationReference | undefined>;
  /** The references of many people at once (one query per 20), for the ids Teams wants on a card. */
  userReferences(userIds: readonly string[]): Promise<Map<string, StoredConversationReference>>;
  saveThread(thread: ChallengeThread): Promise<void>;
  getThread(challengeId: string): Promise<ChallengeThread | undefined>;
  /** Every stored thread (a partition scan: for start-up clean-ups, not for turns). */
  threads(): AsyncIterable<ChallengeThread>;
  removeThread(challengeId: string): Promise<void>;
}

const userPartition = 'user';
const threadPartition = 'thread';

export function createConversationStore(table: TableClient): ConversationStore {
  const put = async (partitionKey: string, id: string, value: unknown): Promise<void> => {
    await table.upsertEntity({ partitionKey, rowKey: safeKey(id), ...toJsonColumns(value, partitionKey) }, 'Replace');
  };
  const get = async (partitionKey: string, id: string): Promise<unknown | undefined> => {
    const entity = await getEntityOrUndefined(table, partitionKey, safeKey(id));
    return entity ? fromJsonColumns(entity, `${partitionKey} ${id}`) : undefined;
  };

  return {
    saveUserReference: (userId, reference) => put(userPartition, userId, ConversationReferenceSchema.parse(reference)),
    async getUserReference(userId) {
      const value = await get(userPartition, userId);
      return value === undefined ? undefined : ConversationReferenceSchema.parse(value);
    },
    async userReferences(userIds) {
      const found = new Map<string, StoredConversationReference>();
      const unique = [...new Set(userIds)];
      for (let i = 0; i < unique.length; i += 20) {
        const keys = unique.slice(i, i + 20).map((id) => odata`RowKey eq ${safeKey(id)}`);
        const filter = `${odata`PartitionKey eq ${userPartition}`} and (${keys.join(' or ')})`;
        for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
          const parsed = ConversationReferenceSchema.safeParse(fromJsonColumns(entity, 'user reference'));
          const id = unique.find((u) => safeKey(u) === entity.rowKey);
          if (parsed.success && id) found.set(id, parsed.data);
        }
      }
      return found;
    },
    saveThread: (thread) => put(threadPartition, thread.challengeId, ChallengeThreadSchema.parse(thread)),
    async getThread(challengeId) {
      const value = await get(threadPartition, challengeId);
      return value === undefined ? undefined : ChallengeThreadSchema.parse(value);
    },
    async *threads() {
      const filter = odata`PartitionKey eq ${threadPartition}`;
      for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
        yield ChallengeThreadSchema.parse(fromJsonColumns(entity, 'thread'));
    },
    async removeThread(challengeId) {
      await table.deleteEntity(threadPartition, safeKey(challengeId)).catch((error: unknown) => {
        if (statusOf(error) !== 404) throw error;
      });
    },
  };
}
