import assert from 'node:assert/strict';
import { snapshotOf } from '../../../src/directory/directory-cache';
import { indexOf, MAX_RESULTS, normalise, search } from '../../../src/directory/people-search';
import {
  agencyShortList,
  scopeOf,
  searchAgencies,
  searchPeople,
  shortListOf,
} from '../../../src/directory/people-scope';
import { AgencySchema, PartnershipSchema, PersonSchema } from '../../../src/store';

const person = (id: string, name: string, role: string, agencyId: string, extra: object = {}) =>
  PersonSchema.parse({ id, name, role, agencyId, email: `${id}@example.org`, ...extra });

/** Two partnerships: Leeds (a school, children's services) and Durham (health). */
function directory() {
  return snapshotOf(
    [
      person('amira', 'Amira Khan', 'Class Teacher', 'school', { lineManagerId: 'ben' }),
      person('ben', 'Ben Ortiz', 'Assistant Head Teacher', 'school'),
      person('chloe', 'Chloé Brennan', 'Designated Safeguarding Lead', 'school'),
      person('grace', 'Grace Liu', 'Social Worker', 'csc'),
      person('graham', 'Graham Bell', 'Team Manager', 'csc'),
      person('isla', 'Isla Gracewell', 'Principal Social Worker', 'csc'),
      person('siobhan', "Siobhán O'Brien", 'Service Manager', 'csc'),
      person('left', 'Grace Left', 'Social Worker', 'csc', { retiredAt: '2026-10-01T00:00:00Z' }),
      person('jade', 'Jade Fox', 'Health Visitor', 'nhs'),
      person('greta', 'Greta Hale', 'Named Nurse', 'nhs'),
    ],
    [
      AgencySchema.parse({ id: 'school', name: 'Parkside Primary School', partnershipId: 'leeds' }),
      AgencySchema.parse({
        id: 'csc',
        name: 'Leeds Children’s Social Work Service',
        partnershipId: 'leeds',
        safeguardingLeadIds: ['graham'],
      }),
      AgencySchema.parse({ id: 'nhs', name: 'County Durham NHS Trust', partnershipId: 'durham' }),
    ],
    [
      PartnershipSchema.parse({ id: 'leeds', name: 'Leeds', procedureId: 'leeds' }),
      PartnershipSchema.parse({ id: 'durham', name: 'Durham', procedureId: 'durham' }),
    ],
  );
}

const ids = (found: { id: string }[]) => found.map((p) => p.id);

