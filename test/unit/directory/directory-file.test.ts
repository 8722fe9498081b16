/** Checking a directory file before import: every bad row named by its JSON index or CSV line. */
import assert from 'node:assert/strict';
import sample from '../../../src/directory/sample-directory.json';
import { checkDirectoryFile, checkDirectoryFiles } from '../../../src/directory/directory-file';
import { checkDirectory } from '../../../src/directory/import-directory';
import { checkPeopleCsv } from '../../../src/directory/people-csv';

const known = { partnershipIds: ['leeds'], agencyIds: ['leeds-csc'], personIds: ['p-manager'] };
const header = 'id,name,email,role,agencyId,lineManagerId,phone';

function problemsOf(check: ReturnType<typeof checkPeopleCsv>): string[] {
  assert.equal(check.ok, false, 'the file is refused');
  return check.ok ? [] : check.problems;
}

describe('directory import: CSV of people', () => {
  it('reads good rows, an empty cell being a value not given', () => {
    const check = checkPeopleCsv(
      [
        header,
        'p-1,Grace Liu,grace.liu@leeds.example.gov.uk,Social Worker,leeds-csc,p-manager,',
        'p-2,"Walsh, Harry",harry@leeds.example.gov.uk,Team Manager,leeds-csc,,0113 000 0001',
      ].join('\n'),
      known,
    );
    assert.ok(check.ok, check.ok ? '' : check.problems.join('; '));
    assert.deepEqual(
      check.directory.people.map((p) => [p.name, p.lineManagerId, p.phone, p.reachable]),
      [
        ['Grace Liu', 'p-manager', undefined, false],
        ['Walsh, Harry', undefined, '0113 000 0001', false],
      ],
    );
  });

  it('reports every bad row with its line in the file, blank lines and multi-line cells counted', () => {
    const text = [
      header, // 1
      'p-1,Grace Liu,not-an-email,Social Worker,leeds-csc,,', // 2
      '', // 3
      'p-2,"Harry', // 4
      'Walsh",harry@leeds.example.gov.uk,Team Manager,leeds-csc,,', // 5 (same record as 4)
      'p-3,,amy@leeds.example.gov.uk,,leeds-csc,,', // 6
    ].join('\n');
    const problems = problemsOf(checkPeopleCsv(text, known));
    assert.ok(
      problems.some((p) => /^line 2 email: /.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /^line 6 name: /.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /^line 6 role: /.test(p)),
      problems.join('\n'),
    );
    assert.ok(!problems.some((p) => /^line [45]/.test(p)), 'the two-line record is good');
    assert.equal(problems.length, 3);
  });

  it('reports references to agencies and line managers that exist neither in the file nor in storage', () => {
    const text = [
      header,
      'p-1,Grace Liu,grace@x.example.org,Social Worker,leeds-csx,,',
      'p-2,Amy Ng,amy@x.example.org,Social Worker,leeds-csc,p-9,',
      'p-3,Ben Ho,ben@x.example.org,Social Worker,leeds-csc,p-2,',
    ].join('\n');
    assert.deepEqual(problemsOf(checkPeopleCsv(text, known)), [
      'line 2 agencyId: no agency "leeds-csx"',
      'line 3 lineManagerId: no person "p-9"',
    ]);
  });

  it('reports a duplicate id with both lines', () => {
    const text = [
      header,
      'p-1,Grace Liu,grace@x.example.org,Social Worker,leeds-csc,,',
      'p-1,Amy Ng,amy@x.example.org,Social Worker,leeds-csc,,',
    ].join('\n');
    assert.deepEqual(problemsOf(checkPeopleCsv(text, known)), ['line 3 id: "p-1" is also line 2']);
  });

  it('refuses a header with unknown or missing columns, and a file with no people', () => {
    assert.deepEqual(problemsOf(checkPeopleCsv('id,name,mail,role,agencyId\n', known)), [
      'line 1: unknown column mail (expected id,name,email,role,agencyId,lineManagerId,phone,reach,homeTenantId)',
      'line 1: missing column email',
    ]);
    assert.deepEqual(problemsOf(checkPeopleCsv(`${header}\n`, known)), ['the file has no people in it']);
  });

  it('reports a malformed file (an unclosed quote) instead of throwing', () => {
    const problems = problemsOf(
      checkPeopleCsv(`${header}\np-1,"Grace Liu,grace@x.example.org,Social Worker,leeds-csc,,\n`, known),
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^line \d+: /);
  });
});

