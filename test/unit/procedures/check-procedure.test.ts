import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { procedure as dudley } from '../../../src/procedures/data/dudley';
import { procedure as newcastle } from '../../../src/procedures/data/newcastle';
import { checkProcedure, loadProcedures, ProcedureError, procedures } from '../../../src/procedures/index';
import { ProcedureSchema, type OwnerRole, type Procedure } from '../../../src/procedures/schema';

/** A fresh, mutable copy of a valid procedure (defaults filled in) to break. */
const copyOf = (input: unknown): Procedure => structuredClone(checkProcedure(input));

function rejects(input: unknown, ...fragments: string[]): ProcedureError {
  let caught: unknown;
  assert.throws(
    () => checkProcedure(input),
    (e: unknown) => {
      caught = e;
      return e instanceof ProcedureError;
    },
  );
  const error = caught as ProcedureError;
  for (const fragment of fragments)
    assert.ok(error.message.includes(fragment), `"${fragment}" not in:\n${error.message}`);
  return error;
}

describe('checking a procedure at load', () => {
  it('every procedure passes the schema and its cross-reference checks', () => {
    assert.deepEqual(
      procedures.map((p) => p.id),
      ['dudley', 'durham', 'newcastle', 'leeds', 'darlington'],
    );
    for (const p of procedures) {
      assert.equal(ProcedureSchema.safeParse(p).success, true, p.id);
      assert.deepEqual(checkProcedure(p), p);
    }
  });

  it('rejects a dangling escalateTo, naming the procedure, the field and the missing stage', () => {
    const broken = copyOf(dudley);
    broken.stages[1]!.escalateTo = ['stage-9'];
    const error = rejects(broken, 'Procedure "dudley"', 'stages[1] ("stage-2").escalateTo[0]', 'no stage "stage-9"');
    assert.equal(error.procedureId, 'dudley');
  });

  it('rejects a firstStage, cap, log or immediate route that names no stage', () => {
    const broken = copyOf(newcastle);
    broken.firstStage = 'step-0';
    broken.caps[0]!.stages.push('step-7');
    broken.immediateRoute!.stage = 'urgent';
    rejects(broken, 'firstStage: no stage "step-0"', 'caps[0].stages[5]: no stage "step-7"', 'immediateRoute.stage');
  });

  it('rejects a record or notification form that does not exist', () => {
    const broken = copyOf(dudley);
    broken.stages[0]!.record = 'missing-form';
    broken.stages[3]!.notifyOnEntry[0]!.form = 'template';
    rejects(
      broken,
      'stages[0] ("stage-1").record: no form "missing-form"',
      'notifyOnEntry[0].form: no form "template"',
    );
  });

  it('rejects a stage id used twice', () => {
    const broken = copyOf(dudley);
    broken.stages[2]!.id = 'stage-2';
    rejects(broken, 'stage id "stage-2" is used twice');
  });

  it('rejects an immediate route whose stage is on the ordinary ladder', () => {
    const broken = copyOf(newcastle);
    broken.immediateRoute!.stage = 'step-3';
    rejects(broken, 'immediateRoute.stage: "step-3" is not marked immediate');
  });

  it('rejects a rule ID from another partnership', () => {
    const broken = copyOf(dudley);
    broken.stages[0]!.rules = ['LEE-1'];
    rejects(broken, 'stages[0] ("stage-1").rules[0]: "LEE-1" is not a DUD-n or COM-n rule ID');
  });

  it('rejects a stage that can escalate but that no one may escalate', () => {
    const broken = copyOf(dudley);
    broken.stages[3]!.escalateTo = ['stage-1'];
    rejects(broken, 'stages[3] ("stage-4").escalatedBy: no one can escalate');
  });

  it('rejects escalatedBy on a stage that escalates nowhere', () => {
    const broken = copyOf(dudley);
    broken.stages[3]!.escalatedBy = ['partnership.executive'];
    rejects(broken, 'stages[3] ("stage-4").escalatedBy: set, but the stage escalates nowhere');
  });

  it('reports a schema failure with the path of the bad field', () => {
    const broken = copyOf(dudley);
    broken.stages[1]!.owners[0] = 'raising.boss' as OwnerRole;
    rejects(broken, 'Procedure "dudley"', 'stages[1].owners[0]', 'side.role');
  });

  it('names a procedure without an id as such', () => {
    rejects({}, 'Procedure "(no id)"');
  });

  it('refuses two procedures with the same id', () => {
    assert.throws(() => loadProcedures([dudley, dudley]), /"dudley" is used by more than one procedure/);
  });
});
