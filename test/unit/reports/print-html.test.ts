/** The printed pages show what people typed as text: markup in a value is escaped, never run. */
import assert from 'node:assert/strict';
import { printableForm } from '../../../src/reports/printable-form';
import { subjectAccessRecord } from '../../../src/reports/subject-access';
import { printedFormHtml, subjectAccessHtml } from '../../../src/tab/print-html';
import { byReference, sampleEntries } from './sample-entries';

describe('printed pages', () => {
  const entry = byReference(sampleEntries(), 'DAR-ASC-0201');
  const hostile = '<img src=x onerror=alert(1)> [Sign in](https://evil.example)';
  const withHostile = {
    ...entry,
    challenge: {
      ...entry.challenge,
      stages: entry.challenge.stages.map((s) =>
        s.outcome ? { ...s, outcome: { ...s.outcome, barriers: hostile } } : s,
      ),
    },
  };

  it('DAR-7 the recording tool page escapes every value and dates are read in London time', () => {
    const html = printedFormHtml(
      printableForm(withHostile, 'recording-tool', { seesFamilyName: true })!,
      new Date('2026-12-01T10:00:00Z'),
    );
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&#60;img src=x onerror=alert\(1\)&#62;/);
    assert.match(html, /Mon 12 Oct 2026/);
    assert.match(html, /To be completed by DSP Business Unit only/);
    assert.doesNotMatch(html, /<script/);
  });

  it('the subject access page escapes the history and lists every entry', () => {
    const record = subjectAccessRecord({
      ...withHostile,
      refusals: [],
      now: new Date('2026-12-01T10:00:00Z'),
      requestedBy: { id: 'bu', name: 'Tess Wynn' },
    });
    const html = subjectAccessHtml(record);
    assert.doesNotMatch(html, /<img/);
    assert.equal((html.match(/<h2>/g) ?? []).length, 1 + record.history.length + 1);
    assert.match(html, /Exported Tue 1 Dec 2026, 10am by Tess Wynn/);
  });
});
