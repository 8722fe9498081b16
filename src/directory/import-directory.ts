/**
 * Directory import: partnerships, agencies and people from a JSON document (or people from a
 * CSV file, people-csv.ts), each row checked with the store's zod schemas. Every bad row is
 * reported with where it is; nothing is written unless the whole document is good.
 */
import { z } from 'zod';
import {
  AgencySchema,
  PartnershipSchema,
  PersonSchema,
  type Agency,
  type Partnership,
  type Person,
} from '../store/directory-schema';
import type { DirectoryStore } from '../store';

export interface DirectoryDocument {
  partnerships: Partnership[];
  agencies: Agency[];
  people: Person[];
}

export type DirectoryCheck = { ok: true; directory: DirectoryDocument } | { ok: false; problems: string[] };

/** Ids already in storage, which imported rows may refer to without carrying them. */
export interface KnownIds {
  partnershipIds: readonly string[];
  agencyIds: readonly string[];
  personIds: readonly string[];
}

/** How a problem names the row it is in: "people[3]" for JSON, "line 4" for CSV. */
export interface RowNames {
  partnership(index: number): string;
  agency(index: number): string;
  person(index: number): string;
}

const jsonRows: RowNames = {
  partnership: (i) => `partnerships[${i}]`,
  agency: (i) => `agencies[${i}]`,
  person: (i) => `people[${i}]`,
};

const DocumentSchema = z.object({
  partnerships: z.array(z.unknown()).default([]),
  agencies: z.array(z.unknown()).default([]),
  people: z.array(z.unknown()).default([]),
});

/** One row through its schema; its problems are pushed as "<where> <field>: <message>". */
export function checkRow<T>(schema: z.ZodType<T>, item: unknown, where: string, problems: string[]): T | undefined {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    problems.push(`${where} ${issue.path.join('.') || '(row)'}: ${issue.message}`);
  return undefined;
}

export function checkDirectory(input: unknown, known?: KnownIds): DirectoryCheck {
  const doc = DocumentSchema.safeParse(input);
  if (!doc.success)
    return { ok: false, problems: doc.error.issues.map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`) };
  const problems: string[] = [];
  const rows = <T>(schema: z.ZodType<T>, items: unknown[], name: (i: number) => string): T[] =>
    items.flatMap((item, index) => {
      const row = checkRow(schema, item, name(index), problems);
      return row === undefined ? [] : [row];
    });
  const directory = {
    partnerships: rows(PartnershipSchema, doc.data.partnerships, jsonRows.partnership),
    agencies: rows(AgencySchema, doc.data.agencies, jsonRows.agency),
    people: rows(PersonSchema, doc.data.people, jsonRows.person),
  };
  // Cross-references are checked on good rows only, so a bad row is reported once, by its own fault.
  if (problems.length === 0) problems.push(...crossReferenceProblems(directory, known, jsonRows));
  return problems.length ? { ok: false, problems } : { ok: true, directory };
}

/** Every id a row refers to must be in the document or already stored; ids are unique within a kind. */
export function crossReferenceProblems(d: DirectoryDocument, known: KnownIds | undefined, names: RowNames): string[] {
  const problems: string[] = [];
  const partnerships = new Set([...d.partnerships.map((p) => p.id), ...(known?.partnershipIds ?? [])]);
  const agencies = new Set([...d.agencies.map((a) => a.id), ...(known?.agencyIds ?? [])]);
  const people = new Set([...d.people.map((p) => p.id), ...(known?.personIds ?? [])]);
  const duplicates = (ids: string[], name: (i: number) => string) =>
    ids.forEach((id, i) => {
      const first = ids.indexOf(id);
      if (first !== i) problems.push(`${name(i)} id: "${id}" is also ${name(first)}`);
    });
  duplicates(
    d.partnerships.map((p) => p.id),
    names.partnership,
  );
  duplicates(
    d.agencies.map((a) => a.id),
    names.agency,
  );
  duplicates(
    d.people.map((p) => p.id),
    names.person,
  );
  d.agencies.forEach((a, i) => {
    if (!partnerships.has(a.partnershipId))
      problems.push(`${names.agency(i)} partnershipId: no partnership "${a.partnershipId}"`);
    for (const id of [
      ...a.safeguardingLeadIds,
      ...a.headOfServiceIds,
      ...a.directorIds,
      ...a.seniorManagerIds,
      ...a.serviceManagerIds,
    ]) {
      if (!people.has(id)) problems.push(`${names.agency(i)} (${a.id}): no person "${id}"`);
    }
  });
  d.people.forEach((p, i) => {
    if (!agencies.has(p.agencyId)) problems.push(`${names.person(i)} agencyId: no agency "${p.agencyId}"`);
    if (p.lineManagerId && !people.has(p.lineManagerId))
      problems.push(`${names.person(i)} lineManagerId: no person "${p.lineManagerId}"`);
  });
  d.partnerships.forEach((p, i) => {
    for (const id of [...p.businessUnitIds, ...p.executiveIds, ...p.coordinatorIds, ...p.boardRepresentativeIds]) {
      if (!people.has(id)) problems.push(`${names.partnership(i)} (${p.id}): no person "${id}"`);
    }
  });
  return problems;
}

/** Writes a checked directory. Re-importing is safe: rows are upserted by id. */
export async function writeDirectory(store: DirectoryStore, directory: DirectoryDocument): Promise<void> {
  for (const p of directory.partnerships) await store.partnerships.upsert(p);
  for (const a of directory.agencies) await store.agencies.upsert(a);
  await Promise.all(directory.people.map((p) => store.people.upsert(p)));
}

/**
 * An import over a live directory: a person who has the bot installed stays reachable (an
 * import file does not know who installed it), then the rows are written.
 */
export async function importDirectory(store: DirectoryStore, directory: DirectoryDocument): Promise<void> {
  const people = await Promise.all(
    directory.people.map(async (p) => ({
      ...p,
      reachable: p.reachable || ((await store.people.get(p.id))?.reachable ?? false),
    })),
  );
  await writeDirectory(store, { ...directory, people });
}
