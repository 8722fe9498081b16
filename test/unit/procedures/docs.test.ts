import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { procedures } from '../../../src/procedures/index';
import { renderProceduresMarkdown } from '../../../src/procedures/render-markdown';

const docsPath = join(__dirname, '..', '..', '..', 'docs', 'procedures.md');

describe('docs/procedures.md', () => {
  it('is up to date with the procedure data', () => {
    const written = readFileSync(docsPath, 'utf8');
    assert.ok(
      written === renderProceduresMarkdown(procedures),
      'docs/procedures.md is stale: run `npm run docs:procedures` and commit the result',
    );
  });
});

describe('rendering the procedures as markdown', () => {
  const md = renderProceduresMarkdown(procedures);

  it('has a section per partnership, with its source and readings', () => {
    for (const p of procedures) {
      assert.ok(md.includes(`## ${p.partnership}`), p.id);
      assert.ok(md.includes(p.source), p.id);
      for (const r of p.readings) assert.ok(md.includes(r), `${p.id} reading`);
    }
  });

  it('LEE-3 shows the stage, its owners and deadline in plain words, and the notification form', () => {
    const row = md.split('\n').find((l) => l.startsWith('| Step 3a |'));
    assert.ok(row, 'no Step 3a row');
    assert.ok(row.includes("the raising agency's head of service; the receiving agency's head of service"));
    assert.ok(row.includes('due 10 working days from the stage start'));
    assert.ok(row.includes('the partnership business unit with the Stage 3 Notifications and Outcomes Form (LEE-3)'));
  });

  it('DUD-2 shows a latest start and a day-of-challenge deadline', () => {
    const row = md.split('\n').find((l) => l.startsWith('| Stage 2 | Line managers / safeguarding leads'));
    assert.ok(row?.includes('starts no later than day 3 of the challenge; due no later than day 9 of the challenge'));
  });

  it('NEW-8 shows the immediate route and DUR-2 the cap', () => {
    assert.ok(
      md.includes(
        "Starts at Immediate escalation: service manager, agreed by the raising agency's safeguarding lead (NEW-8)",
      ),
    );
    assert.ok(md.includes('16 working days from the day raised, over Stage 1, Stage 2, Stage 3, Stage 4 (DUR-2)'));
  });

  it('keeps table rows to one line each, escaping pipes', () => {
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) assert.ok(line.endsWith('|'), line);
  });
});
