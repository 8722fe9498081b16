import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { coerceFormValues } from '../../../cards/form-values';
import { stageCardFor } from '../../../cards/stage-card-for';
import { commandFromAction, parseCardAction, VERBS, type CardAction } from '../../../cards/verbs';
import { peopleOnChallenge } from '../../../cards/view-models/people';
import { createWorkingCalendar } from '../../../src/calendar';
import { formOf } from '../../../src/procedures';
import { apply, currentStage, decide, rolesOf, type Challenge, type Command } from '../../../src/workflow';
import type { Procedure } from '../../../src/procedures/schema';
import { directory, walks } from './fixtures';
import { press } from './press';
import { actionsOf } from './validate-card';

const CH1 = '0c1f3c52-6a8e-4b7d-9f10-2a3b4c5d6e7f';
const base = { challengeId: CH1, version: 4 };

describe('card actions: parseCardAction', () => {
  it('coerces what clients send: toggles, comma-joined multi-selects, dates, string versions', () => {
    const r = parseCardAction({
      verb: 'recordMeeting',
      challengeId: CH1,
      version: '4',
      date: '2027-01-05',
      attendees: 'Aisha Patel, Ben Brown',
      familyAttended: 'true',
      outcome: 'Agreed a plan.',
      actions: 'Strategy discussion by Friday.',
    });
    assert.deepEqual(r, {
      ok: true,
      action: {
        verb: 'recordMeeting',
        ...base,
        date: '2027-01-05',
        attendees: ['Aisha Patel', 'Ben Brown'],
        familyAttended: true,
        outcome: 'Agreed a plan.',
        actions: 'Strategy discussion by Friday.',
      },
    });
  });

  it('takes stage-card input ids with their verb prefix or without', () => {
    const a = parseCardAction({
      verb: 'escalate',
      ...base,
      'escalate.reason': 'No agreement.',
      'escalate.route': 'immediate',
    });
    const b = parseCardAction({ verb: 'escalate', ...base, reason: 'No agreement.', route: 'immediate' });
    assert.deepEqual(a, b);
    assert.ok(a.ok && a.action.verb === 'escalate' && a.action.route === 'immediate');
  });

  it('reports each bad field with a message a person understands', () => {
    const r = parseCardAction({ verb: 'requestExtension', ...base, until: '2027-02-30', reason: '  ' });
    assert.deepEqual(r, {
      ok: false,
      verb: 'requestExtension',
      errors: { until: 'That is not a real date.', reason: 'Please fill this in.' },
    });
    assert.deepEqual(parseCardAction({ verb: 'dance' }), {
      ok: false,
      errors: { verb: 'That button is not one Challenge knows.' },
    });
    assert.equal(parseCardAction('raise').ok, false);
    const noVersion = parseCardAction({ verb: 'resume', challengeId: CH1 });
    assert.ok(!noVersion.ok && noVersion.errors.version);
  });

  it("puts a form's fields into values for recordOutcome and recordNotification", () => {
    const r = parseCardAction({
      verb: 'recordNotification',
      ...base,
      formId: 'stage-3-notification',
      'recordNotification.notifierName': 'Aisha Patel',
    });
    assert.ok(r.ok && r.action.verb === 'recordNotification');
    assert.equal(r.action.formId, 'stage-3-notification');
    assert.deepEqual(r.action.values, { notifierName: 'Aisha Patel' });
  });

  it('commandFromAction maps the 1:1 verbs and leaves the ones that need the directory to the bot', () => {
    const ok = (data: object): CardAction => {
      const r = parseCardAction(data);
      assert.ok(r.ok, JSON.stringify(r));
      return r.action;
    };
    assert.deepEqual(commandFromAction(ok({ verb: 'pause', ...base, reason: 'Sickness' })), {
      type: 'pause',
      reason: 'Sickness',
    });
    assert.deepEqual(commandFromAction(ok({ verb: 'agreeExtension', ...base })), { type: 'agreeExtension' });
    assert.deepEqual(commandFromAction(ok({ verb: 'assignLogId', ...base, logId: 'PCL-0042' })), {
      type: 'assignLogId',
      logId: 'PCL-0042',
    });
    assert.equal(
      commandFromAction(ok({ verb: 'handOver', ...base, role: 'raising.lineManager', toPersonId: 'p2' })),
      null,
    );
    assert.equal(commandFromAction(ok({ verb: 'refresh', ...base })), null);
  });

  it('knows every verb', () => {
    for (const verb of VERBS) {
      const r = parseCardAction({ verb, ...base });
      assert.ok(r.ok || !r.errors.verb, `${verb} is unknown`);
    }
  });
});

