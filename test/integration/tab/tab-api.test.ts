/**
 * The tab's API over HTTP against the real bot (composition root, Azurite) holding the sample
 * challenges of all five procedures, seeded through the real workflow. Local mode picks the
 * person by header; production mode takes only a Teams SSO token checked against a local
 * stand-in for Entra ID. Every answer is filtered by role.
 */
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { seedSampleChallenges } from '../../../src/cli/seed-sample-challenges';
import { sampleChallenges } from '../../../src/directory/sample-challenges';
import { startHarness, type Harness } from '../../support/bot-harness';
import { startLocalEntra, type LocalEntra } from '../../support/local-entra';

const now = '2026-12-01T10:00:00Z';
const idOf = (caseReference: string) => sampleChallenges.find((s) => s.caseReference === caseReference)!.id;

async function call(h: Harness, path: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await fetch(`${h.url}${path}`, { method, headers });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : undefined;
  return { status: response.status, text, json, headers: response.headers };
}

describe('tab API, local mode: a directory person picked explicitly, every answer filtered by role', function () {
  let h: Harness;
  const as = (name: string) => ({ 'x-challenge-person': h.user(name).aadObjectId });
  const get = (path: string, name?: string) => call(h, path, name ? as(name) : {});

  before(async () => {
    h = await startHarness('tabapi', { now, app: { through: (_id, send) => send() } });
    await seedSampleChallenges(h.app.stores, h.directory);
    // A Durham coordinator who is on no challenge: a partnership lead who must not see a family name.
    await h.app.stores.directory.people.upsert({
      id: '5e5e5e5e-0000-4000-8000-00000000c0de',
      name: 'Rex Ford',
      email: 'rex.ford@durham.example',
      role: 'Partnership Coordinator',
      agencyId: 'durham-partnership',
    });
    const durham = (await h.app.stores.directory.partnerships.get('durham'))!;
    await h.app.stores.directory.partnerships.upsert({
      ...durham,
      coordinatorIds: ['5e5e5e5e-0000-4000-8000-00000000c0de'],
    });
    h.directory.people.push({ ...(await h.app.stores.directory.people.get('5e5e5e5e-0000-4000-8000-00000000c0de'))! });
  });
  after(async () => h.stop());

  it('answers 401 on every route without a person, and for a header that is not a directory id', async () => {
    const id = idOf('LCC-2026-0101');
    for (const path of [
      '/tab/api/session',
      '/tab/api/my-challenges',
      `/tab/api/challenges/${id}`,
      `/tab/api/challenges/${id}/forms/stage-3-notification`,
      `/tab/api/challenges/${id}/subject-access`,
      '/tab/api/partnerships/leeds/overview',
      '/tab/api/partnerships/leeds/log.csv',
      '/tab/api/partnerships/leeds/scorecard.csv',
    ]) {
      assert.equal((await get(path)).status, 401, path);
    }
    assert.equal((await call(h, '/tab/api/session', { 'x-challenge-person': 'Amira Khan' })).status, 401);
    assert.equal((await call(h, `/tab/api/challenges/${id}/open`, {}, 'POST')).status, 401);
  });

  it('a practitioner sees the challenges she is on, with their timelines, and nothing else', async () => {
    const mine = await get('/tab/api/my-challenges', 'Amira Khan');
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.json.challenges.map((c: { caseReference: string }) => c.caseReference).sort(), [
      'LCC-2026-0101',
      'LCC-2026-0102',
      'LCC-2026-0103',
    ]);
    const l1 = mine.json.challenges.find((c: { caseReference: string }) => c.caseReference === 'LCC-2026-0101');
    assert.deepEqual(
      l1.timeline.stages.map((s: { label: string; state: string }) => `${s.label} ${s.state}`),
      ['Step 1 done', 'Step 2 done', 'Step 3a now', 'Step 3b toCome', 'Stage 4 toCome'],
    );
    const session = await get('/tab/api/session', 'Amira Khan');
    assert.deepEqual([session.json.person.name, session.json.partnerships], ['Amira Khan', []]);
  });

  it('403 outside the role: another partnership, another practitioner, the partnership view, the subject access export', async () => {
    assert.equal((await get(`/tab/api/challenges/${idOf('DAR-GP-0101')}`, 'Amira Khan')).status, 403);
    assert.equal((await get(`/tab/api/challenges/${idOf('LCC-2026-0101')}`, 'Chloe Brennan')).status, 403);
    assert.deepEqual((await get('/tab/api/my-challenges', 'Chloe Brennan')).json.challenges, []);
    assert.equal((await get('/tab/api/partnerships/leeds/overview', 'Amira Khan')).status, 403);
    assert.equal((await get('/tab/api/partnerships/leeds/log.csv', 'Amira Khan')).status, 403);
    assert.equal((await get(`/tab/api/challenges/${idOf('LCC-2026-0101')}/subject-access`, 'Amira Khan')).status, 403);
    assert.equal(
      (await get(`/tab/api/challenges/${idOf('LCC-2026-0101')}/forms/stage-3-notification`, 'Chloe Brennan')).status,
      403,
    );
    // A business unit sees its own partnership only.
    assert.equal((await get('/tab/api/partnerships/leeds/overview', 'Maya Singh')).status, 200);
    assert.equal((await get('/tab/api/partnerships/darlington/overview', 'Maya Singh')).status, 403);
    assert.equal((await get(`/tab/api/challenges/${idOf('DAR-GP-0101')}`, 'Maya Singh')).status, 403);
  });

  it('DAR-6 the business unit gets the log, the quarterly scorecard and the CSVs, which parse back to the same rows', async () => {
    const overview = await get('/tab/api/partnerships/darlington/overview?quarter=2026-Q3', 'Tess Wynn');
    assert.equal(overview.status, 200);
    assert.equal(overview.json.scorecard.raised, 4);
    assert.equal(overview.json.scorecard.medianWorkingDaysToResolve, 4);
    assert.deepEqual(
      overview.json.quarters.map((q: { id: string }) => q.id),
      ['2026-Q3', '2026-Q2'],
    );
    const csv = await get('/tab/api/partnerships/darlington/log.csv', 'Tess Wynn');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="challenge-log-darlington.csv"/);
    const rows: string[][] = parse(csv.text, { bom: true });
    assert.equal(rows[0]![0], 'Log ID');
    assert.deepEqual(
      rows.slice(1).map((r) => [r[0], r[2]]),
      overview.json.log.map((r: { logId: string; caseReference: string }) => [r.logId, r.caseReference]),
    );
    const card = await get('/tab/api/partnerships/darlington/scorecard.csv?quarter=2026-Q3', 'Tess Wynn');
    const figures = new Map(parse(card.text, { bom: true }) as [string, string][]);
    assert.equal(figures.get('Raised'), '4');
    assert.equal(figures.get('Stage deadlines missed'), '2 (29%)');
    assert.equal((await get('/tab/api/partnerships/darlington/overview?quarter=2026-13', 'Tess Wynn')).status, 400);
  });

  it('the partnership view lists the challenges held by people who have left, for the business unit to hand over', async () => {
    const id = idOf('DCC-LAC-0103');
    await h.app.stores.directory.handOvers.flag({
      challengeId: id,
      caseReference: 'DCC-LAC-0103',
      procedureId: 'durham',
      personId: 'someone-who-left',
      personName: 'Lee Parting',
      roles: ['receiving.lineManager'],
      flaggedAt: '2026-11-30T09:00:00Z',
    });
    const overview = await get('/tab/api/partnerships/durham/overview', 'Rex Ford');
    assert.deepEqual(
      overview.json.handOvers.map((f: { caseReference: string; personName: string; roles: string[] }) => [
        f.caseReference,
        f.personName,
        f.roles,
      ]),
      [['DCC-LAC-0103', 'Lee Parting', ["the receiving agency's line manager"]]],
    );
    const leeds = await get('/tab/api/partnerships/leeds/overview', 'Maya Singh');
    assert.deepEqual(leeds.json.handOvers, [], "another partnership's flags are not shown");
    await h.app.stores.directory.handOvers.clear(id, 'someone-who-left');
  });

  it('DUR-11 the Durham view flags the repeated agency; DUR-10 a lead not on the challenge never sees the family name', async () => {
    const overview = await get('/tab/api/partnerships/durham/overview', 'Rex Ford');
    assert.equal(overview.status, 200);
    assert.equal(overview.json.repeats.agencies[0].flagged, true);
    assert.doesNotMatch(overview.text, /Quartermaine|Ashworth|Brennan-Holt/);
    const id = idOf('DCC-LAC-0103');
    const seen = await get(`/tab/api/challenges/${id}`, 'Rex Ford');
    assert.equal(seen.status, 200);
    assert.equal(seen.json.familyName, undefined);
    const form = await get(`/tab/api/challenges/${id}/forms/compliance-challenge-form`, 'Rex Ford');
    assert.equal(form.status, 200);
    assert.doesNotMatch(form.text, /Quartermaine/);
    assert.match(form.text, /Shown only to the people on this challenge/);
    assert.equal((await get(`/tab/api/challenges/${id}`, 'Dawn Pike')).json.familyName, 'Quartermaine');
    assert.match(
      (await get(`/tab/api/challenges/${id}/forms/compliance-challenge-form`, 'Jade Fox')).text,
      /Quartermaine/,
    );
  });

  it("the business unit alone exports a challenge's full record for a subject access request, readable and JSON", async () => {
    const id = idOf('LCC-2026-0101');
    const json = await get(`/tab/api/challenges/${id}/subject-access?format=json`, 'Maya Singh');
    assert.equal(json.status, 200);
    assert.match(json.headers.get('content-disposition') ?? '', /subject-access-LCC-2026-0101\.json/);
    assert.equal(json.json.events.length, json.json.challenge.version);
    assert.equal(json.json.caseReference, 'LCC-2026-0101');
    const html = await get(`/tab/api/challenges/${id}/subject-access?format=html`, 'Maya Singh');
    assert.equal(html.status, 200);
    assert.match(html.text, /Subject access record: challenge LCC-2026-0101/);
    assert.match(html.text, /Partnership form sent/);
    // The partnership executive and the people on it may not export it.
    assert.equal((await get(`/tab/api/challenges/${id}/subject-access`, 'Noah Evans')).status, 403);
    assert.equal((await get(`/tab/api/challenges/${id}/subject-access`, 'Grace Liu')).status, 403);
    assert.equal((await get(`/tab/api/challenges/${id}/subject-access?format=pdf`, 'Maya Singh')).status, 400);
  });

  it('LEE-11 the printable form is the partnership page, escaped; odd ids are 404, never 5xx', async () => {
    const form = await get(`/tab/api/challenges/${idOf('LCC-2026-0101')}/forms/stage-3-notification`, 'Amira Khan');
    assert.equal(form.status, 200);
    assert.match(form.headers.get('content-type') ?? '', /text\/html/);
    assert.match(form.text, /Summary of notification/);
    assert.match(form.text, /To be returned to lscp\.info@leeds\.gov\.uk/);
    for (const bad of ['..%2Fx', '%00', 'a'.repeat(300), '__proto__']) {
      const { status } = await get(`/tab/api/challenges/${bad}`, 'Amira Khan');
      assert.ok(status === 404 || status === 403, `${bad}: ${status}`);
    }
    assert.equal((await get(`/tab/api/challenges/${idOf('LCC-2026-0101')}/forms/nope`, 'Amira Khan')).status, 404);
  });

  it("opening a challenge from the tab sends the person's own card to their chat with the bot", async () => {
    await h.install('Amira Khan');
    h.channel.clear();
    const opened = await call(h, `/tab/api/challenges/${idOf('LCC-2026-0101')}/open`, as('Amira Khan'), 'POST');
    assert.equal(opened.status, 200);
    assert.equal(opened.json.delivered, true);
    assert.match(JSON.stringify(h.channel.received), /LCC-2026-0101/);
    const lead = await call(h, `/tab/api/challenges/${idOf('DCC-LAC-0103')}/open`, as('Rex Ford'), 'POST');
    assert.equal(lead.status, 403);
  });
});

