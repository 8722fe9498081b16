/**
 * Cards at real size: with a generated 10,000-person directory (250 agencies), the raise form
 * and the largest stage card (every person on every stage of every procedure, and each stage
 * again with a long history) stay under 40 KB, Teams' older guidance for a bot message, and
 * valid; there every person field, and every 'agencies' field, is a typeahead carrying a short
 * list, while a small partnership's cards carry everyone and search nothing.
 */
import assert from 'node:assert/strict';
import { MAX_RESULTS } from '../../../src/directory/people-search';
import { walks } from './fixtures';
import {
  largeDirectory,
  largestStageCard,
  raiseFormOf,
  raiseFormSize,
  stageCardOf,
  withLongHistory,
} from './large-directory';
import { validateCard, walk } from './validate-card';

const MAX_BYTES = 40 * 1024;
const PEOPLE = 10_000;

const typeaheads = (card: object) => [...walk(card)].filter((o) => o.type === 'Input.ChoiceSet' && 'choices.data' in o);

describe('cards at real size (a 10,000-person directory)', function () {
  this.timeout(60_000);

  it(`the raise form is under ${MAX_BYTES / 1024} KB in every partnership`, () => {
    const largest = raiseFormSize(PEOPLE);
    assert.equal(largest.people, PEOPLE);
    assert.ok(largest.bytes < MAX_BYTES, `${largest.bytes} bytes (${largest.where})`);
  });

  it(`the largest stage card, long history included, is under ${MAX_BYTES / 1024} KB`, () => {
    const largest = largestStageCard(PEOPLE);
    assert.ok(largest.people >= PEOPLE);
    assert.ok(largest.bytes < MAX_BYTES, `${largest.bytes} bytes (${largest.where})`);
  });

  it('"Raised with" is a typeahead over the procedure, with a short list of the partnership, valid', () => {
    const { procedure, atStage } = walks.find((w) => w.procedure.id === 'leeds') ?? assert.fail();
    const card = raiseFormOf(largeDirectory(procedure, atStage[0]!, PEOPLE), procedure, atStage[0]!.raisedBy.id);
    assert.deepEqual(validateCard(card), []);
    const [raisedWith, ...others] = typeaheads(card);
    assert.deepEqual(others, []);
    assert.equal(raisedWith?.id, 'raisedWith');
    assert.deepEqual(raisedWith?.['choices.data'], { type: 'Data.Query', dataset: 'raisedWith:leeds' });
    const choices = raisedWith?.choices as { value: string }[];
    assert.equal(choices.length, MAX_RESULTS + 1, 'the short list and the external professional');
  });

  it("a small partnership's people are all on the card, a filtered list with nothing to search", () => {
    const { procedure, atStage } = walks.find((w) => w.procedure.id === 'leeds') ?? assert.fail();
    const challenge = atStage[1]!;
    const directory = largeDirectory(procedure, challenge, 12);
    const form = raiseFormOf(directory, procedure, challenge.raisedBy.id);
    const owner = challenge.participants['raising.lineManager']?.[0] ?? assert.fail();
    const card = stageCardOf(directory, procedure, challenge, owner.id);
    // Everyone but the presser (and, on the raise form, the external professional).
    for (const [c, id, offered] of [
      [form, 'raisedWith', directory.size],
      [card, 'handOver.toPersonId', directory.size - 1],
    ] as const) {
      assert.deepEqual(validateCard(c), []);
      const input = [...walk(c)].find((o) => o.id === id) ?? assert.fail(id);
      assert.equal(input.style, 'filtered');
      assert.ok(!('choices.data' in input), `${id}: no search`);
      assert.equal((input.choices as unknown[]).length, offered, id);
    }
  });

  it('"Hand over to" and the forms\' agencies are typeaheads over the challenge, with short lists, on a valid card', () => {
    const { procedure, atStage } = walks.find((w) => w.procedure.id === 'darlington') ?? assert.fail();
    const challenge = withLongHistory(atStage.find((c) => c.stageId === 'stage-3') ?? assert.fail());
    const directory = largeDirectory(procedure, atStage[0]!, PEOPLE);
    const person = challenge.participants['raising.safeguardingLead']?.[0] ?? assert.fail();
    const card = stageCardOf(directory, procedure, challenge, person.id);
    assert.deepEqual(validateCard(card), []);
    const found = typeaheads(card);
    assert.ok(
      found.some((o) => o.id === 'handOver.toPersonId'),
      'hand-over is offered',
    );
    assert.ok(
      found.some((o) => String(o.id).endsWith('.agenciesToInvite')),
      "DAR-7's agencies to invite",
    );
    for (const o of found) {
      const kind = o.id === 'handOver.toPersonId' ? 'handOver' : 'agencies';
      assert.deepEqual(o['choices.data'], { type: 'Data.Query', dataset: `${kind}:${challenge.id}` }, String(o.id));
      assert.equal(o.isMultiSelect, kind === 'agencies', `${String(o.id)}: one person, several agencies`);
      const n = (o.choices as unknown[]).length;
      assert.ok(n > 0 && n <= MAX_RESULTS, `${String(o.id)}: ${n} choices`);
    }
    // A small partnership's agencies are all on the card, as checkboxes: nothing to search.
    const small = largeDirectory(procedure, atStage[0]!, 100);
    const few = stageCardOf(small, procedure, challenge, person.id);
    const agencies = [...walk(few)].filter((o) => String(o.id).endsWith('.agenciesToInvite'));
    assert.ok(agencies.length > 0);
    for (const o of agencies) {
      assert.equal(o.style, 'expanded');
      assert.ok(!('choices.data' in o));
      assert.equal((o.choices as unknown[]).length, small.ofProcedure(procedure.id).agencies.length);
    }
    // The person's own agency colleagues come first on a hand-over.
    const colleagues = (found.find((o) => o.id === 'handOver.toPersonId')!.choices as { value: string }[]).map(
      (c) => directory.person(c.value)?.agencyId,
    );
    assert.equal(colleagues[0], directory.person(person.id)?.agencyId);
  });
});
