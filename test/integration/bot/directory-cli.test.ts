/**
 * `npm run directory`: `check` offline (no storage at all), `import` against Table Storage
 * (Azurite): all or nothing, installs kept, leavers retired and what they hold flagged.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sample from '../../../src/directory/sample-directory.json';
import { main } from '../../../src/cli/directory';
import { createStores, type Stores } from '../../../src/store';
import { freshTables, getTestStorage } from '../../support/azurite';
import { startBot, Walk } from './support';

describe('directory import CLI over Table Storage', () => {
  let env: Record<string, string>;
  let stores: Stores;
  const dir = mkdtempSync(join(tmpdir(), 'directory-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const quietly = async (argv: string[], withEnv: Record<string, string> = env) => {
    const { error, log } = console;
    const lines: string[] = [];
    console.error = console.log = (...a: unknown[]) => void lines.push(a.join(' '));
    try {
      return { code: await main(argv, withEnv), output: lines.join('\n') };
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

  it('checks files offline, with no storage configured, naming each bad line', async () => {
    const good = await quietly(['check', file('offline.json', JSON.stringify(sample, null, 2))], {});
    assert.equal(good.code, 0, good.output);
    assert.match(good.output, /is good: 5 partnerships, 15 agencies, \d+ people/);
    const agencies = file(
      'agencies.json',
      JSON.stringify({
        partnerships: [{ id: 'leeds', name: 'Leeds', procedureId: 'leeds' }],
        agencies: [{ id: 'leeds-csc', name: 'Leeds CSC', partnershipId: 'leeds' }],
      }),
    );
    const csv = file(
      'offline.csv',
      [
        'id,name,email,role,agencyId,lineManagerId,phone,reach,homeTenantId',
        'p-1,Pat Lee,pat@leeds.example.gov.uk,Social Worker,leeds-csc,,,,',
        'p-2,Sam Roe,not-an-email,Social Worker,leeds-csc,,,,',
        'p-3,Kim Yu,kim@leeds.example.gov.uk,Social Worker,leeds-csc,,,fax,',
      ].join('\n'),
    );
    const bad = await quietly(['check', agencies, csv], {});
    assert.equal(bad.code, 1);
    assert.match(bad.output, /2 problems; fix them before importing/);
    assert.match(bad.output, /offline\.csv line 3 email: /);
    assert.match(bad.output, /offline\.csv line 4 reach: /);
    const together = await quietly(
      [
        'check',
        agencies,
        file('fine.csv', 'id,name,email,role,agencyId\np-1,Pat Lee,pat@x.example.org,Social Worker,leeds-csc'),
      ],
      {},
    );
    assert.equal(together.code, 0, together.output);
  });

  it('says how to use it when the command is not known', async () => {
    const { code, output } = await quietly(['load']);
    assert.equal(code, 2);
    assert.match(output, /npm run directory -- import FILE/);
  });
});

describe('directory re-import over a live bot: leavers retired, their challenges flagged for hand-over', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'reimport-'));
  const school = sample.people.filter((p) => p.agencyId === 'leeds-school');
  const ben = school.find((p) => p.name === 'Ben Ortiz')!;
  const csvOf = (people: typeof school) =>
    [
      'id,name,email,role,agencyId,lineManagerId,phone',
      ...people.map((p) => [p.id, p.name, p.email, p.role, p.agencyId, p.lineManagerId ?? '', ''].join(',')),
    ].join('\n');

  it('retires Ben, names the challenge and the role he holds, flags it for Leeds, and clears the flag when he is back', async () => {
    const h = await startBot('reimport', '2027-01-04T10:00:00Z');
    try {
      await h.install('Amira Khan', 'Ben Ortiz', 'Grace Liu');
      const walk = new Walk(h);
      await walk.raise({ raiser: 'Amira Khan', caseReference: 'LCC-2027-0007', raisedWith: 'Grace Liu' });
      const prefix = h.app.stores.names.directory.replace(/directory$/, '');
      const env = { STORAGE_CONNECTION_STRING: await getTestStorage(), TABLE_PREFIX: prefix };
      const run = async (argv: string[]) => {
        const { error, log } = console;
        const lines: string[] = [];
        console.error = console.log = (...a: unknown[]) => void lines.push(a.join(' '));
        try {
          return {
            code: await main(argv, env, { now: () => new Date('2027-01-05T09:00:00Z') }),
            output: lines.join('\n'),
          };
        } finally {
          Object.assign(console, { error, log });
        }
      };
      const path = join(dir, 'school.csv');

      writeFileSync(path, csvOf(school.filter((p) => p.id !== ben.id)));
      const left = await run(['import', path]);
      assert.equal(left.code, 0, left.output);
      assert.match(left.output, new RegExp(`Ben Ortiz \\(${ben.id}\\), still holds:`));
      assert.match(
        left.output,
        new RegExp(
          `challenge ${walk.challengeId} \\(case LCC-2027-0007\\): raising.lineManager; flagged for hand-over`,
        ),
      );
      assert.match(left.output, /Warning: Amira Khan \(\S+\) has Ben Ortiz \(\S+\) as line manager, who has left/);
      const stored = await h.app.stores.directory.people.get(ben.id);
      assert.equal(stored?.retiredAt, '2027-01-05T09:00:00.000Z', 'kept, not deleted');
      assert.ok(
        !(await h.app.stores.directory.people.inAgency('leeds-school')).some((p) => p.id === ben.id),
        'offered to nobody',
      );
      const flags = await h.app.stores.directory.handOvers.list('leeds');
      assert.deepEqual(
        flags.map((f) => [f.challengeId, f.caseReference, f.personId, f.roles]),
        [[walk.challengeId, 'LCC-2027-0007', ben.id, ['raising.lineManager']]],
      );
      assert.deepEqual(
        await h.app.stores.directory.handOvers.list('dudley'),
        [],
        "another partnership's list is empty",
      );

      writeFileSync(path, csvOf(school));
      const back = await run(['import', path]);
      assert.equal(back.code, 0, back.output);
      assert.match(back.output, /Back again: Ben Ortiz/);
      assert.equal((await h.app.stores.directory.people.get(ben.id))?.retiredAt, undefined);
      assert.deepEqual(await h.app.stores.directory.handOvers.list(), [], 'the flag is cleared');
    } finally {
      await h.stop();
    }
  });
});
