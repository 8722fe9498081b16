import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { renderCard } from '../../../cards/render';
import { toDigestCardData } from '../../../cards/view-models/digest';
import { toThreadEventCardData } from '../../../cards/view-models/thread-event';
import { toThreadRootCardData } from '../../../cards/view-models/thread-root';
import { SENTINELS, walks } from './fixtures';
import { textOf, validateCard } from './validate-card';

const now = new Date('2027-01-20T10:00:00Z');

/** Nothing a channel or digest shows may contain the family name or the words of the challenge. */
function assertNoSecrets(card: object, where: string) {
  const text = textOf(card);
  for (const secret of SENTINELS) assert.ok(!text.includes(secret), `${where} shows "${secret}"`);
}

describe('cards posted to a channel or digest (COM-2, DUR-10)', () => {
  for (const { procedure, atStage, resolved, events } of walks) {
    it(`${procedure.id}: the thread root at every stage shows reference, stage, owners and deadline, never the family name or concern`, () => {
      for (const challenge of [...atStage, resolved]) {
        const card = renderCard('thread-root', toThreadRootCardData(procedure, challenge, now));
        assert.deepEqual(validateCard(card), []);
        assert.ok(textOf(card).includes(challenge.caseReference));
        const stage = procedure.stages.find((s) => s.id === challenge.stageId) ?? assert.fail();
        assert.ok(textOf(card).includes(stage.label));
        for (const role of stage.owners) {
          const person = challenge.participants[role]?.[0];
          if (person) assert.ok(textOf(card).includes(person.name), `owner ${role} named`);
        }
        assertNoSecrets(card, `${procedure.id} thread root at ${challenge.stageId}`);
      }
    });

    it(`${procedure.id}: one thread reply per event, each naming what happened and who, with no details`, () => {
      const challenge = resolved;
      for (const event of events) {
        const card = renderCard('thread-event', toThreadEventCardData(procedure, challenge, event));
        assert.deepEqual(validateCard(card), []);
        assertNoSecrets(card, `${procedure.id} ${event.type}`);
        assert.ok(textOf(card).includes(challenge.caseReference));
        if (event.type !== 'StageEntered') assert.ok(textOf(card).includes(event.by.name), `${event.type} says who`);
      }
      const escalated = events.find((e) => e.type === 'Escalated');
      if (escalated) {
        const data = toThreadEventCardData(procedure, resolved, escalated);
        assert.match(data.text, /^Escalated to .+ by .+ \(.+\): reason withheld, open the card$/);
      }
    });
  }

  it('the digest lists each challenge by case reference only, with an Open button, under 40 KB with many items', () => {
    const entries = walks.flatMap(({ procedure, atStage }) => atStage.map((challenge) => ({ procedure, challenge })));
    const many = Array.from({ length: 5 }, () => entries).flat();
    const card = renderCard(
      'digest',
      toDigestCardData({
        day: '2027-01-20',
        now,
        sections: {
          dueToday: entries.slice(0, 3),
          overdue: many,
          new: entries.slice(3, 6),
          awaitingYou: entries.slice(6, 9),
          resolvedYesterday: walks.map(({ procedure, resolved }) => ({ procedure, challenge: resolved })),
        },
      }),
    );
    assert.deepEqual(validateCard(card), []);
    assert.ok(Buffer.byteLength(JSON.stringify(card)) < 40 * 1024);
    assertNoSecrets(card, 'digest');
    const text = textOf(card);
    for (const heading of ['Due today', 'Overdue', 'New', 'Awaiting your action', 'Resolved yesterday'])
      assert.ok(text.includes(heading));
    assert.ok(text.includes(`(${many.length})`) && text.includes('more: see the Challenges tab'));
  });
});
