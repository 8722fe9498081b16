import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { renderCard } from '../../../cards/render';
import { stageCardFor } from '../../../cards/stage-card-for';
import { peopleOnChallenge } from '../../../cards/view-models/people';
import { BUTTON_VERBS, toStageCardData } from '../../../cards/view-models/stage-card';
import { viewerOf } from '../../../cards/view-models/viewer';
import type { CardNotice } from '../../../cards/view-models/notice';
import { MOVED_ON, NOT_ON_CHALLENGE, ONLY_PEOPLE_ON_IT_ACT, SAFETY_REMINDER } from '../../../cards/view-models/wording';
import { allowedCommands, rolesOf } from '../../../src/workflow';
import { directory, FAMILY_NAME, CONCERN, DESIRED, EVIDENCE, REASON, walks } from './fixtures';
import { actionsOf, textOf, validateCard, walk } from './validate-card';

const now = new Date('2027-01-20T10:00:00Z');
const MAX_BYTES = 40 * 1024;

/** The verbs of the buttons a person can press on a card (refresh excluded). */
function buttonVerbs(card: object): string[] {
  return actionsOf(card, 'Action.Execute').map((a) => String(a.verb));
}

describe('stage card', () => {
  for (const { procedure, atStage, resolved } of walks) {
    describe(procedure.id, () => {
      for (const challenge of [...atStage, resolved]) {
        it(`at ${challenge.stageId} (${challenge.status}): every person on it gets a valid card with exactly their allowed buttons`, () => {
          for (const person of peopleOnChallenge(challenge)) {
            const card = stageCardFor({ procedure, challenge, personId: person.id, now, people: directory() });
            assert.deepEqual(validateCard(card), [], `${person.role}`);
            assert.ok(Buffer.byteLength(JSON.stringify(card)) < MAX_BYTES, `${person.role}: card too big`);
            const expected = allowedCommands(procedure, challenge, person.id, now).filter((c) =>
              (BUTTON_VERBS as readonly string[]).includes(c),
            );
            assert.deepEqual(new Set(buttonVerbs(card)), new Set(expected), `${person.role} at ${challenge.stageId}`);
            assert.ok(textOf(card).includes(CONCERN), 'people on the challenge see the concern');
            assert.ok(textOf(card).includes(DESIRED) && textOf(card).includes(EVIDENCE));
          }
        });
      }

      it('someone not on the challenge gets the minimal card: no details, no buttons', () => {
        for (const challenge of atStage) {
          const card = stageCardFor({ procedure, challenge, personId: 'aad-stranger', now });
          assert.deepEqual(validateCard(card), []);
          const text = textOf(card);
          assert.ok(text.includes(challenge.caseReference));
          assert.ok(text.includes(NOT_ON_CHALLENGE));
          for (const secret of [CONCERN, DESIRED, EVIDENCE, FAMILY_NAME]) assert.ok(!text.includes(secret));
          assert.equal([...walk(card)].filter((o) => String(o.type).startsWith('Action.')).length, 0);
        }
      });
    });
  }

  it('a person on the challenge the workflow allows nothing sees the details but no buttons', () => {
    const { procedure, atStage, resolved } = walks.find((w) => w.procedure.id === 'leeds') ?? assert.fail();
    const challenge = atStage[2] ?? assert.fail();
    const raiser = challenge.raisedBy;
    const viewer = { ...viewerOf(procedure, challenge, raiser.id, now), allowed: [], escalateRoutes: [] };
    const card = renderCard('stage-card', toStageCardData({ procedure, challenge, viewer, now, people: directory() }));
    assert.deepEqual(validateCard(card), []);
    assert.deepEqual(buttonVerbs(card), []);
    assert.deepEqual(actionsOf(card, 'Action.ShowCard'), []);
    assert.ok(textOf(card).includes(CONCERN));
    // Once resolved, nobody may do anything: nobody gets a button.
    for (const person of peopleOnChallenge(resolved)) {
      assert.deepEqual(buttonVerbs(stageCardFor({ procedure, challenge: resolved, personId: person.id, now })), []);
    }
  });

  it('DUR-10 the family name is shown to people on a Durham challenge only', () => {
    const { procedure, atStage } = walks.find((w) => w.procedure.id === 'durham') ?? assert.fail();
    const challenge = atStage[1] ?? assert.fail();
    const owner = challenge.participants['raising.practitioner']?.[0] ?? assert.fail();
    assert.ok(textOf(stageCardFor({ procedure, challenge, personId: owner.id, now })).includes(FAMILY_NAME));
    assert.ok(!textOf(stageCardFor({ procedure, challenge, personId: 'aad-stranger', now })).includes(FAMILY_NAME));
  });

  it('COM-1 every stage card with buttons carries the safety reminder', () => {
    for (const { procedure, atStage } of walks) {
      for (const challenge of atStage) {
        const owner = peopleOnChallenge(challenge).find(
          (p) => allowedCommands(procedure, challenge, p.id, now).length > 1,
        );
        assert.ok(owner);
        assert.ok(textOf(stageCardFor({ procedure, challenge, personId: owner.id, now })).includes(SAFETY_REMINDER));
      }
    }
  });

  it("every Action.Execute falls back to an Action.Submit with the same data, whose verb is the action's", () => {
    const { procedure, atStage } = walks[0] ?? assert.fail();
    const challenge = atStage[1] ?? assert.fail();
    const owner = challenge.participants['raising.lineManager']?.[0] ?? assert.fail();
    const card = stageCardFor({ procedure, challenge, personId: owner.id, now, people: directory() });
    const executes = actionsOf(card, 'Action.Execute');
    assert.ok(executes.length >= 3);
    for (const a of executes) {
      const fallback = a.fallback as Record<string, unknown>;
      assert.equal(fallback.type, 'Action.Submit');
      assert.deepEqual(fallback.data, a.data);
      assert.equal(fallback.title, a.title);
      assert.deepEqual(a.data, {
        verb: a.verb,
        challengeId: challenge.id,
        version: challenge.version,
        ...(a.verb === 'recordNotification' ? { formId: (a.data as { formId: string }).formId } : {}),
      });
    }
  });

  it('refreshes for each person on the challenge with the version it shows', () => {
    const { procedure, atStage } = walks[1] ?? assert.fail();
    const challenge = atStage[2] ?? assert.fail();
    const person = challenge.raisedBy;
    const card = stageCardFor({ procedure, challenge, personId: person.id, now });
    const refresh = card.refresh as { action: Record<string, unknown>; userIds: string[] };
    assert.equal(refresh.action.verb, 'refresh');
    assert.deepEqual(refresh.action.data, { verb: 'refresh', challengeId: challenge.id, version: challenge.version });
    assert.deepEqual(new Set(refresh.userIds), new Set(peopleOnChallenge(challenge).map((p) => p.id)));
  });

  it('a card rendered from an older version says the challenge has moved on', () => {
    const { procedure, atStage } = walks[2] ?? assert.fail();
    const challenge = atStage[3] ?? assert.fail();
    const person = challenge.raisedBy;
    const fresh = stageCardFor({ procedure, challenge, personId: person.id, now, seenVersion: challenge.version });
    const stale = stageCardFor({ procedure, challenge, personId: person.id, now, seenVersion: challenge.version - 2 });
    assert.ok(!textOf(fresh).includes(MOVED_ON));
    assert.ok(textOf(stale).includes(MOVED_ON));
  });

  it('escalation offers the target only where a stage has several, and the immediate route only to who may take it (NEW-8, LEE-10)', () => {
    const leeds = walks.find((w) => w.procedure.id === 'leeds') ?? assert.fail();
    const newcastle = walks.find((w) => w.procedure.id === 'newcastle') ?? assert.fail();
    const inputIds = (card: object) =>
      [...walk(card)].map((o) => o.id).filter((id): id is string => typeof id === 'string');
    for (const { procedure, atStage } of [leeds, newcastle]) {
      for (const challenge of atStage) {
        for (const person of peopleOnChallenge(challenge)) {
          const viewer = viewerOf(procedure, challenge, person.id, now);
          const ids = inputIds(renderCard('stage-card', toStageCardData({ procedure, challenge, viewer, now })));
          const stage = procedure.stages.find((s) => s.id === challenge.stageId) ?? assert.fail();
          const canNext = viewer.escalateRoutes.includes('next');
          assert.equal(ids.includes('escalate.to'), canNext && stage.escalateTo.length > 1);
          assert.equal(ids.includes('escalate.route'), viewer.escalateRoutes.includes('immediate'));
          if (viewer.escalateRoutes.includes('immediate'))
            assert.ok(rolesOf(challenge, person.id).includes('raising.safeguardingLead'));
        }
      }
    }
  });

  it('a notice is at the top: a confirmation in the good style, a refusal or a problem in attention', () => {
    const { procedure, atStage } = walks[0] ?? assert.fail();
    const challenge = atStage[0] ?? assert.fail();
    const person = challenge.raisedBy;
    const first = (tone: CardNotice['tone']) => {
      const card = stageCardFor({ procedure, challenge, personId: person.id, now, notice: { tone, text: 'Words.' } });
      return (card.body ?? [])[0] as { style: string; items: { text: string; color: string }[] };
    };
    assert.equal(first('done').style, 'good');
    assert.notEqual(first('done').items[0]?.color, 'attention');
    for (const tone of ['refused', 'problem'] as const) {
      assert.equal(first(tone).style, 'attention');
      assert.equal(first(tone).items[0]?.text, 'Words.');
    }
  });

  it('a press that came back shows its sub-form inline, the input kept and each error beside its field', () => {
    const { procedure, atStage } = walks.find((w) => w.procedure.id === 'leeds') ?? assert.fail();
    const challenge = atStage[1] ?? assert.fail();
    const owner = challenge.participants['raising.lineManager']?.[0] ?? assert.fail();
    const card = stageCardFor({
      procedure,
      challenge,
      personId: owner.id,
      now,
      people: directory(),
      notice: { tone: 'problem', text: 'Please check the two fields below.' },
      formErrors: {
        verb: 'resolve',
        errors: { agreedOutcome: 'Please say what was agreed.', outstandingIssues: 'Please say how.' },
        values: { 'resolve.agreedOutcome': '  ', 'resolve.outstandingIssues': 'Kept as typed' },
      },
    });
    assert.deepEqual(validateCard(card), []);
    const inline =
      (card.body ?? []).find((o) => (o as { style?: string }).style === 'emphasis') ?? assert.fail('inline form');
    const inputs = [...walk(inline)].filter((o) => String(o.type).startsWith('Input.'));
    assert.deepEqual(
      inputs.map((i) => i.id),
      ['resolve.agreedOutcome', 'resolve.outstandingIssues'],
    );
    assert.equal(inputs[1]?.value, 'Kept as typed');
    const texts = [...walk(inline)].filter((o) => o.type === 'TextBlock');
    for (const [id, message] of [
      ['resolve.agreedOutcome', 'Agreed outcome: please say what was agreed.'],
      ['resolve.outstandingIssues', 'How outstanding issues will be pursued: please say how.'],
    ]) {
      const container = [...walk(inline)].find(
        (o) => Array.isArray(o.items) && (o.items as { id?: string }[]).some((i) => i.id === id),
      );
      const items = (container?.items ?? []) as { id?: string; text?: string; color?: string }[];
      assert.ok(
        items.some((i) => i.text === message && i.color === 'attention'),
        `${id}: its error beside it`,
      );
      assert.ok(texts.length > 0);
    }
    // The resolve sub-form is not offered a second time under a button.
    assert.equal(actionsOf(card, 'Action.ShowCard').filter((a) => a.title === 'Resolve').length, 0);
    assert.equal(buttonVerbs(card).filter((v) => v === 'resolve').length, 1);
  });

  it('DUD-3 NEW-3 LEE-9 the next owners read who escalated it, when, and their reason in their own words', () => {
    for (const { procedure, atStage } of walks) {
      for (const challenge of atStage.slice(1)) {
        const stage = procedure.stages.find((s) => s.id === challenge.stageId) ?? assert.fail();
        const owner = challenge.participants[stage.owners[0]!]?.[0] ?? assert.fail();
        const record = challenge.stages.at(-1)!;
        const card = stageCardFor({ procedure, challenge, personId: owner.id, now });
        const text = textOf(card);
        assert.ok(text.includes(REASON), `${procedure.id} ${stage.id}: the reason`);
        assert.ok(text.includes(`${record.enteredBy!.name} (`) || record.enteredBy!.id === owner.id, 'who escalated');
        assert.match(text, /escalated it( to you)? from /);
      }
    }
  });

  it('someone not on the challenge who pressed a button is told only that the people on it can act on it', () => {
    const { procedure, atStage } = walks[0] ?? assert.fail();
    const challenge = atStage[1] ?? assert.fail();
    const card = stageCardFor({
      procedure,
      challenge,
      personId: 'aad-stranger',
      now,
      notice: { tone: 'refused', text: 'Stage 2 is owned by the line managers; you are not on this challenge.' },
    });
    assert.ok(textOf(card).includes(ONLY_PEOPLE_ON_IT_ACT));
    assert.ok(!textOf(card).includes('line managers'));
  });
});
