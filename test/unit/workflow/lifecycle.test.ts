/**
 * Every procedure, end to end: raised on Wed 23 Dec 2026 (over Christmas), each stage's
 * outcome, meetings and partnership forms recorded by its owners, escalated one working day
 * at a time up the ordinary ladder to the last stage, then resolved there. The snapshot
 * folded step by step equals the one replayed from the events (also after a JSON round trip,
 * as the store keeps them).
 */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import type { Procedure } from '../../../src/procedures/schema';
import {
  allowedCommands,
  escalatorsOf,
  openNotifications,
  recordableNotifications,
  replay,
  rolesOf,
} from '../../../src/workflow';
import { Run, validValues } from './helpers';

const partnerships = ['dudley', 'durham', 'newcastle', 'leeds', 'darlington'] as const;

function ladder(procedure: Procedure): string[] {
  const path = [procedure.firstStage];
  for (;;) {
    const next = procedure.stages.find((s) => s.id === path[path.length - 1])?.escalateTo[0];
    if (!next || path.includes(next)) return path;
    path.push(next);
  }
}

/** Walks the ladder; returns the run and the stage ids it went through. */
function walk(procedure: Procedure, path: readonly string[]): Run {
  const run = new Run(procedure);
  let day = '2026-12-23';
  const when = () => `${day}T10:00`;
  const nextDay = () => (day = run.calendar.addWorkingDays(day, 1));
  run.raise(when());
  for (const stageId of path) {
    const stage = procedure.stages.find((s) => s.id === stageId);
    assert.ok(stage);
    assert.equal(run.c.stageId, stageId);
    const owner = run.c.participants[stage.owners[0] as keyof typeof run.c.participants]?.[0]?.id ?? '';
    const form = procedure.forms.find((f) => f.id === stage.record);
    assert.ok(form);
    run.ok(owner, { type: 'recordOutcome', values: validValues(form, rolesOf(run.c, owner)) }, when());
    run.ok(
      owner,
      {
        type: 'recordMeeting',
        date: day,
        attendees: ['Both agencies'],
        familyAttended: false,
        outcome: 'Met.',
        actions: 'None.',
      },
      when(),
    );
    for (const open of openNotifications(procedure, run.c)) {
      if (run.c.notifications.some((n) => n.formId === open.notification.form)) continue;
      const sender = (open.notification.to[0] && run.c.participants[open.notification.to[0]]?.[0]?.id) ?? owner;
      assert.ok(recordableNotifications(procedure, run.c, sender).length > 0);
      const notificationForm = procedure.forms.find((f) => f.id === open.notification.form);
      assert.ok(notificationForm);
      run.ok(
        sender,
        {
          type: 'recordNotification',
          formId: notificationForm.id,
          values: validValues(notificationForm, rolesOf(run.c, sender)),
        },
        when(),
      );
    }
    if (
      procedure.log &&
      !run.c.logId &&
      allowedCommands(procedure, run.c, 'partnership.businessUnit', new Date(when())).includes('assignLogId')
    ) {
      run.ok('partnership.businessUnit', { type: 'assignLogId', logId: 'PCL-2026-017' }, when());
    }
    nextDay();
    if (stage.escalateTo.length > 0) {
      const escalator = run.c.participants[escalatorsOf(stage)[0] as keyof typeof run.c.participants]?.[0]?.id ?? '';
      run.escalate(escalator, when());
    }
  }
  return run;
}

describe('workflow: every procedure end to end', () => {
  for (const id of partnerships) {
    const procedure = getProcedure(id);
    const path = ladder(procedure);

    it(`${procedure.code}: a challenge goes through every stage (${path.join(' → ')}) and is resolved at the last`, () => {
      const run = walk(procedure, path);
      const last = procedure.stages.find((s) => s.id === path[path.length - 1]);
      assert.ok(last);
      const resolver = run.c.participants[last.owners[0] as keyof typeof run.c.participants]?.[0]?.id ?? '';
      run.ok(
        resolver,
        { type: 'resolve', agreedOutcome: 'Plan revised.', outstandingIssues: 'None; reviewed at next core group.' },
        '2027-01-29T12:00',
      );
      assert.equal(run.c.status, 'resolved');
      assert.deepEqual(
        run.c.stages.map((s) => s.stageId),
        path,
      );
      assert.deepEqual(
        run.c.stages.map((s) => s.endedBy),
        [...path.slice(1).map(() => 'escalated'), 'resolved'],
      );
      assert.ok(run.c.stages.every((s) => s.outcome !== undefined && s.endedAt !== undefined));
      assert.equal(run.c.meetings.length, path.length);
      assert.equal(run.c.resolution?.stageId, last.id);
      assert.equal(run.c.version, run.events.length);
      assert.deepEqual(allowedCommands(procedure, run.c, resolver, new Date('2027-01-29T12:00:00Z')), []);
    });

    it(`${procedure.code}: replay(events) equals the snapshot built step by step, at every step`, () => {
      const run = walk(procedure, path);
      let count = 0;
      for (const snapshot of run.snapshots) {
        count = snapshot.version;
        assert.deepEqual(replay(run.events.slice(0, count)), snapshot);
      }
      const stored = JSON.parse(JSON.stringify(run.events));
      assert.deepEqual(replay(stored), run.c);
      assert.deepEqual(
        JSON.parse(JSON.stringify(run.c)),
        run.c,
        'the snapshot survives JSON unchanged (no undefined fields)',
      );
    });
  }
});
