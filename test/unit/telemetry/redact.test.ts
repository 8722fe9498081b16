/** Data protection in logs: only id-, code- and count-shaped fields reach a log line. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { errorFields, safeFields } from '../../../src/telemetry/redact';
import { captureLogger } from './capture';

const sentinel = 'Zebedee-Quarrington';

/** Keys case data and people's names travel under, in this code base and in callers' hands. */
const caseKeys = [
  'familyName',
  'childName',
  'adultName',
  'name',
  'displayName',
  'userName',
  'text',
  'message',
  'concern',
  'desiredOutcome',
  'evidence',
  'reason',
  'pauseReason',
  'agreedOutcome',
  'outstandingIssues',
  'outcome',
  'values',
  'value',
  'card',
  'body',
  'notes',
  'summary',
  'details',
  'description',
  'raisedBy',
  'raisedWith',
  'participants',
  'activity',
  'challenge',
  'command',
  'data',
  'payload',
  'familyNameId',
];

describe('telemetry: log redaction (COM-2)', () => {
  it('COM-2 a family name under any case-data key, at any depth, never appears in the output', () => {
    const { logger, raw } = captureLogger();
    for (const key of caseKeys) {
      logger.info('event', { [key]: sentinel });
      logger.warn('event', { [key]: { familyName: sentinel, nested: [{ text: sentinel }] } });
      logger.error('event', { [key]: [sentinel] });
    }
    logger.child({ familyName: sentinel, activity: { text: sentinel } }).info('child logger');
    assert.equal(raw.length, caseKeys.length * 3 + 1);
    for (const line of raw) assert.ok(!line.includes(sentinel), line);
  });

  it('COM-2 a key made of case data is not logged either: only the number of fields dropped is', () => {
    const { logger, raw, lines } = captureLogger();
    logger.info('event', { [sentinel]: 1, [`${sentinel}Id`]: 'x' });
    assert.ok(!raw[0]!.includes(sentinel), raw[0]);
    assert.equal(lines()[0]?.redacted, 2);
  });

  it('COM-2 a whole challenge, command or activity logged by mistake is dropped, not serialised', () => {
    const { logger, raw, lines } = captureLogger();
    const challenge = {
      id: 'c-1',
      caseReference: 'LCC-2026-0042',
      familyName: sentinel,
      concern: `${sentinel} was not assessed`,
      raisedBy: { id: 'p-1', name: 'Amira Khan' },
    };
    logger.info('raised', { challengeId: challenge.id, challenge, activity: { type: 'message', text: sentinel } });
    assert.ok(!raw[0]!.includes(sentinel));
    assert.ok(!raw[0]!.includes('Amira Khan'), 'staff names stay out too');
    assert.deepEqual(lines()[0], {
      at: '2026-11-23T10:00:00.000Z',
      level: 'info',
      message: 'raised',
      challengeId: 'c-1',
      redacted: 2,
    });
  });

  it('COM-2 nested values never pass, whatever their key (property)', () => {
    const nested = fc.oneof(
      fc.record({ any: fc.constant(sentinel) }),
      fc.array(fc.record({ k: fc.constant(sentinel) }), { minLength: 1 }),
      fc.anything().map((a) => ({ a, familyName: sentinel })),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), nested, (key, value) => {
        const { logger, raw } = captureLogger();
        logger.info('event', { [key]: value });
        return !raw[0]!.includes(sentinel);
      }),
    );
  });

  it('keeps ids, codes, counts and times, and counts the fields it dropped', () => {
    assert.deepEqual(
      safeFields({
        challengeId: 'c-1',
        conversationId: 'a:1',
        personIds: ['p-1', 'p-2'],
        statusCode: 429,
        attempt: 2,
        waitMs: 1000,
        raisedAt: '2026-11-23T10:00:00Z',
        kind: 'throttled',
        complete: true,
        error: 'Conflict',
        concern: sentinel,
        undefinedIsSkipped: undefined,
      }),
      {
        challengeId: 'c-1',
        conversationId: 'a:1',
        personIds: ['p-1', 'p-2'],
        statusCode: 429,
        attempt: 2,
        waitMs: 1000,
        raisedAt: '2026-11-23T10:00:00Z',
        kind: 'throttled',
        complete: true,
        error: 'Conflict',
        redacted: 1,
      },
    );
  });

  it('an error is logged by its class name, never its message: a message may quote what the caller sent', () => {
    assert.deepEqual(safeFields({ error: 'x'.repeat(1000) }), { error: 'Error' });
    assert.deepEqual(safeFields({ error: `Error: Challenge id "${sentinel}" cannot be a PartitionKey.` }), {
      error: 'Error',
    });
    assert.deepEqual(safeFields({ error: `TypeError: Cannot read ${sentinel}` }), { error: 'TypeError' });
    const thrown = Object.assign(new RangeError(`bad ${sentinel}`), { code: 'ERR_OUT_OF_RANGE', statusCode: 400 });
    assert.deepEqual(safeFields({ error: thrown }), { error: 'RangeError' });
    assert.deepEqual(errorFields(thrown), { error: 'RangeError', errorCode: 'ERR_OUT_OF_RANGE', statusCode: 400 });
    assert.deepEqual(errorFields(Object.assign(new Error('x'), { code: `${sentinel} with spaces` })), {
      error: 'Error',
    });
  });

  it('a string value is kept only when it looks like an id, a code or a time', () => {
    assert.deepEqual(
      safeFields({ challengeId: `${sentinel} was here`, kind: 'a b', conversationId: 'x'.repeat(201) }),
      {
        redacted: 3,
      },
    );
    assert.deepEqual(safeFields({ challengeId: '0c1f3c52-6a8e-4b7d-9f10-2a3b4c5d6e7f', endpoint: '/api/messages' }), {
      challengeId: '0c1f3c52-6a8e-4b7d-9f10-2a3b4c5d6e7f',
      endpoint: '/api/messages',
    });
  });

  it('a field cannot overwrite the line’s own message, level or time', () => {
    const { logger, lines } = captureLogger();
    logger.info('the real message', { message: sentinel, level: 'error', at: sentinel });
    const [line] = lines();
    assert.equal(line?.message, 'the real message');
    assert.equal(line?.at, '2026-11-23T10:00:00.000Z');
    assert.equal(line?.level, 'info');
  });
});
