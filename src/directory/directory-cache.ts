/**
 * The directory as a turn reads it: one in-memory snapshot of people, agencies and
 * partnerships, loaded with one query per kind and served for at most `maxAgeMs` (60 s) before
 * it is read again, in the background, while the old one still answers. So a press reads the
 * directory at most once, and usually not at all. A change made through this process (an
 * install, an import) is seen at once (`invalidate`, `notePerson`); one made by another process
 * (the CLI import, a second instance) within `maxAgeMs`. Time is the system's: staleness is real time.
 */
import type { Agency, DirectoryStore, Partnership, Person } from '../store';
import type { DirectoryView } from './resolve-participants';

export interface DirectorySnapshot extends DirectoryView {
  partnership(id: string): Partnership | undefined;
  /** The partnership that runs a procedure. */
  partnershipOf(procedureId: string): Partnership | undefined;
  /** The partnership's agencies, in directory order. */
  agenciesIn(partnershipId: string): Agency[];
  /** People of the partnership's agencies. */
  peopleIn(partnershipId: string): Person[];
  /** People and agencies of every partnership that runs the procedure (what its pickers offer); not to be changed. */
  ofProcedure(procedureId: string): { readonly people: readonly Person[]; readonly agencies: readonly Agency[] };
  /** An agency's people, in directory order. */
  peopleOf(agencyId: string): Person[];
  /** Everyone, as read (people who left included: they carry `retiredAt`). */
  readonly people: readonly Person[];
  readonly size: number;
}

export interface DirectoryCache {
  /** The current snapshot; waits for a read only when there is none yet. */
  snapshot(): Promise<DirectorySnapshot>;
  /** Forget the snapshot: the next turn reads the directory again (after an import). */
  invalidate(): void;
  /** A person changed through this process (installed the bot): keep the snapshot in step. */
  notePerson(person: Person): void;
}

/** A snapshot over rows already read: what the cache serves, and what tests and benchmarks build directly. */
export function snapshotOf(people: Person[], agencies: Agency[], partnerships: Partnership[]): DirectorySnapshot {
  const person = new Map(people.map((p) => [p.id, p]));
  const agency = new Map(agencies.map((a) => [a.id, a]));
  const partnership = new Map(partnerships.map((p) => [p.id, p]));
  // Grouped by pushing, not by copying: an agency of thousands is one pass.
  const groupBy = <T>(items: readonly T[], key: (t: T) => string) => {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const group = groups.get(key(item));
      if (group) group.push(item);
      else groups.set(key(item), [item]);
    }
    return groups;
  };
  const agenciesOf = groupBy(agencies, (a) => a.partnershipId);
  const peopleOf = groupBy(people, (p) => p.agencyId);
  const ofProcedure = new Map<string, { people: Person[]; agencies: Agency[] }>();
  return {
    person: (id) => person.get(id),
    agency: (id) => agency.get(id),
    partnership: (id) => partnership.get(id),
    partnershipOf: (procedureId) => partnerships.find((p) => p.procedureId === procedureId),
    agenciesIn: (id) => agenciesOf.get(id) ?? [],
    peopleIn: (id) => (agenciesOf.get(id) ?? []).flatMap((a) => peopleOf.get(a.id) ?? []),
    ofProcedure: (procedureId) => {
      // Worked out once per snapshot (it is immutable): every card and search of a procedure reads it.
      let found = ofProcedure.get(procedureId);
      if (!found) {
        const inIt = partnerships
          .filter((p) => p.procedureId === procedureId)
          .flatMap((p) => agenciesOf.get(p.id) ?? []);
        found = { agencies: inIt, people: inIt.flatMap((a) => peopleOf.get(a.id) ?? []) };
        ofProcedure.set(procedureId, found);
      }
      return found;
    },
    peopleOf: (agencyId) => peopleOf.get(agencyId) ?? [],
    people,
    size: people.length,
  };
}

export function createDirectoryCache(
  store: DirectoryStore,
  options: { maxAgeMs?: number; now?: () => number } = {},
): DirectoryCache {
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const now = options.now ?? (() => performance.now());
  let current:
    | { snapshot: DirectorySnapshot; readAt: number; people: Person[]; agencies: Agency[]; partnerships: Partnership[] }
    | undefined;
  let reading: Promise<DirectorySnapshot> | undefined;
  let generation = 0;

  const read = (): Promise<DirectorySnapshot> => {
    if (reading) return reading;
    const started = generation;
    const startedAt = now();
    reading = (async () => {
      const [people, agencies, partnerships] = await Promise.all([
        store.people.list(),
        store.agencies.list(),
        store.partnerships.list(),
      ]);
      const snapshot = snapshotOf(people, agencies, partnerships);
      // An invalidation while reading means this read may be older than the change: keep it only for now.
      if (started === generation) current = { snapshot, readAt: startedAt, people, agencies, partnerships };
      return snapshot;
    })().finally(() => {
      reading = undefined;
    });
    return reading;
  };

  return {
    async snapshot() {
      if (!current) return read();
      if (now() - current.readAt > maxAgeMs) void read().catch(() => undefined); // refreshed behind the answer
      return current.snapshot;
    },
    invalidate() {
      generation += 1;
      current = undefined;
      reading = undefined;
    },
    notePerson(person) {
      if (!current) return;
      const people = [...current.people.filter((p) => p.id !== person.id), person];
      current = { ...current, people, snapshot: snapshotOf(people, current.agencies, current.partnerships) };
    },
  };
}
