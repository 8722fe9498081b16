/**
 * "My challenges": one row per person per challenge they are on (PartitionKey person id,
 * RowKey challenge id). It changes only when the people on a challenge change (a raise, a
 * hand-over), as a row the transition owes (src/turn/owed.ts), so it survives a crash; the
 * challenge's state (stage, status) is read from its snapshot. `reconcile` rebuilds it from
 * the snapshots, which are the truth.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { Challenge } from '../workflow/types';
import { safeKey } from './keys';
import { getEntityOrUndefined, statusOf } from './tables';

export const PersonChallengeSchema = z.object({
  personId: z.string(),
  challengeId: z.string(),
  /** The agency's case reference: never the family name. */
  caseReference: z.string(),
  procedureId: z.string(),
  /** "raiser", "raisedWith" and the OwnerRoles the person holds. */
  roles: z.array(z.string()),
  raisedAt: z.string(),
  /** The challenge's version when its people last changed: an older write never hides a newer one. */
  version: z.number().int(),
});
export type PersonChallenge = z.infer<typeof PersonChallengeSchema>;

export interface PersonIndex {
  /** Idempotent. People among `formerIds` no longer on the challenge lose their row. */
  update(after: Challenge, formerIds?: readonly string[]): Promise<void>;
  forPerson(personId: string): Promise<PersonChallenge[]>;
  /** Rebuilds the rows of every snapshot given; returns how many challenges it indexed. */
  reconcile(snapshots: AsyncIterable<Challenge>): Promise<number>;
}

export function createPersonIndex(table: TableClient): PersonIndex {
  const update: PersonIndex['update'] = async (after, formerIds = []) => {
    const rows = rowsFor(after);
    await Promise.all(rows.map((row) => writeIfNewer(table, row)));
    const now = new Set(rows.map((row) => row.personId));
    const gone = formerIds.filter((id) => !now.has(id));
    await Promise.all(
      gone.map((personId) =>
        table.deleteEntity(safeKey(personId), safeKey(after.id)).catch((error: unknown) => {
          if (statusOf(error) !== 404) throw error;
        }),
      ),
    );
  };

  return {
    update,

    async forPerson(personId) {
      const filter = odata`PartitionKey eq ${safeKey(personId)}`;
      const found: PersonChallenge[] = [];
      for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        const roles = typeof row.roles === 'string' && row.roles ? row.roles.split(',') : [];
        found.push(PersonChallengeSchema.parse({ ...row, roles }));
      }
      return found;
    },

    async reconcile(snapshots) {
      let count = 0;
      for await (const challenge of snapshots) {
        await update(challenge);
        count++;
      }
      return count;
    },
  };
}

/**
 * Commits of one challenge may finish their index writes out of order: a row only ever
 * moves forward in version (ETag-guarded), so an older write never hides a newer one.
 */
async function writeIfNewer(table: TableClient, row: PersonChallenge): Promise<void> {
  const entity = {
    partitionKey: safeKey(row.personId),
    rowKey: safeKey(row.challengeId),
    ...row,
    roles: row.roles.join(','),
  };
  // Most rows are new (a raise): one insert. A row already there is replaced only by a newer version.
  try {
    await table.createEntity(entity);
    return;
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await getEntityOrUndefined(table, entity.partitionKey, entity.rowKey);
    if (existing && Number(existing.version) > row.version) return;
    try {
      if (existing) await table.updateEntity(entity, 'Replace', { etag: existing.etag });
      else await table.createEntity(entity);
      return;
    } catch (error) {
      const status = statusOf(error);
      if (status !== 409 && status !== 412) throw error;
    }
  }
}

/** Everyone on the challenge, with every role they hold on it. */
export function rowsFor(challenge: Challenge): PersonChallenge[] {
  const roles = new Map<string, Set<string>>();
  const add = (personId: string | undefined, role: string): void => {
    if (!personId) return;
    const set = roles.get(personId) ?? new Set<string>();
    set.add(role);
    roles.set(personId, set);
  };
  add(challenge.raisedBy?.id, 'raiser');
  add(challenge.raisedWith?.id, 'raisedWith');
  for (const [role, people] of Object.entries(challenge.participants ?? {})) {
    for (const person of people ?? []) add(person.id, role);
  }
  return [...roles].map(([personId, held]) => ({
    personId,
    challengeId: challenge.id,
    caseReference: challenge.caseReference,
    procedureId: challenge.procedureId,
    roles: [...held].sort(),
    raisedAt: challenge.raisedAt,
    version: challenge.version,
  }));
}