describe('people search (the typeahead of the cards’ person fields)', () => {
  const d = directory();

  it('matches the beginnings of words of name, role and agency, ignoring case and accents', () => {
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'chloe')), ['chloe']);
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'CHLOÉ brenn')), ['chloe']);
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'siobhan obrien')), ['siobhan']);
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', "o'brien")), ['siobhan']);
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'social worker')).sort(), ['grace', 'isla']);
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'parkside')).sort(), ['ben', 'chloe']);
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'ace')), [], 'a word’s middle is not a match');
  });

  it('puts names beginning with the text first, then names with every word, then role and agency; each in name order', () => {
    // "gra": Graham and Grace begin with it; Isla Gracewell has a word that does; nobody else.
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'gra')), ['grace', 'graham', 'isla']);
    // "grace": Grace Liu's name begins with it, Isla Gracewell's second word, and nobody's role.
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'grace')), ['grace', 'isla']);
    // "social grace": nobody's name has both; Isla's role and name do.
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'social grace')).sort(), ['grace', 'isla']);
    const twice = [0, 1].map(() => ids(searchPeople(d, 'handOver', 'leeds', 'amira', 'g')));
    assert.deepEqual(twice[0], twice[1], 'the same search gives the same order');
  });

  it('COM-2 "Raised with" offers only the procedure’s partnership, never the raiser, never someone who left', () => {
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'g')), ['grace', 'graham', 'isla']);
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'durham', 'amira', 'g')), ['greta'], 'under Durham’s procedure');
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'amira')), []);
    const allowed = scopeOf(d, 'raisedWith', 'leeds', 'amira');
    assert.equal(allowed(d.person('grace')!), true);
    assert.equal(allowed(d.person('jade')!), false, 'Durham');
    assert.equal(allowed(d.person('left')!), false, 'retired');
  });

  it('LEE-7 COM-2 "Hand over to" offers the partnership and the presser’s own agency, never the presser', () => {
    // A Durham nurse on a Leeds challenge may hand over to a Durham colleague, not to other Durham agencies.
    const outsider = snapshotOf(
      [...d.people, person('other', 'Greg Other', 'Nurse', 'nhs2')],
      [
        ...['school', 'csc', 'nhs'].map((id) => d.agency(id)!),
        AgencySchema.parse({ id: 'nhs2', name: 'Other Trust', partnershipId: 'durham' }),
      ],
      [d.partnership('leeds')!, d.partnership('durham')!],
    );
    assert.deepEqual(ids(searchPeople(outsider, 'handOver', 'leeds', 'jade', 'gre')), ['greta']);
    assert.deepEqual(ids(searchPeople(outsider, 'handOver', 'leeds', 'jade', 'grace')), ['grace', 'isla']);
    assert.deepEqual(ids(searchPeople(outsider, 'handOver', 'leeds', 'jade', 'jade')), [], 'not herself');
    assert.equal(scopeOf(outsider, 'handOver', 'leeds', 'jade')(outsider.person('other')!), false);
    assert.equal(scopeOf(outsider, 'handOver', 'leeds', 'jade')(outsider.person('greta')!), true);
  });

  it('gives at most 15, as Teams shows, and the page asked for', () => {
    const many = snapshotOf(
      Array.from({ length: 200 }, (_, i) => person(`p${String(i).padStart(3, '0')}`, `Grace Number ${i}`, 'SW', 'csc')),
      [d.agency('csc')!],
      [d.partnership('leeds')!],
    );
    const first = ids(searchPeople(many, 'raisedWith', 'leeds', 'nobody', 'grace'));
    assert.equal(first.length, MAX_RESULTS);
    assert.equal(ids(searchPeople(many, 'raisedWith', 'leeds', 'nobody', 'grace', { top: 100 })).length, MAX_RESULTS);
    const next = ids(searchPeople(many, 'raisedWith', 'leeds', 'nobody', 'grace', { skip: 15, top: 15 }));
    assert.equal(next.length, 15);
    assert.equal(new Set([...first, ...next]).size, 30, 'pages do not overlap');
    assert.deepEqual(
      ids(searchPeople(many, 'raisedWith', 'leeds', 'nobody', 'grace', { skip: 1, top: 2 })),
      first.slice(1, 3),
    );
  });

  it('takes hostile text as text: long, pattern characters, control characters, no words at all', () => {
    for (const hostile of [
      'a'.repeat(100_000) + '!',
      '(a+)+$',
      '.*',
      '[',
      '\\',
      '\u0000\u202e',
      '   ',
      '!!!',
      '\ud800',
    ]) {
      assert.ok(
        Array.isArray(searchPeople(d, 'raisedWith', 'leeds', 'amira', hostile)),
        JSON.stringify(hostile.slice(0, 9)),
      );
    }
    assert.deepEqual(ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', `grace ${'x'.repeat(200)}`)), []);
    assert.deepEqual(
      ids(searchPeople(d, 'raisedWith', 'leeds', 'amira', 'grace l a b c d e f g h i j')),
      [],
      'words past the eighth are not read, the first eight must all match',
    );
    assert.equal(normalise('  Zoë  Ó-Súilleabháin\tÆsir '), 'zoe o suilleabhain aesir');
  });

  it('before anything is typed, and on a card, the short list: the likeliest first, then name order', () => {
    // A hand-over: Amira's line manager (Ben), then her agency, then the people on the challenge, then the rest.
    assert.deepEqual(ids(shortListOf(d, 'handOver', 'leeds', 'amira')), [
      'ben',
      'chloe',
      'grace',
      'graham',
      'isla',
      'siobhan',
    ]);
    assert.deepEqual(
      ids(searchPeople(d, 'handOver', 'leeds', 'amira', '')),
      ids(shortListOf(d, 'handOver', 'leeds', 'amira')),
    );
    // A raise: the other agencies' safeguarding leads, their people, then the raiser's own agency.
    assert.deepEqual(ids(shortListOf(d, 'raisedWith', 'leeds', 'amira')), [
      'graham',
      'grace',
      'isla',
      'siobhan',
      'ben',
      'chloe',
    ]);
    // A value sent before comes first, so a form that comes back shows it chosen.
    assert.deepEqual(ids(shortListOf(d, 'raisedWith', 'leeds', 'amira', { kept: ['siobhan'], max: 2 })), [
      'siobhan',
      'graham',
    ]);
    assert.deepEqual(
      ids(shortListOf(d, 'raisedWith', 'leeds', 'amira', { kept: ['jade'], max: 1 })),
      ['graham'],
      'never out of scope',
    );
  });

  it('an "agencies" field searches the procedure’s agencies; its short list puts kept ones first', () => {
    assert.deepEqual(searchAgencies(d, 'leeds', 'park'), ['Parkside Primary School']);
    assert.deepEqual(searchAgencies(d, 'leeds', 'childrens social'), ['Leeds Children’s Social Work Service']);
    assert.deepEqual(searchAgencies(d, 'leeds', 'durham'), []);
    assert.deepEqual(agencyShortList(d, 'leeds', { kept: (n) => n.startsWith('Parkside') }), [
      'Parkside Primary School',
      'Leeds Children’s Social Work Service',
    ]);
  });

  it('the generic search keeps its index order within a tier', () => {
    const index = indexOf(
      ['b two', 'a two', 'two'],
      (s) => s,
      () => [],
      (s) => s,
    );
    assert.deepEqual(search(index, 'two'), ['two', 'a two', 'b two']);
  });
});
