/**
 * Realistic challenges for the card tests, made by the real workflow: each of the five
 * procedures raised with a cast of named professionals, then taken stage by stage (outcome
 * recorded, then escalated) with a snapshot at every stage. Sentinels mark what must never
 * reach a channel: the family name and the words of the concern.
 */
import assert from 'node:assert/strict';
import { createWorkingCalendar } from '../../../src/calendar';
import { procedures } from '../../../src/procedures';
import type { Form, FormField, OwnerRole, Procedure } from '../../../src/procedures/schema';
import {
  apply,
  decide,
  escalatorsOf,
  currentStage,
  type Challenge,
  type ChallengeEvent,
  type Command,
  type Participants,
  type PersonRef,
} from '../../../src/workflow';

export { procedures };

export const FAMILY_NAME = 'Zyxwortley';
export const CONCERN = 'SENTINEL-CONCERN the plan ignores the new partner';
export const DESIRED = 'SENTINEL-DESIRED a strategy discussion within two days';
export const EVIDENCE = 'SENTINEL-EVIDENCE police notification of 20 December';
export const REASON = 'SENTINEL-REASON no agreement at this stage';
export const SENTINELS = [FAMILY_NAME, CONCERN, DESIRED, EVIDENCE, REASON];

const FIRST = [
  'Aisha',
  'Ben',
  'Chloe',
  'David',
  'Emma',
  'Farid',
  'Grace',
  'Harry',
  'Imogen',
  'Jack',
  'Kiran',
  'Laura',
  'Mo',
  'Nina',
  'Owen',
  'Priya',
];
const LAST = [
  'Patel',
  'Brown',
  'Okafor',
  'Hughes',
  'Walsh',
  'Khan',
  'Evans',
  'Murphy',
  'Clarke',
  'Ahmed',
  'Lewis',
  'Price',
  'Shah',
  'Reid',
  'Turner',
  'Gill',
];
const JOB: Record<string, string> = {
  practitioner: 'Social Worker',
  lineManager: 'Team Manager',
  safeguardingLead: 'Designated Safeguarding Lead',
  seniorManager: 'Senior Manager',
  serviceManager: 'Service Manager',
  headOfService: 'Head of Service',
  director: 'Assistant Director',
  businessUnit: 'Partnership Business Manager',
  executive: 'Partnership Executive Member',
  coordinator: 'Partnership Coordinator',
  boardRepresentative: 'Board Representative',
  serviceManagerOversight: 'IRO Service Manager',
};
const AGENCY = {
  raising: 'Northfield Primary School',
  receiving: 'City Council Children’s Services',
  partnership: 'Safeguarding Partnership',
};

/** Every role a procedure names anywhere. */
export function rolesNamedBy(procedure: Procedure): OwnerRole[] {
  const roles = new Set<OwnerRole>(['raising.practitioner', 'receiving.practitioner']);
  for (const s of procedure.stages) {
    s.owners.forEach((r) => roles.add(r));
    s.escalatedBy?.forEach((r) => roles.add(r));
    s.notifyOnEntry.forEach((n) => n.to.forEach((r) => roles.add(r)));
  }
  procedure.copyOnRaise.forEach((n) => n.to.forEach((r) => roles.add(r)));
  procedure.immediateRoute?.agreedBy.forEach((r) => roles.add(r));
  procedure.log?.assignedBy.forEach((r) => roles.add(r));
  procedure.repeatPattern?.tell.forEach((r) => roles.add(r));
  return [...roles];
}

export function castFor(procedure: Procedure): Participants {
  const participants: Participants = {};
  rolesNamedBy(procedure).forEach((role, i) => {
    const [side, name] = role.split('.') as [keyof typeof AGENCY, string];
    const job =
      role === 'raising.practitioner' && procedure.raisedBy ? (procedure.raisedBy[0] ?? 'IRO') : (JOB[name] ?? name);
    participants[role] = [
      {
        id: `aad-${procedure.id}-${i}`,
        name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
        role: job,
        agency: AGENCY[side],
        email: `person${i}@${side}.example.org`,
        reachable: true,
      },
    ];
  });
  return participants;
}

export const personIn = (c: Challenge, role: OwnerRole): PersonRef => {
  const p = c.participants[role]?.[0];
  assert.ok(p, `no ${role} on the challenge`);
  return p;
};

