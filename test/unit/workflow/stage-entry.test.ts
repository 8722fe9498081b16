import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { replay } from '../../../src/workflow';
import { REASON, walks } from '../cards/fixtures';

describe('workflow: who sent a stage its challenge, and why', () => {
  for (const { procedure, atStage, events } of walks) {
    it(`${procedure.code}: each stage record keeps the escalation's stage, reason and who escalated (DUD-3, NEW-3, LEE-9)`, () => {
      const first = atStage[0]!.stages[0]!;
      assert.equal(first.enteredFrom, undefined);
      assert.equal(first.entryReason, undefined);
      assert.deepEqual(first.enteredBy, { id: atStage[0]!.raisedBy.id, name: atStage[0]!.raisedBy.name });
      for (const [i, challenge] of atStage.slice(1).entries()) {
        const record = challenge.stages.at(-1)!;
        const escalated = events.filter((e) => e.type === 'Escalated')[i]!;
        assert.equal(record.enteredFrom, atStage[i]!.stageId);
        assert.equal(record.entryReason, REASON);
        assert.deepEqual(record.enteredBy, escalated.by);
      }
      const last = atStage.at(-1)!;
      assert.deepEqual(replay(events.slice(0, last.version)), last, 'replay gives the same records');
    });
  }
});
