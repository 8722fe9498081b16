/**
 * A partnership at real size for the card tests: a generated directory of `n` people in
 * agencies of about forty (250 agencies at 10,000 people), every one of them in the partnership
 * that runs the procedure, so every person field's pool is the whole directory. The people on
 * a fixture challenge are in it too, in their own agencies, so a presser's colleagues are real.
 * Names are varied and some carry accents. Deterministic.
 *
 * `cardSizes` measures the raise form and the largest stage card (every person on every stage
 * of every procedure, and each stage again with a long history) as the bot would draw them:
 *   npx tsx -e 'import("./test/unit/cards/large-directory").then((m) => console.table(m.default.cardSizes()))'
 */
import { randomUUID } from 'node:crypto';
import { raisePickers, stagePickers } from '../../../cards/pickers';
import { renderCard } from '../../../cards/render';
import { stageCardFor } from '../../../cards/stage-card-for';
import { toRaiseFormCardData } from '../../../cards/view-models/raise-form';
import { INPUT_LIMITS } from '../../../cards/limits';
import { snapshotOf, type DirectorySnapshot } from '../../../src/directory/directory-cache';
import type { Procedure } from '../../../src/procedures/schema';
import { AgencySchema, PartnershipSchema, PersonSchema, type Agency, type Person } from '../../../src/store';
import { newChallengeId } from '../../../src/workflow/ids';
import { peopleOnChallenge } from '../../../src/workflow/roles';
import type { Challenge } from '../../../src/workflow/types';
import { procedures, walks } from './fixtures';

const FIRST = ['Aisha', 'Ben', 'Chloé', 'Dafydd', 'Emeka', 'Fatima', 'Grace', 'Hamza', 'Ioana', 'Jörg', 'Kofi'];
const MORE_FIRST = ['Laila', 'Mateus', 'Niamh', 'Oluwaseun', 'Priya', 'Rhiannon', 'Siân', 'Tomasz', 'Zoë'];
const LAST = ['Okafor', 'Brennan', 'Nowak', 'Ó Súilleabháin', 'Papadopoulos', 'Singh', 'Walsh', 'Ahmed'];
const MORE_LAST = ['Fitzgerald-Hughes', 'Kowalczyk', 'MacDonald', 'Nguyen', 'Rahman', 'Thompson', 'Williams'];
const ROLES = [
  'Designated Safeguarding Lead',
  'Social Worker',
  'Senior Practitioner',
  'Team Manager',
  'Health Visitor',
  'School Nurse',
  'Detective Sergeant',
  'Family Support Worker',
];
const KINDS = ['Church of England Primary School', 'Academy', 'Medical Practice', 'Family Hub', 'Police Station'];

const firsts = [...FIRST, ...MORE_FIRST];
const lasts = [...LAST, ...MORE_LAST];
export const AGENCY_SIZE = 40;

/** Person `i`'s made-up name: first and last names of different lengths, so combinations vary. */
export const generatedName = (i: number) =>
  `${firsts[i % firsts.length]} ${lasts[Math.floor(i / firsts.length) % lasts.length]}${i >= firsts.length * lasts.length ? ` ${i}` : ''}`;

const guid = (i: number) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;

/** `n` people of the procedure's partnership, with the challenge's own people among them. */
export function largeDirectory(procedure: Procedure, challenge: Challenge, n: number): DirectorySnapshot {
  const cast = peopleOnChallenge(challenge).filter((p) => !p.external);
  const castAgencies = [...new Set(cast.map((p) => p.agency ?? 'Unknown'))];
  const generated = Math.max(1, Math.ceil((n - cast.length) / AGENCY_SIZE));
  const agencies: Agency[] = [
    ...castAgencies.map((name, i) => ({ id: `cast-${i}`, name })),
    ...Array.from({ length: generated }, (_, i) => ({
      id: `agency-${i}`,
      name: `St ${firsts[i % firsts.length]}’s ${KINDS[i % KINDS.length]} ${Math.floor(i / KINDS.length) + 1}`,
    })),
  ].map((a, i) =>
    AgencySchema.parse({
      ...a,
      partnershipId: procedure.id,
      safeguardingLeadIds: i >= castAgencies.length ? [guid((i - castAgencies.length) * AGENCY_SIZE)] : [],
    }),
  );
  const people: Person[] = [
    ...cast.map((p) =>
      PersonSchema.parse({
        id: p.id,
        name: p.name,
        email: p.email ?? `${p.id}@example.org`,
        role: p.role ?? 'Practitioner',
        agencyId: `cast-${castAgencies.indexOf(p.agency ?? 'Unknown')}`,
        reachable: true,
      }),
    ),
    ...Array.from({ length: Math.max(0, n - cast.length) }, (_, i) =>
      PersonSchema.parse({
        id: guid(i),
        name: generatedName(i),
        email: `person${i}@agency${Math.floor(i / AGENCY_SIZE)}.example.org`,
        role: ROLES[i % ROLES.length],
        agencyId: `agency-${Math.floor(i / AGENCY_SIZE)}`,
        reachable: true,
      }),
    ),
  ];
  const partnership = PartnershipSchema.parse({
    id: procedure.id,
    name: procedure.partnership,
    procedureId: procedure.id,
  });
  return snapshotOf(people, agencies, [partnership]);
}

