import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { findProcedure, formOf, getProcedure, nextStage, procedures, stageOf } from '../../../src/procedures/index';
import { ladder } from './support';

describe('finding procedures, stages and forms', () => {
  it('getProcedure and findProcedure find a procedure by id', () => {
    assert.equal(getProcedure('leeds').partnership, 'Leeds Safeguarding Children Partnership');
    assert.equal(findProcedure('durham')?.code, 'DUR');
  });

  it('getProcedure throws a clear error for an unknown id; findProcedure gives undefined', () => {
    assert.throws(
      () => getProcedure('york'),
      /Unknown procedure "york" \(known: dudley, durham, newcastle, leeds, darlington\)/,
    );
    assert.equal(findProcedure('york'), undefined);
  });

  it('stageOf finds a stage and names the procedure when it cannot', () => {
    const leeds = getProcedure('leeds');
    assert.equal(stageOf(leeds, 'step-3b').label, 'Step 3b');
    assert.throws(() => stageOf(leeds, 'step-5'), /Procedure "leeds" has no stage "step-5"/);
  });

  it('nextStage is the first escalation target, and undefined at the last stage', () => {
    const leeds = getProcedure('leeds');
    assert.equal(nextStage(leeds, 'step-1')?.id, 'step-2');
    assert.equal(nextStage(leeds, 'stage-4'), undefined);
  });

  it('formOf finds a form and names the procedure when it cannot', () => {
    const darlington = getProcedure('darlington');
    assert.equal(formOf(darlington, 'recording-tool').title, 'Professional Challenge Recording Tool');
    assert.throws(() => formOf(darlington, 'appendix-9'), /Procedure "darlington" has no form "appendix-9"/);
  });

  it('every ordinary ladder ends, with only its last stage escalating nowhere', () => {
    for (const p of procedures) {
      const stages = ladder(p);
      assert.ok(stages.length >= 4, p.id);
      assert.equal(new Set(stages).size, stages.length, `${p.id} ladder loops`);
      assert.deepEqual(stages.at(-1)?.escalateTo, [], p.id);
      for (const s of stages.slice(0, -1)) assert.ok(s.escalateTo.length > 0, `${p.id} ${s.id}`);
      assert.ok(
        stages.every((s) => !s.immediate),
        `${p.id}: the ordinary ladder holds no immediate stage`,
      );
    }
  });

  it('every stage that is not on the immediate route is on the ordinary ladder', () => {
    for (const p of procedures) {
      const onLadder = new Set(ladder(p).map((s) => s.id));
      const off = p.stages.filter((s) => !s.immediate && !onLadder.has(s.id)).map((s) => s.id);
      assert.deepEqual(off, [], p.id);
    }
  });

  it('COM-2 every procedure offers its own list of areas of disagreement, with no duplicates', () => {
    for (const p of procedures) {
      assert.ok(p.areasOfDisagreement.length >= 5, p.id);
      assert.equal(new Set(p.areasOfDisagreement).size, p.areasOfDisagreement.length, p.id);
    }
  });

  it('every stage owner and notification is a side.role the directory can resolve', () => {
    for (const p of procedures) {
      for (const s of p.stages) {
        for (const role of [...s.owners, ...s.notifyOnEntry.flatMap((n) => n.to)]) {
          assert.match(role, /^(raising|receiving|partnership)\.[a-zA-Z]+$/, `${p.id} ${s.id}`);
        }
      }
    }
  });

  it('every procedure records its readings of ambiguous text', () => {
    for (const p of procedures) assert.ok(p.readings.length >= 3, p.id);
  });
});
