/**
 * The timeline's dates for the stages to come are the dates decide() gives when each stage is
 * in fact entered at its projected start (LEE-6, NEW-1, DUR-2 caps included; DUD-2 start-by dates).
 */
import assert from 'node:assert/strict';
import { procedures } from '../../../src/procedures';
import { escalatorsOf, findStage } from '../../../src/workflow';
import { timelineOf } from '../../../src/workflow/timeline';
import { at, Run } from './helpers';

describe('timeline', () => {
  for (const procedure of procedures) {
    it(`${procedure.id}: the projected dates of every stage to come equal the deadlines the workflow sets on entry`, () => {
      const run = new Run(procedure);
      run.raise('2027-01-04T10:00');
      const projected = timelineOf({
        procedure,
        challenge: run.c,
        now: at('2027-01-04T10:00'),
        calendar: run.calendar,
      });
      const toCome = projected.stages.filter((s) => s.state === 'toCome');
      assert.ok(toCome.length > 0, 'a new challenge has stages to come');
      assert.equal(projected.stages[0]?.state, 'now');
      let entered = 0;
      for (const stage of toCome) {
        if (!stage.startedAt) break; // undated from here on (a stage with no fixed timescale)
        const from = findStage(procedure, run.c.stageId)!;
        run.escalate(escalatorsOf(from)[0]!, stage.startedAt.replace(/:00\.000Z$/, 'Z'), { to: stage.stageId });
        assert.equal(run.c.stageId, stage.stageId);
        assert.equal(run.stage.deadline, stage.deadline, `${stage.label} deadline`);
        assert.equal(run.stage.startBy, stage.startBy, `${stage.label} start-by date`);
        entered += 1;
      }
      assert.ok(entered > 0, 'at least one stage to come was dated and entered');
    });
  }

  it('LEE-6: the one-month limit is shown from day one, and the dated stages never pass it', () => {
    const leeds = procedures.find((p) => p.id === 'leeds')!;
    const run = new Run(leeds);
    run.raise('2027-01-04T10:00');
    const timeline = timelineOf({
      procedure: leeds,
      challenge: run.c,
      now: at('2027-01-04T10:00'),
      calendar: run.calendar,
    });
    const limit = timeline.limits.find((l) => l.rule === 'LEE-6');
    assert.ok(limit, 'the whole-process limit');
    for (const s of timeline.stages)
      if (s.deadline && limit.stages.includes(s.stageId)) assert.ok(s.deadline <= limit.deadline);
  });

  it('DUD-2: the day-3 start-by date of stage 2 is on the timeline before stage 2 starts', () => {
    const dudley = procedures.find((p) => p.id === 'dudley')!;
    const run = new Run(dudley);
    run.raise('2027-01-04T10:00');
    const timeline = timelineOf({
      procedure: dudley,
      challenge: run.c,
      now: at('2027-01-04T10:00'),
      calendar: run.calendar,
    });
    const stage2 = timeline.stages.find((s) => s.stageId === 'stage-2');
    assert.ok(stage2?.startBy, 'stage 2 has a start-by date');
    assert.equal(stage2.startBy, '2027-01-06T17:00:00.000Z'); // Wed 6 Jan, day 3
  });

  it('LEE-7: paused, the stages to come are undated and the pause is a span', () => {
    const leeds = procedures.find((p) => p.id === 'leeds')!;
    const run = new Run(leeds);
    run.raise('2027-01-04T10:00');
    const holder = escalatorsOf(findStage(leeds, run.c.stageId)!)[0]!;
    run.ok(holder, { type: 'pause', reason: 'Waiting for the strategy meeting.' }, '2027-01-05T10:00');
    const timeline = timelineOf({
      procedure: leeds,
      challenge: run.c,
      now: at('2027-01-06T10:00'),
      calendar: run.calendar,
      events: run.events,
    });
    assert.equal(timeline.undatedBecause, 'paused');
    assert.deepEqual(timeline.paused, [{ from: '2027-01-05T10:00:00.000Z' }]);
    assert.ok(timeline.stages.filter((s) => s.state === 'toCome').every((s) => !s.deadline));
  });

  it('a resolved challenge has no stages to come and its last stage is done', () => {
    const leeds = procedures.find((p) => p.id === 'leeds')!;
    const run = new Run(leeds);
    run.raise('2027-01-04T10:00');
    const holder = escalatorsOf(findStage(leeds, run.c.stageId)!)[0]!;
    run.ok(holder, { type: 'resolve', agreedOutcome: 'Agreed.', outstandingIssues: 'None.' }, '2027-01-05T10:00');
    const timeline = timelineOf({
      procedure: leeds,
      challenge: run.c,
      now: at('2027-01-06T10:00'),
      calendar: run.calendar,
    });
    assert.deepEqual(
      timeline.stages.map((s) => s.state),
      ['done'],
    );
    assert.equal(timeline.stages[0]?.endedBy, 'resolved');
  });
});
