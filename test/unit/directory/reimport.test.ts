/** Re-importing a directory: who is retired, who comes back, what still names a leaver, what they hold. */
import assert from 'node:assert/strict';
import { handOversNeeded, heldRoles } from '../../../src/directory/held-roles';
import { planImport } from '../../../src/directory/import-plan';
import type { Agency, Partnership, Person } from '../../../src/store/directory-schema';
import { leedsRun } from '../scheduler/fixtures';

const NOW = new Date('2027-02-01T09:00:00Z');
const person = (id: string, agencyId: string, extra: Partial<Person> = {}): Person => ({
  id,
  name: `Name ${id}`,
  email: `${id}@x.example.org`,
  role: 'Social Worker',
  agencyId,
  reachable: false,
  reach: 'teams',
  ...extra,
});
const agency = (id: string, extra: Partial<Agency> = {}): Agency => ({
  id,
  name: id,
  partnershipId: 'leeds',
  safeguardingLeadIds: [],
  headOfServiceIds: [],
  directorIds: [],
  seniorManagerIds: [],
  serviceManagerIds: [],
  ...extra,
});
const leeds: Partnership = {
  id: 'leeds',
  name: 'Leeds',
  procedureId: 'leeds',
  businessUnitIds: ['bu'],
  executiveIds: [],
  coordinatorIds: [],
  boardRepresentativeIds: [],
  emailDetail: 'reference',
};

describe('directory re-import: the plan', () => {
  const stored = {
    partnerships: [leeds],
    agencies: [agency('school', { safeguardingLeadIds: ['lead'] }), agency('csc')],
    people: [
      person('amira', 'school', { lineManagerId: 'ben', reachable: true }),
      person('ben', 'school'),
      person('lead', 'school'),
      person('grace', 'csc'),
      person('old', 'school', { retiredAt: '2026-12-01T09:00:00.000Z' }),
      person('bu', 'csc'),
    ],
  };

  it('retires stored people of the agencies the file covers whom it no longer lists, and only those', () => {
    const file = {
      partnerships: [],
      agencies: [],
      people: [person('amira', 'school', { lineManagerId: 'ben' }), person('ben', 'school')],
    };
    const plan = planImport(file, stored, NOW);
    assert.deepEqual(
      plan.retire.map((p) => [p.id, p.retiredAt]),
      [['lead', NOW.toISOString()]],
      'grace and bu are in an agency the file does not cover; old had already left',
    );
    assert.equal(plan.write.people.find((p) => p.id === 'amira')?.reachable, true, 'an install is kept');
    assert.deepEqual(plan.warnings, ['agency school safeguardingLeadIds names Name lead (lead), who has left']);
  });

  it('brings back a retired person the file lists again, and warns of a line manager who left', () => {
    const file = {
      partnerships: [],
      agencies: [],
      people: [person('amira', 'school', { lineManagerId: 'ben' }), person('lead', 'school'), person('old', 'school')],
    };
    const plan = planImport(file, stored, NOW);
    assert.deepEqual(
      plan.rejoined.map((p) => p.id),
      ['old'],
    );
    assert.equal(plan.write.people.find((p) => p.id === 'old')?.retiredAt, undefined);
    assert.deepEqual(
      plan.retire.map((p) => p.id),
      ['ben'],
    );
    assert.deepEqual(plan.warnings, ['Name amira (amira) has Name ben (ben) as line manager, who has left']);
  });

  it('covers an agency listed in the file even when none of its people are', () => {
    const plan = planImport({ partnerships: [], agencies: [agency('csc')], people: [] }, stored, NOW);
    assert.deepEqual(plan.retire.map((p) => p.id).sort(), ['bu', 'grace']);
    assert.deepEqual(plan.warnings, ['partnership leeds businessUnitIds names Name bu (bu), who has left']);
  });
});

describe('directory re-import: what a leaver holds', () => {
  it('names every role a person holds on an open challenge, and none once it is resolved', () => {
    const run = leedsRun('2027-01-04T10:00:00Z');
    const raiser = run.c.raisedBy.id;
    const manager = run.c.participants['raising.lineManager']![0]!.id;
    assert.deepEqual(heldRoles(run.c, raiser), ['raiser', 'raising.practitioner']);
    assert.deepEqual(heldRoles(run.c, manager), ['raising.lineManager']);
    assert.deepEqual(heldRoles(run.c, 'nobody'), []);
    assert.deepEqual(heldRoles({ ...run.c, status: 'resolved' }, raiser), []);
    const needs = handOversNeeded({ id: manager, name: 'Ben' }, [run.c, { ...run.c, id: 'other', status: 'resolved' }]);
    assert.deepEqual(needs, [
      {
        challengeId: run.c.id,
        caseReference: run.c.caseReference,
        procedureId: 'leeds',
        personId: manager,
        personName: 'Ben',
        roles: ['raising.lineManager'],
      },
    ]);
  });
});
