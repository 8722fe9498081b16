import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { actionShapes, VERBS } from '../../../cards/verbs';

const doc = readFileSync(join(__dirname, '../../../docs/card-actions.md'), 'utf8');

/** The rows of a verb's field table: field name → required ('yes' / 'no'). */
function documentedFields(verb: string): Map<string, string> {
  const block = new RegExp(`<!-- fields:${verb} -->([\\s\\S]*?)<!-- /fields -->`).exec(doc);
  assert.ok(block, `docs/card-actions.md has no field table for ${verb}`);
  const rows = new Map<string, string>();
  // Cells are split on unescaped pipes; prettier pads them, so they are trimmed.
  for (const line of (block[1] ?? '').split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    const field = /^`([A-Za-z]+)`$/.exec(cells[1] ?? '')?.[1];
    if (field) rows.set(field, cells[3] ?? '');
  }
  return rows;
}

describe('docs/card-actions.md, the public contract', () => {
  for (const verb of VERBS) {
    it(`documents ${verb} with each of its fields, marked required exactly when the schema requires it`, () => {
      assert.ok(doc.includes(`### \`${verb}\``), `no section for ${verb}`);
      const shape = actionShapes[verb].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
      const rows = documentedFields(verb);
      assert.deepEqual(
        [...rows.keys()].sort(),
        Object.keys(shape).sort(),
        `${verb}: documented fields differ from cards/verbs.ts`,
      );
      for (const [field, schema] of Object.entries(shape)) {
        const required = schema.safeParse(undefined).success ? 'no' : 'yes';
        assert.equal(rows.get(field), required, `${verb}.${field} required?`);
      }
    });
  }

  it('documents no verb the bot does not know', () => {
    const sections = [...doc.matchAll(/^### `([A-Za-z]+)`$/gm)].map((m) => m[1]);
    assert.deepEqual(sections.sort(), [...VERBS].sort());
  });

  it('shows the invoke shape and the Action.Submit fallback', () => {
    for (const words of [
      '"name": "adaptiveCard/action"',
      '"type": "Action.Execute"',
      '"trigger": "manual"',
      '"type": "message"',
      'application/vnd.microsoft.card.adaptive',
    ]) {
      assert.ok(doc.includes(words), words);
    }
  });
});
