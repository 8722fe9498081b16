import assert from 'node:assert/strict';
import { validateCard } from './validate-card';

const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body,
  ...extra,
});

describe('the card validator (the official adaptivecards library, schema 1.5)', () => {
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
      card([{ type: 'Input.ChoiceSet', id: 'p', choices: [], 'choices.data': { type: 'Data.Query', dataset: 'x' } }]),
      /UnsupportedProperty.*1\.6/,
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
