/**
 * allowedCommands is exactly what decide would not refuse for who or when: at every state
 * of a walk through each procedure (open, paused, with an extension waiting, resolved), for
 * every person in the cast and a stranger, each command with a well-formed payload is
 * accepted if and only if it is offered.
 */
import assert from 'node:assert/strict';
import { londonDate } from '../../../src/calendar';
import { getProcedure } from '../../../src/procedures';
import type { Procedure } from '../../../src/procedures/schema';
import {
  allowedCommands,
  currentStage,
  decide,
  escalatorsOf,
  guard,
  mayTakeImmediateRoute,
  openNotifications,
  recordableNotifications,
  rolesOf,
  SYSTEM_ACTOR_ID,
  type Challenge,
  type ChallengeCommandType,
  type Command,
} from '../../../src/workflow';
import { person, Run, validValues } from './helpers';

const types: ChallengeCommandType[] = [
  'recordOutcome',
  'escalate',
  'resolve',
  'pause',
  'resume',
  'requestExtension',
  'agreeExtension',
  'declineExtension',
  'handOver',
  'recordMeeting',
  'recordNotification',
  'assignLogId',
  'recordReminder',
];

function payload(
  procedure: Procedure,
  c: Challenge,
  who: string,
  type: ChallengeCommandType,
  now: Date,
  run: Run,
): Command {
  const roles = rolesOf(c, who);
  switch (type) {
    case 'recordOutcome': {
      const form = procedure.forms.find((f) => f.id === currentStage(procedure, c).record);
      return { type, values: form ? validValues(form, roles) : {} };
    }
    case 'escalate':
      // The card offers the immediate route as its own button; take it when the ordinary one is not open to this person.
      return {
        type,
        reason: 'Unresolved.',
        ...(guard(procedure, c, 'escalate', who) && mayTakeImmediateRoute(procedure, c, who)
          ? { route: 'immediate' as const }
          : {}),
      };
    case 'resolve':
      return { type, agreedOutcome: 'Agreed.', outstandingIssues: 'None.' };
    case 'pause':
      return { type, reason: 'Sickness.' };
    case 'resume':
    case 'agreeExtension':
      return { type };
    case 'declineExtension':
      return { type, reason: 'No.' };
    case 'requestExtension':
      return { type, until: run.calendar.addWorkingDays(londonDate(now), 40), reason: 'More time.' };
    case 'handOver':
      return { type, role: roles[0] ?? 'raising.practitioner', from: who, to: person('cover') };
    case 'recordMeeting':
      return { type, date: londonDate(now), attendees: ['All'], familyAttended: false, outcome: 'Met.', actions: '' };
    case 'recordNotification': {
      const open = recordableNotifications(procedure, c, who)[0] ?? openNotifications(procedure, c)[0];
      const form = procedure.forms.find((f) => f.id === open?.notification.form);
      return { type, formId: form?.id ?? 'none', values: form ? validValues(form, roles) : {} };
    }
    case 'assignLogId':
      return { type, logId: 'PCL-1' };
    case 'recordReminder':
      return { type, reminderKey: `r-${c.version}`, level: 'dueSoon', to: [] };
  }
}

/** States worth checking: each stage open, paused, and with an extension waiting; then resolved. */
function states(procedure: Procedure): { c: Challenge; now: Date; run: Run }[] {
  const run = new Run(procedure);
  const found: { c: Challenge; now: Date; run: Run }[] = [];
  let day = '2026-12-23';
  const when = () => `${day}T10:00`;
  const keep = () => found.push({ c: run.c, now: new Date(`${day}T11:00:00Z`), run });
  run.raise(when());
  for (;;) {
    keep();
    const stage = currentStage(procedure, run.c);
    const owner = run.c.participants[stage.owners[0] ?? 'raising.practitioner']?.[0]?.id ?? '';
    run.ok(owner, { type: 'pause', reason: 'Sick.' }, when());
    keep();
    run.ok(owner, { type: 'resume' }, when());
    if (run.stage.deadline) {
      run.ok(owner, { type: 'requestExtension', until: run.calendar.addWorkingDays(day, 20), reason: 'r' }, when());
      keep();
    }
    day = run.calendar.addWorkingDays(day, 1);
    if (stage.escalateTo.length === 0) break;
    run.escalate(run.c.participants[escalatorsOf(stage)[0] ?? 'raising.practitioner']?.[0]?.id ?? '', when());
  }
  run.ok(
    run.c.participants[currentStage(procedure, run.c).owners[0] ?? 'raising.practitioner']?.[0]?.id ?? '',
    { type: 'resolve', agreedOutcome: 'a', outstandingIssues: 'b' },
    when(),
  );
  keep();
  return found;
}

describe('workflow: allowedCommands matches decide', () => {
  for (const id of ['dudley', 'durham', 'newcastle', 'leeds', 'darlington']) {
    it(`${getProcedure(id).code}: every offered command is accepted and every other one refused, for everyone at every state`, () => {
      const procedure = getProcedure(id);
      let checked = 0;
      for (const { c, now, run } of states(procedure)) {
        const people = [
          ...new Set(Object.values(c.participants).flatMap((ps) => ps?.map((p) => p.id) ?? [])),
          'stranger',
          SYSTEM_ACTOR_ID,
        ];
        for (const who of people) {
          const allowed = allowedCommands(procedure, c, who, now);
          for (const type of types) {
            const envelope = {
              command: payload(procedure, c, who, type, now, run),
              actor: { id: who, name: who },
              idempotencyKey: `probe-${checked++}`,
            };
            const decision = decide(procedure, c, envelope, now, run.calendar);
            const label = `${type} by ${who} at ${c.stageId} (${c.status}${c.pendingExtension ? ', extension waiting' : ''})`;
            if (allowed.includes(type))
              assert.ok(decision.ok, `${label} was offered but refused: ${decision.ok ? '' : decision.refusal.reason}`);
            else {
              assert.ok(!decision.ok, `${label} was not offered but accepted`);
              assert.ok(
                ['notOwner', 'notAllowed', 'paused', 'closed'].includes(decision.refusal.code),
                `${label}: ${decision.refusal.code} ${decision.refusal.reason}`,
              );
            }
          }
        }
      }
      assert.ok(checked > 500);
    });
  }
});
