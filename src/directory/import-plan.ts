/**
 * What a re-import does to the stored directory, decided before anything is written. The file
 * is the truth for the agencies it covers (those it lists, and those its people belong to):
 * a stored person of a covered agency whom the file no longer lists has left and is retired,
 * never deleted (challenges and the audit name them); a retired person listed again comes back.
 * People elsewhere are left as they are. Pure: it is given the stored rows and `now`.
 */
import type { Agency, Partnership, Person } from '../store/directory-schema';
import type { DirectoryDocument } from './import-directory';

export interface StoredDirectory {
  partnerships: readonly Partnership[];
  agencies: readonly Agency[];
  people: readonly Person[];
}

export interface ImportPlan {
  /** The rows to write: installs kept (a file cannot know who installed the bot), retirement cleared. */
  write: DirectoryDocument;
  /** Stored people who are no longer listed, with `retiredAt` set. */
  retire: Person[];
  /** Retired people the file lists again. */
  rejoined: Person[];
  /** Roles and line managers that will still name someone who has left: the business unit should fix them. */
  warnings: string[];
}

const agencyRoleLists = [
  'safeguardingLeadIds',
  'headOfServiceIds',
  'directorIds',
  'seniorManagerIds',
  'serviceManagerIds',
] as const;
const partnershipRoleLists = ['businessUnitIds', 'executiveIds', 'coordinatorIds', 'boardRepresentativeIds'] as const;

export function planImport(file: DirectoryDocument, stored: StoredDirectory, now: Date): ImportPlan {
  const storedPeople = new Map(stored.people.map((p) => [p.id, p]));
  const listed = new Set(file.people.map((p) => p.id));
  const covered = new Set([...file.agencies.map((a) => a.id), ...file.people.map((p) => p.agencyId)]);

  const people = file.people.map((p) => {
    const before = storedPeople.get(p.id);
    const { retiredAt: _ignored, ...rest } = p;
    return { ...rest, reachable: p.reachable || (before?.reachable ?? false) };
  });
  const rejoined = file.people.filter((p) => storedPeople.get(p.id)?.retiredAt !== undefined);
  const retiredAt = now.toISOString();
  const retire = stored.people
    .filter((p) => covered.has(p.agencyId) && !listed.has(p.id) && p.retiredAt === undefined)
    .map((p) => ({ ...p, retiredAt }));

  // The directory as it will be: the file's rows over the stored ones, by id.
  const after = <T extends { id: string }>(kept: readonly T[], given: readonly T[]) => [
    ...new Map([...kept, ...given].map((row) => [row.id, row])).values(),
  ];
  const peopleAfter = new Map(after<Person>([...stored.people, ...retire], people).map((p) => [p.id, p]));
  const gone = (id: string) => peopleAfter.get(id)?.retiredAt !== undefined;
  const describe = (id: string) => `${peopleAfter.get(id)?.name ?? id} (${id})`;

  const warnings: string[] = [];
  for (const a of after(stored.agencies, file.agencies))
    for (const list of agencyRoleLists)
      for (const id of a[list].filter(gone))
        warnings.push(`agency ${a.id} ${list} names ${describe(id)}, who has left`);
  for (const p of after(stored.partnerships, file.partnerships))
    for (const list of partnershipRoleLists)
      for (const id of p[list].filter(gone))
        warnings.push(`partnership ${p.id} ${list} names ${describe(id)}, who has left`);
  for (const p of peopleAfter.values())
    if (!p.retiredAt && p.lineManagerId && gone(p.lineManagerId))
      warnings.push(`${describe(p.id)} has ${describe(p.lineManagerId)} as line manager, who has left`);

  return { write: { ...file, people }, retire, rejoined, warnings };
}