describe('tab API, production mode: Teams SSO tokens checked against Entra ID keys', function () {
  const appId = '6a1c9e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
  const tenant = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
  const domain = 'challenge-tab.example.net';
  let h: Harness;
  let entra: LocalEntra;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const amira = () => h.user('Amira Khan').aadObjectId;

  before(async () => {
    entra = await startLocalEntra();
    h = await startHarness('tabprod', {
      now,
      env: {
        MicrosoftAppId: appId,
        MicrosoftAppPassword: 'not-used-offline',
        MicrosoftAppTenantId: tenant,
        TabOpenIdMetadata: entra.metadataUrl,
        BOT_DOMAIN: domain,
      },
    });
    await seedSampleChallenges(h.app.stores, h.directory, { only: ['LCC-2026-0101', 'DAR-GP-0101'] });
  });
  after(async () => {
    await h.stop();
    await entra.stop();
  });

  it('accepts a token for this app, by its id or its api:// resource, and names the person by oid', async () => {
    for (const audience of [appId, `api://${domain}/botid-${appId}`]) {
      const token = await entra.sign({ oid: amira(), tid: tenant, audience });
      const session = await call(h, '/tab/api/session', bearer(token));
      assert.equal(session.status, 200, audience);
      assert.equal(session.json.person.name, 'Amira Khan');
      assert.equal(session.json.chatUrl, `https://teams.microsoft.com/l/chat/0/0?users=28:${appId}`);
    }
  });

  it('refuses with 401: no token, another audience, another tenant, another issuer, an unknown key, an expired token', async () => {
    const cases: [string, Promise<string> | undefined][] = [
      ['no token', undefined],
      ['another audience', entra.sign({ oid: amira(), tid: tenant, audience: '11111111-2222-4333-8444-555555555555' })],
      ['another tenant', entra.sign({ oid: amira(), tid: '99999999-2222-4333-8444-555555555555', audience: appId })],
      [
        'a tid that does not match its issuer',
        entra.sign({
          oid: amira(),
          tid: '99999999-2222-4333-8444-555555555555',
          audience: appId,
          issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
        }),
      ],
      [
        'another issuer',
        entra.sign({ oid: amira(), tid: tenant, audience: appId, issuer: 'https://evil.example/v2.0' }),
      ],
      ['an unknown key', entra.sign({ oid: amira(), tid: tenant, audience: appId }, 'stranger')],
      ['an expired token', entra.sign({ oid: amira(), tid: tenant, audience: appId, expiresInSeconds: -3600 })],
    ];
    for (const [what, token] of cases) {
      const { status } = await call(h, '/tab/api/my-challenges', token ? bearer(await token) : {});
      assert.equal(status, 401, what);
    }
    assert.equal((await call(h, '/tab/api/session', { authorization: 'Bearer not.a.jwt' })).status, 401);
  });

  it('refuses local mode in production: a picked person without a token is 401, and there is no list to pick from', async () => {
    const { status } = await call(h, '/tab/api/my-challenges', { 'x-challenge-person': amira() });
    assert.equal(status, 401);
    assert.equal((await call(h, '/tab/api/local/people')).status, 404);
  });

  it('403 outside the role with a valid token', async () => {
    const token = await entra.sign({ oid: amira(), tid: tenant, audience: appId });
    assert.equal((await call(h, `/tab/api/challenges/${idOf('DAR-GP-0101')}`, bearer(token))).status, 403);
    assert.equal((await call(h, '/tab/api/partnerships/leeds/overview', bearer(token))).status, 403);
    assert.equal((await call(h, `/tab/api/challenges/${idOf('LCC-2026-0101')}`, bearer(token))).status, 200);
  });
});
