/** `npm run directory -- import FILE` against Table Storage (Azurite): all or nothing, installs kept. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sample from '../../../src/directory/sample-directory.json';
import { main } from '../../../src/cli/directory';
import { createStores, type Stores } from '../../../src/store';
import { freshTables } from '../../support/azurite';

describe('directory import CLI over Table Storage', () => {
  let env: Record<string, string>;
  let stores: Stores;
  const dir = mkdtempSync(join(tmpdir(), 'directory-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const quietly = async (argv: string[]) => {
    const { error, log } = console;
    const lines: string[] = [];
    console.error = console.log = (...a: unknown[]) => void lines.push(a.join(' '));
    try {
      return { code: await main(argv, env), output: lines.join('\n') };
    } finally {
      Object.assign(console, { error, log });
    }
  };

  before(async () => {
    const tables = await freshTables('dircli');
    env = {
      STORAGE_CONNECTION_STRING: (tables as { connectionString: string }).connectionString,
      TABLE_PREFIX: tables.prefix!,
    };
    stores = createStores(tables);
  });

  it('imports a JSON directory', async () => {
    const { code, output } = await quietly(['import', file('directory.json', JSON.stringify(sample))]);
    assert.equal(code, 0, output);
    assert.match(output, /Imported 5 partnerships, 15 agencies, \d+ people/);
    assert.equal((await stores.directory.partnerships.list()).length, 5);
  });

  it('imports people from CSV against the stored agencies, keeping who has the bot installed', async () => {
    const grace = sample.people.find((p) => p.name === 'Grace Liu')!;
    await stores.directory.people.upsert({ ...grace, reachable: true });
    const csv = [
      'id,name,email,role,agencyId,lineManagerId,phone',
      `${grace.id},Grace Liu,grace.liu@leeds.example.gov.uk,Senior Social Worker,leeds-csc,${grace.lineManagerId},`,
      'new-1,Ola Nowak,ola.nowak@leeds.example.gov.uk,Social Worker,leeds-csc,,',
    ].join('\n');
    const { code, output } = await quietly(['import', file('people.csv', csv)]);
    assert.equal(code, 0, output);
    const stored = await stores.directory.people.get(grace.id);
    assert.equal(stored?.role, 'Senior Social Worker');
    assert.equal(stored?.reachable, true, 'still reachable');
    assert.equal((await stores.directory.people.get('new-1'))?.name, 'Ola Nowak');
  });

  it('writes nothing when any row is bad, and names each bad line', async () => {
    const csv = [
      'id,name,email,role,agencyId,lineManagerId,phone',
      'new-2,Pat Lee,pat@leeds.example.gov.uk,Social Worker,leeds-csc,,',
      'new-3,Sam Roe,not-an-email,Social Worker,leeds-csc,,',
      'new-4,Kim Yu,kim@leeds.example.gov.uk,Social Worker,no-such-agency,,',
    ].join('\n');
    const { code, output } = await quietly(['import', file('bad.csv', csv)]);
    assert.equal(code, 1);
    assert.match(output, /nothing was written/);
    assert.match(output, /line 3 email: /);
    assert.equal(await stores.directory.people.get('new-2'), undefined, 'the good row was not written either');
  });

  it('says how to use it when the command is not known', async () => {
    const { code, output } = await quietly(['load']);
    assert.equal(code, 2);
    assert.match(output, /npm run directory -- import FILE/);
  });
});
