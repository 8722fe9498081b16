import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { checkRaise, toRaiseCommand } from '../../../cards/raise-check';
import { choiceValue } from '../../../cards/choice-value';
import { renderCard } from '../../../cards/render';
import { parseCardAction, type ActionOf } from '../../../cards/verbs';
import { EXTERNAL, toRaiseFormCardData, type RaiseFormInput } from '../../../cards/view-models/raise-form';
import { NOT_A_COMPLAINT, SAFETY_REMINDER } from '../../../cards/view-models/wording';
import type { Procedure } from '../../../src/procedures/schema';
import { directory, procedures } from './fixtures';

/** The id the form was rendered with: one in the bot's own format. */
const NEW_ID = '5f2d8a10-3c4b-4e6f-8a9b-0c1d2e3f4a5b';
import { press } from './press';
import { actionsOf, textOf, validateCard, walk } from './validate-card';

const byId = (id: string): Procedure => procedures.find((p) => p.id === id) ?? assert.fail(`no ${id}`);

function form(procedure: Procedure, extra: Partial<RaiseFormInput> = {}) {
  return renderCard(
    'raise-form',
    toRaiseFormCardData({ procedures, procedure, challengeId: NEW_ID, people: directory(), ...extra }),
  );
}

const inputIds = (card: object) =>
  [...walk(card)].filter((o) => String(o.type).startsWith('Input.')).map((o) => String(o.id));
const input = (card: object, id: string) => [...walk(card)].find((o) => o.id === id) ?? assert.fail(`no input ${id}`);
const raiseButton = (card: object) =>
  actionsOf(card, 'Action.Execute').find((a) => a.verb === 'raise') ?? assert.fail();

