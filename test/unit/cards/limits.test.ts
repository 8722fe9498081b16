/**
 * One bound on what a person may type: the cards' maxLength, the parser of card data and the
 * contract (docs/card-actions.md) all say INPUT_LIMITS; and one format for challenge ids.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { cleanText, formatLimit, INPUT_LIMITS, isWellFormed } from '../../../cards/limits';
import { renderCard, templates } from '../../../cards/render';
import { parseCardAction } from '../../../cards/verbs';
import { CHALLENGE_ID, isChallengeId, newChallengeId } from '../../../src/workflow/ids';
import { toRaiseFormCardData } from '../../../cards/view-models/raise-form';
import { directory, procedures } from './fixtures';

const doc = readFileSync(join(__dirname, '../../../docs/card-actions.md'), 'utf8');
const id = '0c1f3c52-6a8e-4b7d-9f10-2a3b4c5d6e7f';

/** Every maxLength in a card or template, with the input it is on. */
function maxLengths(node: unknown, found: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(node)) node.forEach((n) => maxLengths(n, found));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ('maxLength' in o) found.push([String(o.id), o.maxLength]);
    Object.values(o).forEach((v) => maxLengths(v, found));
  }
  return found;
}

describe('input limits: one number in one place', () => {
  it('no card template writes a maxLength of its own: each is bound to cards/limits.ts', () => {
    for (const [name, template] of Object.entries(templates)) {
      for (const [input, value] of maxLengths(template)) {
        assert.match(String(value), /^\$\{\$root\.limits\.[a-zA-Z]+\}$/, `${name}: ${input}`);
      }
    }
  });

  it('the raise form as rendered offers exactly the parser’s bounds', () => {
    const card = renderCard(
      'raise-form',
      toRaiseFormCardData({ procedures, procedure: procedures[0]!, challengeId: id, people: directory() }),
    );
    const offered = Object.fromEntries(maxLengths(card));
    assert.equal(offered.concern, INPUT_LIMITS.text);
    assert.equal(offered.evidence, INPUT_LIMITS.text);
    assert.equal(offered.caseReference, INPUT_LIMITS.caseReference);
    assert.equal(offered.externalEmail, INPUT_LIMITS.email);
    const tooLong = parseCardAction({ verb: 'raise', challengeId: id, version: 0, caseReference: 'x'.repeat(101) });
    assert.ok(!tooLong.ok && tooLong.errors.caseReference);
  });

  it('the parser takes INPUT_LIMITS.text characters and refuses one more, in named fields and form fields', () => {
    const at = 'x'.repeat(INPUT_LIMITS.text);
    const over = `${at}x`;
    const escalate = (reason: string) => parseCardAction({ verb: 'escalate', challengeId: id, version: 1, reason });
    assert.equal(escalate(at).ok, true);
    const refused = escalate(over);
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? (refused.errors.reason ?? '') : '', new RegExp(formatLimit(INPUT_LIMITS.text)));
    const outcome = (v: string) =>
      parseCardAction({ verb: 'recordOutcome', challengeId: id, version: 1, 'recordOutcome.summary': v });
    assert.equal(outcome(at).ok, true);
    assert.equal(outcome(over).ok, false);
  });

  it('the contract states the same bounds', () => {
    const stated = [...doc.matchAll(/up to ([\d,]+) chars/g)].map((m) => m[1]);
    assert.ok(stated.length > 10);
    const allowed = [INPUT_LIMITS.text, INPUT_LIMITS.line, INPUT_LIMITS.email].map(formatLimit);
    for (const n of stated) assert.ok(allowed.includes(n!), `docs say up to ${n} chars`);
    assert.ok(doc.includes(`at most **${formatLimit(INPUT_LIMITS.text)} characters**`));
    assert.ok(doc.includes(`string, 1-${INPUT_LIMITS.caseReference} chars`));
    assert.ok(doc.includes(`string, 1-${INPUT_LIMITS.logId} chars`));
  });

  it('cleanText drops control characters and mends lone surrogates, and keeps everything else', () => {
    assert.equal(cleanText('a\u0000b\u0007c\td\ne\r\u007f'), 'abc\td\ne\r');
    assert.equal(cleanText('x\ud800y'), 'x\ufffdy');
    assert.equal(cleanText('emoji \u{1F600} ok'), 'emoji \u{1F600} ok');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const clean = cleanText(s);
        return isWellFormed(clean) && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(clean);
      }),
    );
  });
});

describe('challenge ids: one format', () => {
  it('the bot allocates version 4 UUIDs in lower case', () => {
    for (let i = 0; i < 100; i++) assert.match(newChallengeId(randomUUID), CHALLENGE_ID);
    assert.throws(() => newChallengeId(() => 'not-a-uuid'));
  });

  it('refuses anything else', () => {
    for (const odd of ['', 'ch-1', '__proto__', 'healthz', '../id', `${id} `, id.toUpperCase(), `${id}\u0000`]) {
      assert.equal(isChallengeId(odd), false, odd);
    }
    assert.equal(isChallengeId(7), false);
    fc.assert(fc.property(fc.string(), (s) => isChallengeId(s) === CHALLENGE_ID.test(s)));
    const refused = parseCardAction({ verb: 'refresh', challengeId: '__proto__', version: 0 });
    assert.equal(refused.ok, false);
  });
});