/** Values that fill in a form the way a person would. */
export function valuesFor(form: Form, fields: readonly FormField[] = form.fields): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    values[f.id] = {
      text: 'Spoke by phone on Tuesday',
      longText: 'Both agencies set out their reasons in writing.',
      date: '2027-01-05',
      boolean: true,
      choice: f.choices?.[0] ?? 'Yes',
      multiChoice: f.choices?.slice(0, 1) ?? ['Yes'],
      people: 'Aisha Patel, Ben Brown',
      agencies: ['Northfield Primary School'],
    }[f.kind];
  }
  return values;
}

export interface Walk {
  procedure: Procedure;
  /** The challenge as it stood on entering each stage of the ordinary ladder, then resolved. */
  atStage: Challenge[];
  resolved: Challenge;
  events: ChallengeEvent[];
}

/** Monday 4 January 2027, 10:00 in London (winter: UTC). */
export const START = new Date('2027-01-04T10:00:00Z');
const DAY = 86_400_000;

export function walk(procedure: Procedure): Walk {
  const calendar = createWorkingCalendar({ closureDays: procedure.closureDays });
  const participants = castFor(procedure);
  let challenge: Challenge | undefined;
  const events: ChallengeEvent[] = [];
  let step = 0;
  const run = (actor: PersonRef, command: Command) => {
    const now = new Date(START.getTime() + step++ * DAY);
    const d = decide(
      procedure,
      challenge,
      { command, actor: { id: actor.id, name: actor.name }, idempotencyKey: `k${step}` },
      now,
      calendar,
    );
    assert.ok(d.ok, `${procedure.id}: ${command.type} by ${actor.role}: ${d.ok ? '' : d.refusal.reason}`);
    for (const e of d.events) challenge = apply(challenge, e);
    events.push(...d.events);
  };
  const raisedBy = participants['raising.practitioner']?.[0] as PersonRef;
  run(raisedBy, {
    type: 'raise',
    challengeId: fixtureChallengeId(procedure.id),
    caseReference: `${procedure.code}-2027-0042`,
    ...(procedure.raiseForm.familyName ? { familyName: FAMILY_NAME } : {}),
    subject: procedure.subjects[0] ?? 'child',
    kind: 'decision',
    areas: [procedure.areasOfDisagreement[0] ?? 'Other'],
    concern: CONCERN,
    desiredOutcome: DESIRED,
    evidence: EVIDENCE,
    urgency: 'standard',
    raisedBy,
    raisedWith: participants['receiving.practitioner']?.[0] as PersonRef,
    participants,
  });
  const atStage: Challenge[] = [];
  for (;;) {
    const c = challenge as Challenge;
    atStage.push(c);
    const stage = currentStage(procedure, c);
    const owner = personIn(c, stage.owners[0] as OwnerRole);
    const form = procedure.forms.find((f) => f.id === stage.record) as Form;
    const fields = form.fields.filter((f) => !f.completedBy || f.completedBy.includes(stage.owners[0] as OwnerRole));
    run(owner, { type: 'recordOutcome', values: valuesFor(form, fields) });
    if (stage.escalateTo.length === 0) break;
    const escalator = personIn(c, escalatorsOf(stage)[0] as OwnerRole);
    run(escalator, { type: 'escalate', reason: REASON });
  }
  const last = challenge as Challenge;
  run(personIn(last, currentStage(procedure, last).owners[0] as OwnerRole), {
    type: 'resolve',
    agreedOutcome: 'A strategy discussion is booked for Friday.',
    outstandingIssues: 'The review date is agreed at the next core group.',
  });
  return { procedure, atStage, resolved: challenge as Challenge, events };
}

export const walks: Walk[] = procedures.map(walk);

/** A directory of people the pickers offer, as the bot would cut it for one partnership. */
export function directory(n = 40) {
  return Array.from({ length: n }, (_, i) => ({
    id: `aad-dir-${i}`,
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]}`,
    role: Object.values(JOB)[i % Object.values(JOB).length],
    agency: i % 2 ? AGENCY.raising : AGENCY.receiving,
  }));
}

/** A challenge id in the bot's own format (src/workflow/ids.ts), one per procedure, stable across runs. */
export function fixtureChallengeId(procedureId: string): string {
  return `00000000-0000-4000-8000-${Buffer.from(procedureId).toString('hex').padEnd(12, '0').slice(0, 12)}`;
}
