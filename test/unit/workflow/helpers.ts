/**
 * A small harness over decide/apply for the workflow tests: a cast of people (one per
 * role, named after it), the procedure's working calendar, and a challenge that moves
 * one command at a time at the instants the test gives.
 */
import assert from 'node:assert/strict';
import { createWorkingCalendar, type WorkingCalendar } from '../../../src/calendar';
import type { Form, FormField, OwnerRole, Procedure } from '../../../src/procedures/schema';
import {
  apply,
  decide,
  SYSTEM_ACTOR_ID,
  type Challenge,
  type ChallengeEvent,
  type Command,
  type Decision,
  type Participants,
  type PersonRef,
  type Refusal,
} from '../../../src/workflow';

export type RaiseCommand = Extract<Command, { type: 'raise' }>;

/** Every role any procedure names. */
export function rolesNamedBy(procedure: Procedure): OwnerRole[] {
  const roles = new Set<OwnerRole>(['raising.practitioner', 'receiving.practitioner']);
  for (const stage of procedure.stages) {
    stage.owners.forEach((r) => roles.add(r));
    stage.escalatedBy?.forEach((r) => roles.add(r));
    stage.notifyOnEntry.forEach((n) => n.to.forEach((r) => roles.add(r)));
  }
  procedure.copyOnRaise.forEach((n) => n.to.forEach((r) => roles.add(r)));
  procedure.immediateRoute?.agreedBy.forEach((r) => roles.add(r));
  procedure.log?.assignedBy.forEach((r) => roles.add(r));
  procedure.repeatPattern?.tell.forEach((r) => roles.add(r));
  return [...roles];
}

/** The person who holds a role in the cast: id and name are the role itself. */
export function person(role: string, extra: Partial<PersonRef> = {}): PersonRef {
  return {
    id: role,
    name: role,
    role: role.split('.')[1] ?? role,
    agency: role.split('.')[0],
    reachable: true,
    ...extra,
  };
}

export function castFor(procedure: Procedure): Participants {
  const participants: Participants = {};
  for (const role of rolesNamedBy(procedure)) participants[role] = [person(role)];
  return participants;
}

export function raiseCommand(procedure: Procedure, overrides: Partial<RaiseCommand> = {}): RaiseCommand {
  const participants = overrides.participants ?? castFor(procedure);
  const raisedBy = participants['raising.practitioner']?.[0] ?? person('raising.practitioner');
  return {
    type: 'raise',
    challengeId: `ch-${procedure.id}`,
    caseReference: 'CR-2026-0042',
    subject: procedure.subjects[0] ?? 'child',
    kind: 'decision',
    areas: [procedure.areasOfDisagreement[0] ?? 'Other'],
    concern: 'The plan does not address the risk from the new partner.',
    desiredOutcome: 'A strategy discussion is held.',
    evidence: 'Police notification of 20 December.',
    urgency: 'standard',
    raisedBy: procedure.raisedBy ? { ...raisedBy, role: procedure.raisedBy[0] } : raisedBy,
    raisedWith: participants['receiving.practitioner']?.[0] ?? person('receiving.practitioner'),
    participants,
    ...overrides,
  };
}

/** London winter time is UTC: '2026-12-23T10:00' is 10:00 in London. */
export const at = (iso: string): Date => new Date(iso.endsWith('Z') || iso.includes('+') ? iso : `${iso}:00Z`);

export class Run {
  readonly calendar: WorkingCalendar;
  challenge: Challenge | undefined;
  readonly events: ChallengeEvent[] = [];
  /** Snapshots after each decision, for the replay tests. */
  readonly snapshots: Challenge[] = [];
  private keys = 0;

  constructor(readonly procedure: Procedure) {
    this.calendar = createWorkingCalendar({ closureDays: procedure.closureDays });
  }

  get c(): Challenge {
    assert.ok(this.challenge, 'no challenge raised yet');
    return this.challenge;
  }

  /** Decide and, when accepted, apply: the store's job in miniature. */
  try(
    actorId: string,
    command: Command,
    when: string,
    options: { key?: string; expectedVersion?: number } = {},
  ): Decision {
    const idempotencyKey = options.key ?? `k${++this.keys}`;
    const envelope = {
      command,
      actor: { id: actorId, name: actorId },
      idempotencyKey,
      ...(options.expectedVersion !== undefined ? { expectedVersion: options.expectedVersion } : {}),
    };
    const decision = decide(this.procedure, this.challenge, envelope, at(when), this.calendar);
    if (decision.ok) {
      for (const event of decision.events) this.challenge = apply(this.challenge, event);
      this.events.push(...decision.events);
      if (this.challenge) this.snapshots.push(this.challenge);
    }
    return decision;
  }

  /** The command must be accepted; returns its decision. */
  ok(actorId: string, command: Command, when: string, options: { key?: string; expectedVersion?: number } = {}) {
    const decision = this.try(actorId, command, when, options);
    assert.ok(
      decision.ok,
      `expected ${command.type} by ${actorId} to be accepted: ${decision.ok ? '' : decision.refusal.reason}`,
    );
    return decision;
  }

  /** The command must be refused; returns the refusal. */
  refused(
    actorId: string,
    command: Command,
    when: string,
    options: { key?: string; expectedVersion?: number } = {},
  ): Refusal {
    const before = this.challenge;
    const decision = this.try(actorId, command, when, options);
    assert.ok(!decision.ok, `expected ${command.type} by ${actorId} to be refused`);
    assert.equal(this.challenge, before);
    return decision.refusal;
  }

  raise(when: string, overrides: Partial<RaiseCommand> = {}) {
    const command = raiseCommand(this.procedure, overrides);
    return this.ok(command.raisedBy.id, command, when);
  }

  escalate(actorId: string, when: string, extra: Partial<Extract<Command, { type: 'escalate' }>> = {}) {
    return this.ok(actorId, { type: 'escalate', reason: 'Not resolved at this stage.', ...extra }, when);
  }

  get stage() {
    const record = this.c.stages[this.c.stages.length - 1];
    assert.ok(record);
    return record;
  }
}

export const system = SYSTEM_ACTOR_ID;

/** The London day and time of an ISO instant, 'YYYY-MM-DD HH:MM', for readable deadline assertions. */
export function london(iso: string | undefined): string {
  assert.ok(iso, 'expected a deadline');
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Values that fill a form as its owner would: every field this person fills in, of the right kind. */
export function validValues(form: Form, actorRoles: readonly OwnerRole[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (field.completedBy && !field.completedBy.some((r) => actorRoles.includes(r))) continue;
    values[field.id] = sampleValue(field);
  }
  return values;
}

export function sampleValue(field: FormField): unknown {
  switch (field.kind) {
    case 'text':
    case 'longText':
      return `${field.label}: written up.`;
    case 'date':
      return '2026-12-24';
    case 'boolean':
      return true;
    case 'choice':
      return field.choices?.[0] ?? 'Other';
    case 'multiChoice':
      return [field.choices?.[0] ?? 'Other'];
    case 'people':
    case 'agencies':
      return ['Named in the form'];
  }
}
