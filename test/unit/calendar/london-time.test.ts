import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { endOfWorkingDay, londonDate, londonInstant, londonTime } from '../../../src/calendar';

const at = (iso: string): Date => new Date(iso);

describe('calendar: Europe/London time', () => {
  it('17:00 London is 17:00 UTC in winter and 16:00 UTC in summer, across the 2026 and 2027 clock changes', () => {
    const table: [day: string, utc: string][] = [
      ['2026-03-27', '2026-03-27T17:00:00.000Z'], // Friday before the last Sunday of March
      ['2026-03-29', '2026-03-29T16:00:00.000Z'], // the clocks went forward at 01:00 UTC that morning
      ['2026-03-30', '2026-03-30T16:00:00.000Z'],
      ['2026-10-23', '2026-10-23T16:00:00.000Z'],
      ['2026-10-25', '2026-10-25T17:00:00.000Z'], // back at 01:00 UTC that morning
      ['2027-03-30', '2027-03-30T16:00:00.000Z'], // after Easter 2027, BST from 28 March
      ['2027-11-01', '2027-11-01T17:00:00.000Z'], // GMT from 31 October 2027
    ];
    for (const [day, utc] of table) assert.equal(endOfWorkingDay(day).toISOString(), utc, day);
  });

  it('londonDate is the London day, not the UTC day', () => {
    assert.equal(londonDate(at('2026-06-30T23:30:00Z')), '2026-07-01'); // 00:30 BST
    assert.equal(londonDate(at('2026-12-31T23:30:00Z')), '2026-12-31'); // 23:30 GMT
    assert.equal(londonDate(at('2026-10-24T23:30:00Z')), '2026-10-25'); // 00:30 BST on the change day
  });

  it('londonTime reads the London wall clock', () => {
    assert.equal(londonTime(at('2026-07-01T08:05:00Z')), '09:05');
    assert.equal(londonTime(at('2026-01-15T08:05:00Z')), '08:05');
    assert.equal(londonTime(at('2026-07-01T23:00:00Z')), '00:00');
  });

  it('londonInstant picks the first of the repeated hour in October and skips the missing hour in March', () => {
    assert.equal(londonInstant('2026-10-25', '01:30').toISOString(), '2026-10-25T00:30:00.000Z');
    assert.equal(londonInstant('2026-10-25', '02:30').toISOString(), '2026-10-25T02:30:00.000Z');
    assert.equal(londonInstant('2026-03-29', '00:30').toISOString(), '2026-03-29T00:30:00.000Z');
    assert.equal(londonInstant('2026-03-29', '01:30').toISOString(), '2026-03-29T01:30:00.000Z'); // reads 02:30
    assert.equal(londonInstant('2026-03-29', '02:30').toISOString(), '2026-03-29T01:30:00.000Z');
  });

  it('rejects a malformed time or date', () => {
    assert.throws(() => londonInstant('2026-11-23', '9:00'), RangeError);
    assert.throws(() => londonInstant('2026-11-23', '24:00'), RangeError);
    assert.throws(() => londonInstant('2026-02-30', '09:00'), RangeError);
    assert.throws(() => londonDate(at('not a date')), RangeError);
  });
});
