/**
 * Directory import: partnerships, agencies and people from a JSON document, each row checked
 * with the store's zod schemas. Every bad row is reported with where it is; nothing is
 * written unless the whole document is good.
 */
import { z } from 'zod';
import { AgencySchema, PartnershipSchema, PersonSchema, type Agency, type Partnership, type Person } from '../store/directory-schema';
import type { DirectoryStore } from '../store';

export interface DirectoryDocument {
  partnerships: Partnership[];
  agencies: Agency[];
  people: Person[];
}

export type DirectoryCheck = { ok: true; directory: DirectoryDocument } | { ok: false; problems: string[] };

const DocumentSchema = z.object({
  partnerships: z.array(z.unknown()).default([]),
  agencies: z.array(z.unknown()).default([]),
  people: z.array(z.unknown()).default([]),
});

export function checkDirectory(input: unknown): DirectoryCheck {
  const doc = DocumentSchema.safeParse(input);
  if (!doc.success) return { ok: false, problems: doc.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const problems: string[] = [];
  const rows = <T>(kind: string, schema: z.ZodType<T>, items: unknown[]): T[] =>
    items.flatMap((item, index) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) return [parsed.data];
      for (const issue of parsed.error.issues) problems.push(`${kind}[${index}] ${issue.path.join('.') || '(row)'}: ${issue.message}`);
      return [];
    });
  const directory = {
    partnerships: rows('partnerships', PartnershipSchema, doc.data.partnerships),
    agencies: rows('agencies', AgencySchema, doc.data.agencies),
    people: rows('people', PersonSchema, doc.data.people),
  };
  problems.push(...crossReferenceProblems(directory));
  return problems.length ? { ok: false, problems } : { ok: true, directory };
}

function crossReferenceProblems(d: DirectoryDocument): string[] {
  const problems: string[] = [];
  const partnerships = new Set(d.partnerships.map((p) => p.id));
  const agencies = new Set(d.agencies.map((a) => a.id));
  const people = new Set(d.people.map((p) => p.id));
  d.agencies.forEach((a, i) => {
    if (!partnerships.has(a.partnershipId)) problems.push(`agencies[${i}] partnershipId: no partnership "${a.partnershipId}"`);
    for (const id of [...a.safeguardingLeadIds, ...a.headOfServiceIds, ...a.directorIds, ...a.seniorManagerIds, ...a.serviceManagerIds]) {
      if (!people.has(id)) problems.push(`agencies[${i}] (${a.id}): no person "${id}"`);
    }
  });
  d.people.forEach((p, i) => {
    if (!agencies.has(p.agencyId)) problems.push(`people[${i}] agencyId: no agency "${p.agencyId}"`);
    if (p.lineManagerId && !people.has(p.lineManagerId)) problems.push(`people[${i}] lineManagerId: no person "${p.lineManagerId}"`);
  });
  d.partnerships.forEach((p, i) => {
    for (const id of [...p.businessUnitIds, ...p.executiveIds, ...p.coordinatorIds, ...p.boardRepresentativeIds]) {
      if (!people.has(id)) problems.push(`partnerships[${i}] (${p.id}): no person "${id}"`);
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
