import assert from 'node:assert/strict';
import { validateCard } from './validate-card';

const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body,
  ...extra,
});

describe('the card validator (the official adaptivecards library, schema 1.5)', () => {
  const typeahead = { type: 'Data.Query', dataset: 'people' };
  const choiceSet = { type: 'Input.ChoiceSet', id: 'p', style: 'filtered', choices: [{ title: 'Ann', value: 'a' }] };

  it('passes a typeahead (choices.data, a Teams extension on 1.5 cards) beside its static choices', () => {
    assert.deepEqual(validateCard(card([{ ...choiceSet, 'choices.data': typeahead }])), []);
    assert.deepEqual(validateCard(card([{ ...choiceSet, isMultiSelect: true, 'choices.data': typeahead }])), []);
  });

  it('passes a plain 1.5 card with Teams extensions', () => {
    const good = card([{ type: 'TextBlock', text: 'Hello', wrap: true }], {
      msteams: { width: 'Full' },
      actions: [{ type: 'Action.Execute', title: 'Go', verb: 'go', fallback: { type: 'Action.Submit', title: 'Go' } }],
    });
    assert.deepEqual(validateCard(good), []);
  });

  const faults: [string, unknown, RegExp][] = [
    ['an unknown element', card([{ type: 'Carousel' }]), /UnknownElementType/],
    ['an unknown action', card([], { actions: [{ type: 'Action.Teleport', title: 'x' }] }), /UnknownActionType/],
    ['an invalid value', card([{ type: 'TextBlock', text: 'x', size: 'huge' }]), /InvalidPropertyValue.*huge/],
    ['an unknown property', card([{ type: 'TextBlock', text: 'x', colour: 'good' }]), /"colour" at \$\.body\[0\]/],
    [
      'a property of a later version',
      card([{ type: 'Input.Text', id: 'p', label: 'Name', labelPosition: 'inline' }]),
      /UnsupportedProperty.*1\.6/,
    ],
    [
      'a typeahead with no static choice (clients without Data.Query would have none)',
      card([{ type: 'Input.ChoiceSet', id: 'p', style: 'filtered', choices: [], 'choices.data': typeahead }]),
      /CollectionCantBeEmpty/,
    ],
    [
      'a typeahead with no dataset',
      card([{ ...choiceSet, 'choices.data': { type: 'Data.Query', dataset: '' } }]),
      /needs a dataset/,
    ],
    [
      'a typeahead that is not filtered',
      card([{ ...choiceSet, style: 'compact', 'choices.data': typeahead }]),
      /filtered/,
    ],
    [
      'a typeahead query that is not a Data.Query',
      card([{ ...choiceSet, 'choices.data': { type: 'Data.Fetch', dataset: 'people' } }]),
      /must be a Data\.Query/,
    ],
    [
      'a duplicate input id',
      card([
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Date', id: 'a' },
      ]),
      /DuplicateId/,
    ],
    ['another version', { ...card([]), version: '1.6' }, /version must be "1.5"/],
    ['an unbound template expression', card([{ type: 'TextBlock', text: '${name}' }]), /unbound/],
    [
      'a comma in a choice value',
      card([{ type: 'Input.ChoiceSet', id: 'c', choices: [{ title: 'A', value: 'a,b' }] }]),
      /comma/,
    ],
  ];
  for (const [what, bad, expected] of faults) {
    it(`refuses ${what}`, () => {
      const problems = validateCard(bad);
      assert.ok(
        problems.some((p) => expected.test(p)),
        problems.join('\n') || 'no problem found',
      );
    });
  }
});