describe('directory import: JSON', () => {
  it('accepts the sample directory', () => {
    const check = checkDirectoryFile('sample.json', JSON.stringify(sample));
    assert.ok(check.ok, check.ok ? '' : check.problems.join('; '));
    assert.equal(check.directory.partnerships.length, 5);
  });

  it('reports every bad row by its line and array index, and references only once the rows are good', () => {
    const doc = structuredClone(sample) as { people: Record<string, unknown>[]; agencies: Record<string, unknown>[] };
    doc.people[3]!.email = 'nope';
    delete doc.people[7]!.name;
    doc.agencies[1]!.partnershipId = '';
    const text = JSON.stringify(doc, null, 2);
    const check = checkDirectoryFile('dir.json', text);
    assert.equal(check.ok, false);
    const problems = check.ok ? [] : check.problems;
    assert.deepEqual(
      problems.map((p) => p.split(':')[0]!.replace(/^line \d+ /, '')),
      ['agencies[1] partnershipId', 'people[3] email', 'people[7] name'],
    );
    // Each line named is where that row starts: its id is on the next line.
    const lines = text.split('\n');
    const ids = problems.map((p) => lines[Number(/^line (\d+) /.exec(p)?.[1])]?.trim());
    assert.deepEqual(ids, [
      `"id": "${sample.agencies[1]!.id}",`,
      `"id": "${sample.people[3]!.id}",`,
      `"id": "${sample.people[7]!.id}",`,
    ]);
  });

  it('names the line where a JSON file stops parsing', () => {
    const broken = checkDirectoryFile('dir.json', '{\n  "people": [\n    {"id": "p-1",}\n  ]\n}');
    assert.deepEqual(broken.ok ? [] : broken.problems, ['dir.json is not valid JSON: line 3: PropertyNameExpected']);
  });

  it('checks references against what is already stored', () => {
    const doc = {
      people: [
        {
          id: 'p-1',
          name: 'Grace Liu',
          email: 'grace@x.example.org',
          role: 'Social Worker',
          agencyId: 'leeds-csc',
          lineManagerId: 'p-manager',
        },
      ],
    };
    assert.ok(checkDirectory(doc, known).ok);
    const alone = checkDirectory(doc);
    assert.deepEqual(alone.ok ? [] : alone.problems, [
      'people[0] agencyId: no agency "leeds-csc"',
      'people[0] lineManagerId: no person "p-manager"',
    ]);
  });

  it('refuses a file that is not JSON or CSV, and JSON that does not parse', () => {
    const other = checkDirectoryFile('people.xlsx', '');
    assert.deepEqual(other.ok ? [] : other.problems, ['people.xlsx: a directory file is .json or .csv']);
    const broken = checkDirectoryFile('dir.json', '{"people": [');
    assert.match(broken.ok ? '' : broken.problems[0]!, /^dir\.json is not valid JSON: line 1/);
  });
});

describe('directory check: several files as one directory, and how each person is reached', () => {
  const agencies = JSON.stringify(
    {
      partnerships: [{ id: 'leeds', name: 'Leeds', procedureId: 'leeds' }],
      agencies: [{ id: 'leeds-csc', name: 'Leeds CSC', partnershipId: 'leeds' }],
    },
    null,
    2,
  );

  it('lets a CSV of people refer to the agencies of a JSON file beside it', () => {
    const people = [
      'id,name,email,role,agencyId,lineManagerId,phone,reach,homeTenantId',
      'p-1,Grace Liu,grace@x.example.org,Social Worker,leeds-csc,,,,',
      'p-2,Dr Ade Obi,ade.obi@nhs.example.org,Named GP,leeds-csc,,,guest,0a8e2f6c-1d3b-4c5e-9f7a-2b4c6d8e0f1a',
      'p-3,Pat Kerr,pat.kerr@police.example.org,Detective Sergeant,leeds-csc,,,email,',
    ].join('\n');
    const check = checkDirectoryFiles([
      { name: 'agencies.json', text: agencies },
      { name: 'people.csv', text: people },
    ]);
    assert.ok(check.ok, check.ok ? '' : check.problems.join('; '));
    assert.deepEqual(
      check.directory.people.map((p) => [p.id, p.reach, p.homeTenantId]),
      [
        ['p-1', 'teams', undefined],
        ['p-2', 'guest', '0a8e2f6c-1d3b-4c5e-9f7a-2b4c6d8e0f1a'],
        ['p-3', 'email', undefined],
      ],
    );
  });

  it('names each bad row by its file and line when several files are checked', () => {
    const people = [
      'id,name,email,role,agencyId,lineManagerId,phone,reach,homeTenantId',
      'p-1,Grace Liu,grace@x.example.org,Social Worker,leeds-csc,,,carrier-pigeon,',
      'p-2,Amy Ng,amy@x.example.org,Social Worker,leeds-cs,,,,',
    ].join('\n');
    const rowFaults = checkDirectoryFiles([
      { name: 'agencies.json', text: agencies },
      { name: 'people.csv', text: people },
    ]);
    assert.deepEqual(
      (rowFaults.ok ? [] : rowFaults.problems).map((p) => p.split(':')[0]),
      ['people.csv line 2 reach'],
    );
    const referenceFaults = checkDirectoryFiles([
      { name: 'agencies.json', text: agencies },
      { name: 'people.csv', text: people.replace('carrier-pigeon', 'teams') },
    ]);
    assert.deepEqual(referenceFaults.ok ? [] : referenceFaults.problems, [
      'people.csv line 3 agencyId: no agency "leeds-cs"',
    ]);
  });
});
