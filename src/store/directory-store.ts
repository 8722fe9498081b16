/**
 * People, agencies and partnerships in one table, one partition per kind (a directory is
 * thousands of rows, not millions). Every row is validated on the way in and on the way out.
 */
import { odata, type TableClient } from '@azure/data-tables';
import type { z } from 'zod';
import {
  AgencySchema,
  HandOverFlagSchema,
  PartnershipSchema,
  PersonSchema,
  type Agency,
  type AgencyInput,
  type HandOverFlag,
  type Partnership,
  type PartnershipInput,
  type Person,
  type PersonInput,
} from './directory-schema';
import { fromJsonColumns, toJsonColumns } from './entity-json';
import { safeKey } from './keys';
import { getEntityOrUndefined, statusOf } from './tables';

export interface Repository<T, TInput> {
  /** Validates, then inserts or replaces; returns the stored value. */
  upsert(value: TInput): Promise<T>;
  get(id: string): Promise<T | undefined>;
  list(): Promise<T[]>;
  /** Returns false when there was nothing to remove. */
  remove(id: string): Promise<boolean>;
}

export interface DirectoryStore {
  people: Repository<Person, PersonInput> & {
    /** The agency's people who have not left: whom pickers offer. */
    inAgency(agencyId: string): Promise<Person[]>;
  };
  agencies: Repository<Agency, AgencyInput> & { inPartnership(partnershipId: string): Promise<Agency[]> };
  partnerships: Repository<Partnership, PartnershipInput>;
  /** Challenges held by people who left, one row per challenge and person (`<challengeId> <personId>`). */
  handOvers: {
    flag(flag: HandOverFlag): Promise<HandOverFlag>;
    /** Every flag, or a partnership's: what its business unit's digest or tab shows. */
    list(partnershipId?: string): Promise<HandOverFlag[]>;
    clear(challengeId: string, personId: string): Promise<boolean>;
  };
}

const handOverId = (challengeId: string, personId: string) => `${challengeId} ${personId}`;

export function createDirectoryStore(table: TableClient): DirectoryStore {
  const people = repository(table, 'person', PersonSchema, (p) => ({
    agencyId: p.agencyId,
    email: p.email,
  }));
  const agencies = repository(table, 'agency', AgencySchema, (a) => ({ partnershipId: a.partnershipId }));
  const partnerships = repository(table, 'partnership', PartnershipSchema, (p) => ({ procedureId: p.procedureId }));
  const flags = repository(
    table,
    'handover',
    HandOverFlagSchema.transform((f) => ({ ...f, id: handOverId(f.challengeId, f.personId) })),
    (f) => ({ partnershipId: f.partnershipId ?? '' }),
  );
  const strip = ({ id: _id, ...flag }: HandOverFlag & { id: string }): HandOverFlag => flag;
  return {
    people: {
      ...people,
      inAgency: async (agencyId) =>
        (await people.where(odata`agencyId eq ${agencyId}`)).filter((p) => p.retiredAt === undefined),
    },
    agencies: { ...agencies, inPartnership: (id) => agencies.where(odata`partnershipId eq ${id}`) },
    partnerships,
    handOvers: {
      flag: async (flag) => strip(await flags.upsert(flag)),
      list: async (partnershipId) =>
        (await flags.where(partnershipId ? odata`partnershipId eq ${partnershipId}` : '')).map(strip),
      clear: (challengeId, personId) => flags.remove(handOverId(challengeId, personId)),
    },
  };
}

type Columns = Record<string, string>;

function repository<S extends z.ZodType<{ id: string }>>(
  table: TableClient,
  kind: string,
  schema: S,
  /** Plain columns beside the JSON, for filtered queries. */
  columns: (value: z.output<S>) => Columns,
) {
  type T = z.output<S>;
  const read = (entity: Record<string, unknown>): T => schema.parse(fromJsonColumns(entity, `${kind} row`));

  const where = async (filter: string): Promise<T[]> => {
    const values: T[] = [];
    const query = `PartitionKey eq '${kind}'${filter ? ` and (${filter})` : ''}`;
    for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter: query } })) {
      values.push(read(entity));
    }
    return values;
  };

  return {
    where,
    async upsert(input: z.input<S>): Promise<T> {
      const value = schema.parse(input);
      const entity = {
        partitionKey: kind,
        rowKey: safeKey(value.id),
        ...columns(value),
        ...toJsonColumns(value, kind),
      };
      await table.upsertEntity(entity, 'Replace');
      return value;
    },
    async get(id: string): Promise<T | undefined> {
      const entity = await getEntityOrUndefined(table, kind, safeKey(id));
      return entity ? read(entity) : undefined;
    },
    list: () => where(''),
    async remove(id: string): Promise<boolean> {
      try {
        await table.deleteEntity(kind, safeKey(id));
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },
  };
}