/** The command a press makes, as the bot would build it. */
function commandFor(procedure: Procedure, challenge: Challenge, personId: string, action: CardAction): Command {
  const roles = rolesOf(challenge, personId);
  if (action.verb === 'handOver') {
    const to = directory().find((p) => p.id === action.toPersonId) ?? assert.fail();
    return { type: 'handOver', role: action.role, from: personId, to: { ...to, reachable: true } };
  }
  const command = commandFromAction(action);
  assert.ok(command, action.verb);
  if (command.type === 'recordOutcome' || command.type === 'recordNotification') {
    const formId = command.type === 'recordOutcome' ? currentStage(procedure, challenge).record : command.formId;
    const checked = coerceFormValues(formOf(procedure, formId), command.values, roles);
    assert.ok(checked.ok, JSON.stringify(checked));
    return { ...command, values: checked.values };
  }
  return command;
}

/** The challenge after one more command, which must be accepted. */
function after(procedure: Procedure, challenge: Challenge, actorId: string, command: Command, now: Date): Challenge {
  const calendar = createWorkingCalendar({ closureDays: procedure.closureDays });
  const d = decide(
    procedure,
    challenge,
    { command, actor: { id: actorId, name: actorId }, idempotencyKey: `set-${command.type}` },
    now,
    calendar,
  );
  assert.ok(d.ok, d.ok ? '' : d.refusal.reason);
  return d.events.reduce(apply, challenge);
}

describe('card actions: every button on every stage card, pressed, is accepted by the workflow', () => {
  const now = new Date('2027-01-20T10:00:00Z');
  for (const { procedure, atStage } of walks) {
    it(`${procedure.id}: each person's every button at every stage, with an extension pending, and paused`, () => {
      const calendar = createWorkingCalendar({ closureDays: procedure.closureDays });
      let pressed = 0;
      const seen = new Set<string>();
      const second = atStage[1] ?? assert.fail();
      const owner =
        second.participants[currentStage(procedure, second).owners[0] ?? assert.fail()]?.[0] ?? assert.fail();
      const pending = after(
        procedure,
        second,
        owner.id,
        { type: 'requestExtension', until: '2027-02-26', reason: 'Sickness' },
        now,
      );
      const paused = after(procedure, second, owner.id, { type: 'pause', reason: 'Meeting cancelled' }, now);
      for (const challenge of [...atStage, pending, paused]) {
        for (const person of peopleOnChallenge(challenge)) {
          const card = stageCardFor({ procedure, challenge, personId: person.id, now, people: directory() });
          for (const button of actionsOf(card, 'Action.Execute')) {
            const parsed = parseCardAction(press(card, button));
            assert.ok(parsed.ok, `${String(button.verb)}: ${JSON.stringify(parsed)}`);
            const command = commandFor(procedure, challenge, person.id, parsed.action);
            const envelope = {
              command,
              actor: { id: person.id, name: person.name },
              idempotencyKey: `press-${pressed}`,
              expectedVersion: parsed.action.version,
            };
            const decision = decide(procedure, challenge, envelope, now, calendar);
            assert.ok(
              decision.ok,
              `${procedure.id} ${challenge.stageId} ${String(person.role)} ${command.type}: ${decision.ok ? '' : decision.refusal.reason}`,
            );
            pressed++;
            seen.add(command.type);
          }
        }
      }
      assert.ok(pressed > 10);
      assert.ok(seen.has('agreeExtension') && seen.has('declineExtension') && seen.has('resume'), [...seen].join());
    });
  }
});
