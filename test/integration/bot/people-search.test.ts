/**
 * The cards' typeahead searches over HTTP (invoke application/search), against the real bot and
 * the sample directory: "Raised with" in each partnership, "Hand over to" and a form's agencies
 * on a challenge. Each card names its dataset; what a search finds is within the field's limits
 * and is what the submit then accepts; someone not on a challenge finds nothing in its fields
 * (COM-2); a malformed search is answered with an empty list, never a 5xx.
 */
import assert from 'node:assert/strict';
import { message, searchInvoke, type TestUser } from '../../support/activities';
import type { Harness } from '../../support/bot-harness';
import { cardOf, installPartnership, startBot, text, Walk, type Card } from './support';

interface Answer {
  status: number;
  body: { statusCode?: number; type?: string; value?: { results?: { title: string; value: string }[] } };
}

/** The Data.Query dataset of the card's input `id`. */
function datasetOf(card: Card, id: string): string {
  let found: string | undefined;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Card;
    if (o.type === 'Input.ChoiceSet' && o.id === id) found ??= o['choices.data']?.dataset;
    Object.values(o).forEach(walk);
  };
  walk(card);
  assert.ok(found, `the card's ${id} is a typeahead with a dataset`);
  return found;
}

describe('typeahead search over HTTP (application/search)', function () {
  let h: Harness;
  before(async () => {
    h = await startBot('search', '2026-11-23T10:00:00Z');
    await installPartnership(h, 'leeds');
    // Each partnership gets an agency of 30 more, so no card can carry everyone: its person fields are typeaheads.
    const { directory } = h.app.stores;
    for (const partnership of ['leeds', 'dudley', 'durham', 'newcastle', 'darlington']) {
      const agencyId = `${partnership}-practice`;
      await directory.agencies.upsert({
        id: agencyId,
        name: `${partnership} Medical Practice`,
        partnershipId: partnership,
      });
      for (let i = 0; i < 30; i++) {
        const id = `0000${String(partnerships.findIndex((p) => p[0] === partnership)).padStart(4, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;
        const person = {
          id,
          name: `Rowan ${EXTRA[i % EXTRA.length]} ${i}`,
          role: 'Practice Nurse',
          agencyId,
          email: `n${i}@${agencyId}.example.org`,
        };
        h.directory.people.push({ ...person, reachable: false, reach: 'teams' });
        await directory.people.upsert(person);
      }
      h.directory.agencies.push({ ...(await directory.agencies.get(agencyId))! });
    }
    h.app.services.directory.invalidate();
  });
  after(async () => h.stop());

  const partnershipOf = (personId: string) => {
    const agency = h.directory.people.find((p) => p.id === personId)?.agencyId;
    return h.directory.agencies.find((a) => a.id === agency)?.partnershipId;
  };
  const nameOf = (personId: string) => h.directory.people.find((p) => p.id === personId)?.name;

  async function search(who: TestUser, dataset: unknown, queryText: unknown, options?: unknown): Promise<Answer> {
    const answer = (await h.post(searchInvoke(h.channel.url, who, dataset, queryText, options))) as Answer;
    return answer;
  }
  async function found(who: string, dataset: string, queryText: string): Promise<string[]> {
    const { status, body } = await search(h.user(who), dataset, queryText);
    assert.equal(status, 200);
    assert.equal(body.type, 'application/vnd.microsoft.search.searchResponse');
    return (body.value?.results ?? []).map((r) => r.value);
  }
  async function raiseForm(who: string): Promise<Card> {
    h.channel.clear();
    await h.post(message(h.channel.url, h.user(who), 'raise challenge'));
    const form = cardOf(h.channel.received.at(-1)?.activity);
    assert.ok(form, 'the raise form');
    return form;
  }

  const EXTRA = ['Ashdown', 'Blake', 'Cooper', 'Dawson', 'Ellis', 'Foster', 'Hayes'];
  const partnerships: [string, string, string, string][] = [
    ['leeds', 'Amira Khan', 'gra', 'Grace Liu'],
    ['dudley', 'Olivia Hart', 'UMA', 'Uma Shah'],
    ['durham', 'Dawn Pike', 'jade f', 'Jade Fox'],
    ['newcastle', 'Rosa Diaz', 'xena', 'Xena Cho'],
    ['darlington', 'Gail Young', 'Patel', 'Mina Patel'],
  ];
  for (const [partnership, raiser, typed, expected] of partnerships) {
    it(`COM-2 "Raised with" in ${partnership}: ${raiser} finds ${expected} by "${typed}", and only people of ${partnership}, never herself`, async () => {
      const dataset = datasetOf(await raiseForm(raiser), 'raisedWith');
      assert.equal(dataset, `raisedWith:${partnership}`);
      const ids = await found(raiser, dataset, typed);
      assert.equal(nameOf(ids[0]!), expected, 'the name that begins with what was typed comes first');
      // Before anything is typed, a page of the partnership; and every page is of the partnership, never the raiser.
      const pages = await Promise.all(
        [0, 15, 30].map(
          async (skip) => (await search(h.user(raiser), dataset, '', { skip, top: 15 })).body.value?.results ?? [],
        ),
      );
      assert.equal(pages[0]!.length, 15);
      const everyone = pages.flat().map((r) => r.value);
      for (const id of everyone) assert.equal(partnershipOf(id), partnership, `${nameOf(id)} is in ${partnership}`);
      assert.ok(!everyone.includes(h.user(raiser).aadObjectId), 'the raiser is not offered');
      assert.ok(!(await found(raiser, dataset, raiser)).length, 'not even by name');
    });
  }

  it('"Raised with" matches roles and agencies, ignoring case and accents; another partnership\'s people are not found', async () => {
    const amira = 'Amira Khan';
    assert.deepEqual((await found(amira, 'raisedWith:leeds', 'sócial WORKER')).map(nameOf).sort(), [
      'Grace Liu',
      'Isla Carter',
    ]);
    assert.deepEqual(
      (await found(amira, 'raisedWith:leeds', 'parkside')).map(nameOf).sort(),
      ['Ben Ortiz', 'Chloe Brennan', 'Dev Mistry', 'Eleanor Price', 'Frank Osei'],
      "Parkside Primary School's people, Amira left out",
    );
    assert.deepEqual(await found(amira, 'raisedWith:leeds', 'Jade'), [], 'Jade Fox is in Durham');
    // The dataset names the procedure: a Leeds teacher raising under Durham's procedure finds Durham's people.
    assert.deepEqual((await found(amira, 'raisedWith:durham', 'jade')).map(nameOf), ['Jade Fox']);
  });

  it('COM-2 what "Raised with" finds is what Raise accepts; a crafted id from another partnership is refused beside the field', async () => {
    const [grace] = await found('Amira Khan', 'raisedWith:leeds', 'grace');
    const w = new Walk(h);
    const raised = await w.raise({ raiser: 'Amira Khan', raisedWith: nameOf(grace!)!, caseReference: 'SEARCH-0001' });
    assert.match(text(raised.card), /SEARCH-0001: Step 1/);

    const crafted = new Walk(h);
    const refused = await crafted.raise({ raiser: 'Amira Khan', raisedWith: 'Jade Fox', caseReference: 'SEARCH-0002' });
    assert.match(text(refused.card), /That person is not in Leeds Safeguarding Children Partnership/);
    assert.equal(await h.app.stores.challenges.load(crafted.challengeId), undefined, 'nothing is stored');
  });

  it('LEE-7 COM-2 "Hand over to": the presser finds colleagues and the partnership, not himself, not another partnership; the submit accepts what he found', async () => {
    const w = new Walk(h);
    await w.raise({ raiser: 'Amira Khan', raisedWith: 'Grace Liu', caseReference: 'SEARCH-0003' });
    await w.press('Amira Khan', 'escalate', { reason: 'No agreement at step 1.' });
    const card = await w.refresh('Ben Ortiz');
    const dataset = datasetOf(card, 'handOver.toPersonId');
    assert.equal(dataset, `handOver:${w.challengeId}`);

    const first = await found('Ben Ortiz', dataset, '');
    assert.equal(nameOf(first[0]!), 'Dev Mistry', "before anything is typed: Ben's line manager first");
    assert.deepEqual((await found('Ben Ortiz', dataset, 'dev')).map(nameOf), ['Dev Mistry']);
    assert.deepEqual((await found('Ben Ortiz', dataset, 'kemi')).map(nameOf), ['Kemi Adeyemi'], 'the partnership');
    assert.deepEqual(await found('Ben Ortiz', dataset, 'ben ortiz'), [], 'not himself');
    assert.deepEqual(await found('Ben Ortiz', dataset, 'dawn'), [], 'not Durham');

    const [dev] = await found('Ben Ortiz', dataset, 'dev');
    const handed = await w.press('Ben Ortiz', 'handOver', { role: 'raising.lineManager', toPersonId: dev! });
    assert.match(text(handed.card), /You handed/);
    const stored = (await h.app.stores.challenges.load(w.challengeId))!.challenge;
    assert.deepEqual(
      stored.participants['raising.lineManager']?.map((p) => p.name),
      ['Dev Mistry'],
    );
  });

  it('an "agencies" field finds the partnership\'s agencies by name', async () => {
    const w = new Walk(h);
    await w.raise({ raiser: 'Amira Khan', raisedWith: 'Grace Liu', caseReference: 'SEARCH-0004' });
    const dataset = `agencies:${w.challengeId}`;
    const { body } = await search(h.user('Amira Khan'), dataset, 'park');
    assert.deepEqual(body.value?.results, [{ title: 'Parkside Primary School', value: 'parkside-primary-school' }]);
    assert.deepEqual(await found('Amira Khan', dataset, 'durham'), []);
  });

  it('COM-2 someone not on a challenge finds nothing in its fields, as if it did not exist', async () => {
    const w = new Walk(h);
    await w.raise({ raiser: 'Amira Khan', raisedWith: 'Grace Liu', caseReference: 'SEARCH-0005' });
    for (const who of ['Jon Bates', 'Dawn Pike']) {
      for (const kind of ['handOver', 'agencies']) {
        assert.deepEqual(await found(who, `${kind}:${w.challengeId}`, ''), [], `${who} ${kind}`);
        assert.deepEqual(await found(who, `${kind}:${w.challengeId}`, 'a'), [], `${who} ${kind} "a"`);
      }
    }
    // Someone the directory does not know finds nobody to raise with either.
    const stranger = { aadObjectId: '11111111-2222-4333-8444-555555555555', name: 'Stranger' };
    assert.deepEqual((await search(stranger, 'raisedWith:leeds', 'grace')).body.value?.results, []);
  });

  it('a malformed or hostile search is answered 200 with no results, never a 5xx or an exception text', async () => {
    const amira = h.user('Amira Khan');
    const bad: [string, unknown, unknown, unknown][] = [
      ['no dataset', undefined, 'grace', undefined],
      ['a dataset the cards never name', 'people', 'grace', undefined],
      ['a dataset with a bad challenge id', 'handOver:../../etc', 'grace', undefined],
      ['a challenge id that is not there', 'handOver:00000000-0000-4000-8000-000000000000', 'grace', undefined],
      ['an unknown procedure', 'raisedWith:atlantis', 'grace', undefined],
      ['a number for the text', 'raisedWith:leeds', 42, undefined],
      ['text too long', 'raisedWith:leeds', 'g'.repeat(5000), undefined],
      ['a lone surrogate', 'raisedWith:leeds', 'gr\ud800ace', undefined],
      ['paging that is not numbers', 'raisedWith:leeds', 'grace', { skip: 'x', top: {} }],
      ['paging out of range', 'raisedWith:leeds', 'grace', { skip: -1, top: 1e9 }],
    ];
    for (const [what, dataset, queryText, options] of bad) {
      const { status, body } = await search(amira, dataset, queryText, options);
      assert.equal(status, 200, what);
      assert.deepEqual(body.value?.results, [], what);
    }
    const { status, body } = await h.post({
      ...searchInvoke(h.channel.url, amira, 'raisedWith:leeds', 'x'),
      value: 'grace',
    });
    assert.equal(status, 200, 'a value that is not an object');
    assert.deepEqual((body as Answer['body']).value?.results, []);
    // Text that would be slow for a naive pattern, and pattern characters, are only text.
    for (const hostile of ['a'.repeat(3000) + '!', '.*(a+)+$', '[', '\\', '%00', '<at>Grace</at>']) {
      assert.equal((await search(amira, 'raisedWith:leeds', hostile)).status, 200, hostile);
    }
  });

  it('pages as Teams asks, at most 15 at a time', async () => {
    const all = await found('Amira Khan', 'raisedWith:leeds', '');
    const { body } = await search(h.user('Amira Khan'), 'raisedWith:leeds', '', { skip: 2, top: 3 });
    assert.deepEqual(
      body.value?.results?.map((r) => r.value),
      all.slice(2, 5),
    );
  });
});
