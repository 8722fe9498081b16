import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { renderCard } from '../../../cards/render';
import { stageCardFor } from '../../../cards/stage-card-for';
import { peopleOnChallenge } from '../../../cards/view-models/people';
import { BUTTON_VERBS, toStageCardData } from '../../../cards/view-models/stage-card';
import { viewerOf } from '../../../cards/view-models/viewer';
import { MOVED_ON, NOT_ON_CHALLENGE, SAFETY_REMINDER } from '../../../cards/view-models/wording';
import { allowedCommands, rolesOf } from '../../../src/workflow';
import { directory, FAMILY_NAME, CONCERN, DESIRED, EVIDENCE, walks } from './fixtures';
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

  it('a refusal is shown at the top of the card, in the attention style', () => {
    const { procedure, atStage } = walks[0] ?? assert.fail();
    const challenge = atStage[0] ?? assert.fail();
    const person = challenge.raisedBy;
    const notice = { tone: 'refused', text: 'Please give a reason.' } as const;
    const card = stageCardFor({ procedure, challenge, personId: person.id, now, notice });
    const first = (card.body ?? [])[0] as { style: string; items: { text: string }[] };
    assert.equal(first.items[0]?.text, 'Please give a reason.');
    assert.equal(first.style, 'attention');
  });
});
