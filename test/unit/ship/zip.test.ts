import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createZip } from '../../../manifest/zip';
import { readZip } from './read-zip';

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

describe('ship: app package zip', () => {
  const entries = [
    { name: 'manifest.json', data: Buffer.from('{"hello":"world"}\n'.repeat(50)) },
    { name: 'color.png', data: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)) },
    { name: 'empty.txt', data: Buffer.alloc(0) },
    { name: 'folder/note-é.txt', data: Buffer.from('UTF-8 name') },
  ];

  it('writes entries that read back byte for byte, in order', () => {
    const back = readZip(createZip(entries));
    assert.deepEqual(
      back.map((r) => r.name),
      entries.map((e) => e.name),
    );
    back.forEach((r, i) => assert.ok(r.data.equals(entries[i]?.data as Buffer), r.name));
  });

  it('is deterministic: the same inputs give the same bytes', () => {
    assert.ok(createZip(entries).equals(createZip(entries)));
  });

  it('refuses duplicate or absolute entry names', () => {
    assert.throws(() => createZip([entries[0]!, entries[0]!]), /duplicate/);
    assert.throws(() => createZip([{ name: '/etc/x', data: Buffer.alloc(1) }]), /bad/);
  });

  (hasUnzip ? it : it.skip)('passes `unzip -t` (Info-ZIP) with each entry intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    try {
      const file = join(dir, 'test.zip');
      writeFileSync(file, createZip(entries));
      const out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
      assert.match(out, /No errors detected/);
      assert.equal(
        execFileSync('unzip', ['-p', file, 'manifest.json'], { encoding: 'utf8' }),
        entries[0]!.data.toString(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
