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
import type { ChallengeStore, DirectoryStore, PersonIndex } from '../store';
import { handOversNeeded, heldRoles, type HandOverNeed } from './held-roles';
import { planImport } from './import-plan';

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

/** A file's good rows, where each is, and the problems of its bad rows (references not yet checked). */
export interface ReadRows {
  directory: DirectoryDocument;
  where: { partnerships: string[]; agencies: string[]; people: string[] };
  problems: string[];
}

export const jsonRows = (lineOf?: (path: (string | number)[]) => number | undefined): RowNames => {
  const at = (kind: string, i: number) => {
    const line = lineOf?.([kind, i]);
    return line === undefined ? `${kind}[${i}]` : `line ${line} ${kind}[${i}]`;
  };
  return {
    partnership: (i) => at('partnerships', i),
    agency: (i) => at('agencies', i),
    person: (i) => at('people', i),
  };
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

/** The rows of a JSON document ({partnerships, agencies, people}), each through its schema. */
export function readJsonDirectory(input: unknown, names: RowNames = jsonRows()): ReadRows {
  const doc = DocumentSchema.safeParse(input);
  const empty = { partnerships: [], agencies: [], people: [] };
  if (!doc.success)
    return {
      directory: empty,
      where: empty,
      problems: doc.error.issues.map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`),
    };
  const problems: string[] = [];
  const rows = <T>(schema: z.ZodType<T>, items: unknown[], name: (i: number) => string) => {
    const good: T[] = [];
    const where: string[] = [];
    items.forEach((item, index) => {
      const row = checkRow(schema, item, name(index), problems);
      if (row !== undefined) {
        good.push(row);
        where.push(name(index));
      }
    });
    return { good, where };
  };
  const partnerships = rows(PartnershipSchema, doc.data.partnerships, names.partnership);
  const agencies = rows(AgencySchema, doc.data.agencies, names.agency);
  const people = rows(PersonSchema, doc.data.people, names.person);
  return {
    directory: { partnerships: partnerships.good, agencies: agencies.good, people: people.good },
    where: { partnerships: partnerships.where, agencies: agencies.where, people: people.where },
    problems,
  };
}

/**
 * Rows read, then their references. References are checked on good rows only, so a bad row
 * is reported once, by its own fault.
 */
export function finishCheck(read: ReadRows, known?: KnownIds): DirectoryCheck {
  if (read.problems.length > 0) return { ok: false, problems: read.problems };
  const named = (list: string[]) => (i: number) => list[i] ?? `#${i}`;
  const problems = crossReferenceProblems(read.directory, known, {
    partnership: named(read.where.partnerships),
    agency: named(read.where.agencies),
    person: named(read.where.people),
  });
  return problems.length ? { ok: false, problems } : { ok: true, directory: read.directory };
}

export function checkDirectory(input: unknown, known?: KnownIds): DirectoryCheck {
  return finishCheck(readJsonDirectory(input), known);
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

/** Writes a checked directory as it is: rows are upserted by id (tests and first loads). */
export async function writeDirectory(store: DirectoryStore, directory: DirectoryDocument): Promise<void> {
  for (const p of directory.partnerships) await store.partnerships.upsert(p);
  for (const a of directory.agencies) await store.agencies.upsert(a);
  await Promise.all(directory.people.map((p) => store.people.upsert(p)));
}

/** What an import needs: the directory, and where to find the challenges a leaver holds. */
export interface ImportStores {
  directory: DirectoryStore;
  personIndex: Pick<PersonIndex, 'forPerson'>;
  challenges: Pick<ChallengeStore, 'load'>;
}

export interface ImportReport {
  partnerships: number;
  agencies: number;
  people: number;
  /** People retired by this import, each with the challenges flagged for hand-over. */
  retired: { person: Person; holds: HandOverNeed[] }[];
  rejoined: Person[];
  warnings: string[];
}

/**
 * An import over a live directory (import-plan.ts): rows written, leavers retired, and every
 * challenge a retired person still holds flagged for their partnership's business unit. Flags
 * are brought up to date on each import: one whose person holds nothing on it any more, or
 * has come back, is cleared. Nothing here sends a message; the flags are data the business
 * unit's digest or tab shows.
 */
export async function importDirectory(
  stores: ImportStores,
  directory: DirectoryDocument,
  now: Date,
): Promise<ImportReport> {
  const { directory: store } = stores;
  const [partnerships, agencies, people] = await Promise.all([
    store.partnerships.list(),
    store.agencies.list(),
    store.people.list(),
  ]);
  const plan = planImport(directory, { partnerships, agencies, people }, now);
  await writeDirectory(store, plan.write);
  await Promise.all(plan.retire.map((p) => store.people.upsert(p)));

  const partnershipOf = partnershipByProcedure([...partnerships, ...directory.partnerships]);
  const flaggedAt = now.toISOString();
  const load = async (id: string) => (await stores.challenges.load(id))?.challenge;
  const retired = [];
  for (const person of plan.retire) {
    const rows = await stores.personIndex.forPerson(person.id);
    const challenges = (await Promise.all(rows.map((r) => load(r.challengeId)))).filter(
      (c): c is NonNullable<typeof c> => c !== undefined && c.status !== 'resolved',
    );
    const holds = handOversNeeded(person, challenges);
    for (const need of holds)
      await store.handOvers.flag({ ...need, partnershipId: partnershipOf(need.procedureId), flaggedAt });
    retired.push({ person, holds });
  }

  const back = new Set(plan.rejoined.map((p) => p.id));
  for (const flag of await store.handOvers.list()) {
    const challenge = await load(flag.challengeId);
    const roles = challenge ? heldRoles(challenge, flag.personId) : [];
    if (roles.length === 0 || back.has(flag.personId)) await store.handOvers.clear(flag.challengeId, flag.personId);
    else if (roles.join() !== flag.roles.join()) await store.handOvers.flag({ ...flag, roles });
  }

  return {
    partnerships: directory.partnerships.length,
    agencies: directory.agencies.length,
    people: directory.people.length,
    retired,
    rejoined: plan.rejoined,
    warnings: plan.warnings,
  };
}

function partnershipByProcedure(partnerships: readonly Partnership[]): (procedureId: string) => string | undefined {
  const byProcedure = new Map<string, string>();
  for (const p of partnerships) byProcedure.set(p.procedureId, p.id);
  return (procedureId) => byProcedure.get(procedureId);
}