const long = (what: string) =>
  `${what} `.repeat(Math.ceil(INPUT_LIMITS.text / (what.length + 1))).slice(0, INPUT_LIMITS.text);

/**
 * The challenge with a long history: every text at its longest (the concern, each stage's
 * reason for escalating and each text of its outcome record), 50 meetings, more time asked for.
 */
export function withLongHistory(challenge: Challenge): Challenge {
  const by = challenge.raisedBy.id;
  return {
    ...challenge,
    concern: long('The referral was closed with no assessment.'),
    desiredOutcome: long('A strategy discussion.'),
    evidence: long('Three incidents logged by the school.'),
    stages: challenge.stages.map((record) => ({
      ...record,
      ...(record.entryReason ? { entryReason: long('No agreement at the stage before.') } : {}),
      ...(record.outcome
        ? {
            outcome: Object.fromEntries(
              Object.entries(record.outcome).map(([k, v]) => [
                k,
                typeof v === 'string' && !/^\d{4}-/.test(v) ? long(v) : v,
              ]),
            ),
          }
        : {}),
    })),
    meetings: Array.from({ length: 50 }, (_, m) => ({
      date: '2027-01-05',
      attendees: Array.from({ length: INPUT_LIMITS.listItems }, (_, a) => generatedName(a)),
      familyAttended: m % 2 === 0,
      outcome: long(`Meeting ${m + 1}: the agencies went through the referral again.`),
      actions: long('Each agency to share its chronology.'),
      recordedBy: by,
      stageId: challenge.stageId,
    })),
    pendingExtension: {
      requestedBy: by,
      requestedAt: '2027-01-06T10:00:00Z',
      until: '2027-01-20T17:00:00Z',
      reason: long('The meeting was cancelled.'),
    },
  };
}

const bytes = (card: object) => Buffer.byteLength(JSON.stringify(card), 'utf8');

export interface Measured {
  card: string;
  people: number;
  bytes: number;
  where: string;
}

const directories = new Map<string, DirectorySnapshot>();
function directoryFor(procedure: Procedure, challenge: Challenge, n: number): DirectorySnapshot {
  const key = `${procedure.id} ${n}`;
  let d = directories.get(key);
  if (!d) directories.set(key, (d = largeDirectory(procedure, challenge, n)));
  return d;
}

export const NOW = new Date('2027-01-20T10:00:00Z');

/** The raise form as the bot draws it for `raiserId` from this directory. */
export function raiseFormOf(directory: DirectorySnapshot, procedure: Procedure, raiserId: string) {
  return renderCard(
    'raise-form',
    toRaiseFormCardData({
      procedures,
      procedure,
      challengeId: newChallengeId(randomUUID),
      ...raisePickers(directory, procedure.id, raiserId),
    }),
  );
}

/** A person's stage card as the bot draws it from this directory. */
export function stageCardOf(
  directory: DirectorySnapshot,
  procedure: Procedure,
  challenge: Challenge,
  personId: string,
) {
  const pickers = stagePickers(directory, procedure, challenge, personId);
  return stageCardFor({ procedure, challenge, personId, now: NOW, ...pickers });
}

/** The raise form's size for the raiser of each procedure's fixture challenge; the largest. */
export function raiseFormSize(n: number): Measured {
  const sizes = walks.map(({ procedure, atStage }) => {
    const challenge = atStage[0]!;
    const directory = directoryFor(procedure, challenge, n);
    const card = raiseFormOf(directory, procedure, challenge.raisedBy.id);
    return { card: 'raise form', people: directory.size, bytes: bytes(card), where: procedure.id };
  });
  return sizes.sort((a, b) => b.bytes - a.bytes)[0]!;
}

/** The largest stage card: every person on every stage of every procedure, as it stands and with a long history. */
export function largestStageCard(n: number): Measured {
  let largest: Measured = { card: 'stage card', people: n, bytes: 0, where: '' };
  for (const { procedure, atStage } of walks) {
    for (const stage of atStage) {
      const directory = directoryFor(procedure, atStage[0]!, n);
      for (const challenge of [stage, withLongHistory(stage)]) {
        for (const person of peopleOnChallenge(challenge)) {
          const size = bytes(stageCardOf(directory, procedure, challenge, person.id));
          if (size > largest.bytes)
            largest = {
              card: 'stage card',
              people: directory.size,
              bytes: size,
              where: `${procedure.id} ${challenge.stageId} ${person.role}${challenge === stage ? '' : ', long history'}`,
            };
        }
      }
    }
  }
  return largest;
}

export function cardSizes(sizes: readonly number[] = [100, 1_000, 10_000]): Measured[] {
  return sizes.flatMap((n) => [raiseFormSize(n), largestStageCard(n)]);
}