describe('raise form', () => {
  for (const procedure of procedures) {
    it(`${procedure.id}: is a valid Adaptive Card 1.5 under 40 KB, with COM-1 and COM-6`, () => {
      const card = form(procedure);
      assert.deepEqual(validateCard(card), []);
      assert.ok(Buffer.byteLength(JSON.stringify(card)) < 40 * 1024);
      assert.ok(textOf(card).includes(SAFETY_REMINDER), 'COM-1');
      assert.ok(textOf(card).includes(NOT_A_COMPLAINT), 'COM-6');
      assert.equal(input(card, 'procedureId').value, procedure.id);
      const areas = input(card, 'areas');
      assert.deepEqual(
        (areas.choices as { title: string }[]).map((c) => c.title),
        procedure.areasOfDisagreement,
      );
      assert.equal(areas.isMultiSelect, procedure.multipleAreas);
    });

    it(`${procedure.id}: pressing Raise with the form filled in gives a raise action the procedure accepts`, () => {
      const card = form(procedure);
      const areas = (input(card, 'areas').choices as { value: string }[]).map((c) => c.value);
      const chosen = procedure.multipleAreas ? areas.slice(0, 2).join(',') : areas[1];
      const data = press(card, raiseButton(card), { raisedWith: 'aad-dir-3', areas: chosen });
      const parsed = parseCardAction(data);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.equal(parsed.action.verb, 'raise');
      assert.deepEqual(checkRaise(procedure, parsed.action as ActionOf<'raise'>), {});
      assert.equal(parsed.action.challengeId, NEW_ID);
      const raisedBy = { id: 'aad-me', name: 'Me', reachable: true };
      const raisedWith = { id: 'aad-dir-3', name: 'Them', reachable: true };
      const command = toRaiseCommand(procedure, parsed.action as ActionOf<'raise'>, {
        raisedBy,
        raisedWith,
        participants: {},
      });
      const expected = procedure.multipleAreas
        ? procedure.areasOfDisagreement.slice(0, 2)
        : procedure.areasOfDisagreement.slice(1, 2);
      assert.deepEqual(command.areas, expected, "areas come back in the procedure's own words");
    });
  }

  it('DUR-10 only Durham asks for the family name, and says who sees it', () => {
    for (const procedure of procedures) {
      const card = form(procedure);
      assert.equal(inputIds(card).includes('familyName'), procedure.raiseForm.familyName, procedure.id);
    }
    assert.ok(textOf(form(byId('durham'))).includes('Shown only to the people on this challenge'));
  });

  it('DUR-9 Durham takes one or more identified issues; DAR-8 Darlington its own list of areas', () => {
    assert.equal(input(form(byId('durham')), 'areas').isMultiSelect, true);
    const darlington = input(form(byId('darlington')), 'areas');
    assert.equal(darlington.isMultiSelect, false);
    assert.ok((darlington.choices as { title: string }[]).some((c) => /mental capacity/i.test(c.title)));
  });

  it('NEW-10 Newcastle asks whether it is dissent from a conference decision, with the conference date', () => {
    const card = form(byId('newcastle'));
    assert.ok(inputIds(card).includes('kind') && inputIds(card).includes('conferenceDate'));
    assert.ok(!inputIds(form(byId('leeds'))).includes('conferenceDate'));
  });

  it('NEW-8 the immediate route is offered only where the procedure has one', () => {
    for (const procedure of procedures) {
      assert.equal(inputIds(form(procedure)).includes('urgency'), procedure.immediateRoute !== undefined, procedure.id);
    }
  });

  it('offers the directory and an external professional, with the fields for their details', () => {
    const card = form(byId('leeds'));
    const choices = (input(card, 'raisedWith').choices as { value: string }[]).map((c) => c.value);
    assert.ok(choices.includes('aad-dir-0') && choices.includes(EXTERNAL));
    for (const id of ['externalName', 'externalRole', 'externalAgency', 'externalEmail'])
      assert.ok(inputIds(card).includes(id));
  });

  it('the procedure can be changed without losing what was typed (changeProcedure)', () => {
    const card = form(byId('leeds'));
    const change = actionsOf(card, 'Action.Execute').find((a) => a.verb === 'changeProcedure') ?? assert.fail();
    const parsed = parseCardAction(press(card, change, { procedureId: 'durham', concern: 'Typed already' }));
    assert.ok(parsed.ok && parsed.action.verb === 'changeProcedure');
    assert.equal(parsed.action.procedureId, 'durham');
    assert.equal(parsed.action.values.concern, 'Typed already');
  });

  it('a failed submission comes back with the values kept and each error beside its field, summarised at the top', () => {
    const procedure = byId('durham');
    const values = {
      caseReference: '12/03/2019',
      familyName: 'Smith',
      areas: procedure.areasOfDisagreement.slice(0, 2).map(choiceValue).join(','),
      concern: 'The report was late again.',
      desiredOutcome: '',
      raisedWith: EXTERNAL,
      externalName: 'Dr Rao',
    };
    const errors = {
      caseReference: "That looks like a date: give the agency's case reference, not a date of birth.",
      desiredOutcome: 'Please fill this in.',
      externalEmail: 'Please give their email address.',
    };
    const card = form(procedure, { values, errors });
    assert.deepEqual(validateCard(card), []);
    assert.equal(input(card, 'caseReference').value, values.caseReference);
    assert.equal(input(card, 'familyName').value, 'Smith');
    assert.equal(input(card, 'concern').value, values.concern);
    assert.equal(input(card, 'areas').value, values.areas);
    assert.equal(input(card, 'externalName').value, 'Dr Rao');
    assert.equal(input(card, 'externalDetails').isVisible, true);
    for (const [field, message] of Object.entries(errors)) {
      // The error is the attention-coloured text in the same container, after the field.
      const container = [...walk(card)].find(
        (o) =>
          o.type === 'Container' &&
          Array.isArray(o.items) &&
          (o.items as { id?: string }[]).some((i) => i.id === field),
      );
      assert.ok(container, field);
      const items = container.items as { id?: string; text?: string; color?: string }[];
      const at = items.findIndex((i) => i.id === field);
      assert.ok(
        items.slice(at + 1).some((i) => i.text === message && i.color === 'attention'),
        `${field} error beside it`,
      );
      assert.ok(textOf((card.body ?? []).slice(0, 5)).includes(message), `${field} in the summary`);
    }
    const untouched = [...walk(card)].filter((o) => o.type === 'TextBlock' && o.color === 'attention');
    assert.equal(
      untouched.length,
      1 + 3 + Object.keys(errors).length,
      'summary heading + summary lines + one per field',
    );
  });

  it('a re-shown form never copies an object or a nested list from a press into its inputs', () => {
    const procedure = byId('leeds');
    const values: Record<string, unknown> = {
      caseReference: { $root: 'x', toString: 'evil' },
      concern: ['typed', { nested: true }],
      desiredOutcome: [['a']],
      evidence: 42,
      areas: [{ slug: 'x' }],
      raisedWith: null,
      externalName: 'x'.repeat(20_000),
    };
    const card = form(procedure, { values, errors: { caseReference: 'Please fill this in.' } });
    assert.deepEqual(validateCard(card), []);
    for (const o of walk(card)) {
      if (String(o.type).startsWith('Input.') && 'value' in o) {
        assert.equal(typeof o.value, 'string', `${String(o.id)} has a text value`);
      }
    }
    assert.equal(input(card, 'caseReference').value, '');
    assert.equal(input(card, 'concern').value, '');
    assert.equal(input(card, 'desiredOutcome').value, '');
    assert.equal(input(card, 'evidence').value, '42');
    assert.equal(input(card, 'areas').value, '');
    assert.ok(String(input(card, 'externalName').value).length <= 4_000, 'cut to what an input holds');
  });

  it('checkRaise catches what only the procedure or several fields together can tell', () => {
    const procedure = byId('leeds');
    const card = form(procedure);
    const base = parseCardAction(
      press(card, raiseButton(card), { raisedWith: EXTERNAL, areas: 'not-an-area', caseReference: 'Ref 01/02/2020' }),
    );
    assert.ok(base.ok);
    const errors = checkRaise(procedure, base.action as ActionOf<'raise'>);
    assert.ok(errors.areas && errors.caseReference && errors.externalEmail === undefined);
  });
});
