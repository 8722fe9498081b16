import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { formatDay, formatInstant, formatWhen } from '../../../src/calendar';
import { effectsOf } from '../../../src/workflow';
import { walks } from '../cards/fixtures';

describe('one date and time format', () => {
  it('an instant reads "Wed 16 Dec 2026, 5pm" in London, winter and summer', () => {
    assert.equal(formatInstant('2026-12-16T17:00:00Z'), 'Wed 16 Dec 2026, 5pm');
    assert.equal(formatInstant('2027-06-02T16:00:00Z'), 'Wed 2 Jun 2027, 5pm', 'BST');
    assert.equal(formatInstant('2027-01-04T09:30:00Z'), 'Mon 4 Jan 2027, 9:30am');
    assert.equal(formatInstant('2027-01-04T00:00:00Z'), 'Mon 4 Jan 2027, 12am');
    assert.equal(formatInstant('2027-01-04T12:05:00Z'), 'Mon 4 Jan 2027, 12:05pm');
  });

  it('a day reads "Wed 16 Dec 2026", from a YYYY-MM-DD or the London day of an instant', () => {
    assert.equal(formatDay('2026-12-16'), 'Wed 16 Dec 2026');
    assert.equal(formatDay('2027-06-01T23:30:00Z'), 'Wed 2 Jun 2027', 'already the 2nd in London');
    assert.equal(formatWhen('2026-12-16'), 'Wed 16 Dec 2026');
    assert.equal(formatWhen('2026-12-16T17:00:00Z'), 'Wed 16 Dec 2026, 5pm');
  });

  it('the workflow writes its deadlines the same way the cards do (no "17:00")', () => {
    const { procedure, atStage, events } = walks.find((w) => w.procedure.id === 'leeds') ?? assert.fail();
    const before = atStage[0]!;
    const after = atStage[1]!;
    const at = events.findIndex((e) => e.type === 'Escalated');
    const step = events.slice(at, at + 2);
    const words = JSON.stringify(effectsOf(procedure, before, after, step));
    const deadline = after.stages.at(-1)!.deadline!;
    assert.ok(words.includes(formatInstant(deadline)), words);
    assert.doesNotMatch(words, /\d\d:\d\d/);
  });
});
