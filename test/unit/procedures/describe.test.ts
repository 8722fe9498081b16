import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { describeDeadline, describeRole } from '../../../src/procedures/describe';

describe('procedure data in plain words', () => {
  it('names roles by side', () => {
    assert.equal(describeRole('raising.practitioner'), 'the practitioner who raised it');
    assert.equal(describeRole('receiving.practitioner'), 'the practitioner it is raised with');
    assert.equal(describeRole('raising.lineManager'), "the raising agency's line manager");
    assert.equal(describeRole('receiving.headOfService'), "the receiving agency's head of service");
    assert.equal(describeRole('partnership.businessUnit'), 'the partnership business unit');
  });

  it('says each kind of deadline', () => {
    assert.equal(
      describeDeadline({ kind: 'workingDays', days: 5, from: 'stageStart' }),
      '5 working days from the stage start',
    );
    assert.equal(
      describeDeadline({ kind: 'workingDays', days: 1, from: 'raised' }),
      '1 working day from the day raised',
    );
    assert.equal(describeDeadline({ kind: 'dayOfChallenge', day: 9 }), 'no later than day 9 of the challenge');
    assert.equal(
      describeDeadline({ kind: 'calendarMonths', months: 1, from: 'raised' }),
      '1 calendar month from the day raised',
    );
    assert.equal(
      describeDeadline({ kind: 'none', guidance: 'As soon as possible.' }),
      'no fixed timescale: As soon as possible.',
    );
  });
});
