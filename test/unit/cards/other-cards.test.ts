import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { renderCard, templates, type TemplateName } from '../../../cards/render';
import { toFeedbackCardData } from '../../../cards/view-models/feedback';
import { toHelpCardData } from '../../../cards/view-models/help';
import { toMinimalCardData } from '../../../cards/view-models/minimal-card';
import { toMyChallengesCardData } from '../../../cards/view-models/my-challenges';
import { toNoticeCardData, toUnreachableNoticeData } from '../../../cards/view-models/notice';
import { toReminderCardData } from '../../../cards/view-models/reminder';
import { NOT_A_COMPLAINT, SAFETY_REMINDER } from '../../../cards/view-models/wording';
import { rolesOf, type ReminderLevel } from '../../../src/workflow';
import { CONCERN, procedures, walks } from './fixtures';
import { actionsOf, textOf, validateCard } from './validate-card';

const now = new Date('2027-01-20T10:00:00Z');

function valid(name: TemplateName, data: object) {
  const card = renderCard(name, data);
  assert.deepEqual(validateCard(card), [], name);
  assert.ok(Buffer.byteLength(JSON.stringify(card)) < 40 * 1024, `${name} too big`);
  return card;
}

const openButton = (card: object) => actionsOf(card, 'Action.Execute').find((a) => a.verb === 'open');

describe('the other cards', () => {
  it('every template is registered and renders', () => {
    assert.deepEqual(Object.keys(templates).sort(), [
      'digest',
      'feedback',
      'help',
      'minimal-card',
      'my-challenges',
      'notice',
      'raise-form',
      'reminder',
      'stage-card',
      'thread-event',
      'thread-root',
    ]);
  });

  it('COM-4 LEE-9 feedback to the raiser says what changed, where it stands, who owns it and the deadline; the resolution once resolved', () => {
    for (const { procedure, atStage, resolved } of walks) {
      const moving = atStage[1] ?? assert.fail();
      const card = valid(
        'feedback',
        toFeedbackCardData({ procedure, challenge: moving, change: 'Escalated to the next stage.', now }),
      );
      const stage = procedure.stages.find((s) => s.id === moving.stageId) ?? assert.fail();
      assert.ok(textOf(card).includes('Escalated to the next stage.') && textOf(card).includes(stage.label));
      assert.ok(!textOf(card).includes('Agreed outcome'));
      assert.deepEqual(openButton(card)?.data, { verb: 'open', challengeId: moving.id, version: moving.version });
      const done = valid('feedback', toFeedbackCardData({ procedure, challenge: resolved, change: 'Resolved.', now }));
      assert.ok(textOf(done).includes(resolved.resolution?.agreedOutcome ?? assert.fail()));
      assert.ok(textOf(done).includes(resolved.resolution?.outstandingIssues ?? assert.fail()));
    }
  });

  it('reminders at every level are valid; COM-1 each carries the safety reminder; the escalation offer escalates in one press', () => {
    const levels: ReminderLevel[] = ['dueSoon', 'overdue', 'escalationOffer', 'raiserOverdue'];
    for (const { procedure, atStage } of walks) {
      const challenge = atStage[1] ?? assert.fail();
      for (const level of levels) {
        const card = valid('reminder', toReminderCardData({ procedure, challenge, level, now, workingDaysOverdue: 2 }));
        assert.ok(textOf(card).includes(SAFETY_REMINDER), `${procedure.id} ${level}`);
        assert.ok(!textOf(card).includes(CONCERN));
        const escalate = actionsOf(card, 'Action.Execute').filter((a) => a.verb === 'escalate');
        assert.equal(escalate.length, level === 'escalationOffer' ? 1 : 0);
        if (level === 'escalationOffer') {
          assert.deepEqual(escalate[0]?.data, {
            verb: 'escalate',
            challengeId: challenge.id,
            version: challenge.version,
          });
          assert.ok(textOf(card).includes('2 working days overdue'));
        }
      }
    }
  });

  it("my challenges lists each with its stage, deadline, the person's part and an Open button", () => {
    const { procedure, atStage, resolved } = walks[0] ?? assert.fail();
    const me = resolved.raisedBy.id;
    const entries = [...atStage, resolved].map((challenge, i) => ({
      procedure,
      challenge,
      roles: rolesOf(challenge, me),
      awaitingYou: i === 0,
    }));
    const card = valid('my-challenges', toMyChallengesCardData(entries, now));
    assert.equal(actionsOf(card, 'Action.Execute').filter((a) => a.verb === 'open').length, entries.length);
    assert.ok(textOf(card).includes('Waiting for you'));
    assert.ok(textOf(valid('my-challenges', toMyChallengesCardData([], now))).includes('raise challenge'));
  });

  it('help names the three commands, what the product is for, COM-1 and COM-6', () => {
    const card = valid('help', toHelpCardData(procedures));
    for (const words of ['raise challenge', 'my challenges', 'help', SAFETY_REMINDER, NOT_A_COMPLAINT])
      assert.ok(textOf(card).includes(words));
  });

  it('notices carry a refusal, or who cannot be reached in Teams and how to reach them', () => {
    const refusal = valid(
      'notice',
      toNoticeCardData({ text: 'Stage 2 is owned by the line managers; you are the raiser.', tone: 'warning' }),
    );
    assert.ok(textOf(refusal).includes('you are the raiser'));
    const card = valid(
      'notice',
      toUnreachableNoticeData('LEE-2027-0042', [
        {
          id: 'x1',
          name: 'Dr Sam Rao',
          role: 'GP',
          agency: 'Hillside Surgery',
          email: 'sam.rao@nhs.example',
          phone: '0113 000 0000',
          reachable: false,
          external: true,
        },
      ]),
    );
    assert.ok(textOf(card).includes('cannot be reached in Teams: contact them by other means'));
    assert.ok(textOf(card).includes('sam.rao@nhs.example') && textOf(card).includes('0113 000 0000'));
  });

  it('the minimal card has the stage and nothing else', () => {
    const { procedure, atStage } = walks[3] ?? assert.fail();
    const card = valid('minimal-card', toMinimalCardData(procedure, atStage[2] ?? assert.fail(), now));
    assert.equal(actionsOf(card, 'Action.Execute').length, 0);
    assert.ok(!textOf(card).includes(CONCERN));
  });
});
