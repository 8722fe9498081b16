/**
 * The Teams tab in headless Chromium against the real bot (composition root, Azurite) holding
 * the sample challenges of all five procedures, seeded through the real workflow, its clock
 * at the plan's moment (Tue 1 Dec 2026). Local mode: the page looks as a picked person.
 * Screenshots of each view, light and dark, go to test-results/tab/; with UPDATE_SCREENSHOTS=1
 * they replace the ones kept in docs/tab/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { seedSampleChallenges } from '../../src/cli/seed-sample-challenges';
import { sampleChallenges } from '../../src/directory/sample-challenges';
import { chromiumPath, launchChromium, type Browser } from './support/chromium';
import { startLocalBot, type LocalBot } from './support/local-bot';

const shots =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, '..', '..', 'docs', 'tab')
    : join(__dirname, '..', '..', 'test-results', 'tab');
const idOf = (caseReference: string) => sampleChallenges.find((s) => s.caseReference === caseReference)!.id;

describe('the Teams tab in headless Chromium', function () {
  this.timeout(90_000);
  let bot: LocalBot | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let base = '';
  const person = (name: string) => bot!.directory.people.find((p) => p.name === name)!.id;

  /** Opens the tab as `name`, waits for it to finish loading. */
  async function open(name: string, query: Record<string, string> = {}): Promise<void> {
    const params = new URLSearchParams({ as: person(name), ...query });
    await page.goto(`${base}/tab/?${params}`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
  }
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(shots, name), fullPage });

  before(async function () {
    if (!existsSync(chromiumPath)) {
      console.log(`    (skipped: no Chromium at ${chromiumPath}; .ci/run installs it: apt-get install chromium)`);
      this.skip();
    }
    mkdirSync(shots, { recursive: true });
    bot = await startLocalBot('tab', { now: '2026-12-01T10:00:00Z' });
    await seedSampleChallenges(bot.app.stores, bot.directory);
    base = bot.endpoint.replace(/\/api\/messages$/, '');
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
    await bot?.stop();
  });

  it('LEE-6 the timeline shows the right stages and deadlines, working days left, a late stage and a pause', async () => {
    await open('Amira Khan', { view: 'mine' });
    const challenge = page.locator('article[data-challenge="LCC-2026-0101"]');
    const stages = await challenge
      .locator('li.stage')
      .evaluateAll((items) =>
        items.map((li) => [
          li.getAttribute('data-stage'),
          li.getAttribute('data-state'),
          li.getAttribute('data-deadline'),
        ]),
      );
    // Worked out by hand: 10 working days a step (LEE-2, LEE-3), all capped at one month from Mon 2 Nov (LEE-6).
    assert.deepEqual(stages, [
      ['Step 1', 'done', '2026-11-16T17:00:00.000Z'],
      ['Step 2', 'done', '2026-11-25T17:00:00.000Z'],
      ['Step 3a', 'now', '2026-12-02T17:00:00.000Z'],
      ['Step 3b', 'toCome', '2026-12-02T17:00:00.000Z'],
      ['Stage 4', 'toCome', '2026-12-02T17:00:00.000Z'],
    ]);
    const text = (await challenge.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Due Wed 2 Dec 2026, 5pm \(1 working day left\)/);
    assert.match(text, /Late: was due Wed 25 Nov 2026, 5pm/);
    assert.match(text, /Held by Eleanor Price \(Head Teacher, Parkside Primary School\); Kemi Adeyemi/);
    assert.match(text, /The whole process takes no more than one month: by Wed 2 Dec 2026, 5pm \(LEE-6\)/);
    const paused = (await page.locator('article[data-challenge="LCC-2026-0103"]').innerText()).replace(/\s+/g, ' ');
    assert.match(paused, /Paused Wed 18 Nov 2026 to Mon 23 Nov 2026/);
    await shot('my-challenges-light.png');
    await open('Amira Khan', { view: 'mine', theme: 'dark' });
    await shot('my-challenges-dark.png');
    await open('Amira Khan', { view: 'mine', theme: 'contrast' });
    await shot('my-challenges-high-contrast.png', false);
  });

  it("DAR-6 the scorecard's figures equal the figures worked out by hand, as tiles and as a table", async () => {
    await open('Tess Wynn', { view: 'partnership', quarter: '2026-Q3' });
    const tiles = await page
      .locator('[data-figure]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-figure'), e.querySelector('.tile-value')?.textContent]),
      );
    assert.deepEqual(tiles, [
      ['raised', '4'],
      ['resolved', '3'],
      ['median', '4'],
      ['early', '67%'],
      ['missed', '29%'],
    ]);
    const figures = await page
      .locator('table[data-table="figures"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.querySelector('th')?.textContent, r.querySelector('td')?.textContent]));
    assert.deepEqual(figures, [
      ['Raised', '4'],
      ['Resolved', '3'],
      ['Resolved at Stage 1', '1'],
      ['Resolved at Stage 2', '1'],
      ['Resolved at Stage 3', '1'],
      ['Resolved at Stage 4', '0'],
      ['Resolved at Stage 5', '0'],
      ['Median working days to resolve', '4'],
      ['Share resolved at Stage 1 or Stage 2', '67%'],
      ['Stage deadlines due', '7'],
      ['Stage deadlines missed', '2 (29%)'],
      ['Area: Response to a safeguarding concern', '2'],
      ['Area: Information sharing and communication', '1'],
      ['Area: Perceived levels of risk - threshold decisions', '1'],
      ['Raised by: Bondgate GP Practice', '3'],
      ['Raised by: Darlington Adult Social Care', '1'],
      ['Raised with: Darlington Adult Social Care', '3'],
      ['Raised with: Bondgate GP Practice', '1'],
    ]);
  });

  it('a chart is drawn: three canvases, each with bars painted in the theme', async () => {
    await page.locator('figure.chart canvas').first().waitFor();
    const painted = await page.locator('figure.chart canvas').evaluateAll((canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
        let coloured = 0;
        // Pixels of a saturated colour: the bars (text and grid lines are grey).
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
          if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
        }
        return coloured;
      }),
    );
    assert.equal(painted.length, 3);
    for (const count of painted) assert.ok(count > 200, `a chart has ${count} coloured pixels`);
    await shot('partnership-light.png');
  });

  it('DAR-6 the log CSV downloads and parses back to the same rows the page shows', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the log (CSV)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'challenge-log-darlington.csv');
    const rows: string[][] = parse(readFileSync((await download.path())!), { bom: true });
    const shown = await page
      .locator('table[data-table="log"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    assert.equal(
      rows[0]!.join('|'),
      'Log ID|Date recorded|Case reference|Date raised|Date resolved|Raised by (agency)|Raised with (agency)|Area of disagreement|Stage reached|Stage resolved at|Status|Outcome|Working days overdue',
    );
    // Same rows, same order: log ID, case reference, agencies, area, stages, outcome, overdue days.
    assert.deepEqual(
      rows.slice(1).map((r) => [r[0], r[2], r[5], r[6], r[7], r[8], r[9], r[11], r[12]]),
      shown.map((c) => [c[0], c[1], c[4], c[5], c[6], c[7], c[8], c[9], c[10]!.replace(/ \(overdue now\)$/, '')]),
    );
    assert.equal(rows.length, 1 + 5);
    assert.deepEqual(rows.find((r) => r[0] === 'DSP-2026-014')!.slice(1, 5), [
      '2026-10-20',
      'DAR-ASC-0201',
      '2026-10-12',
      '2026-10-29',
    ]);
  });

  it('DUR-11 the Durham view flags the repeated agency; the printable compliance form opens in the page', async () => {
    await open('Pia Ward', { view: 'partnership', theme: 'dark' });
    assert.match(await page.locator('tr.flagged').innerText(), /County Durham and Darlington NHS Foundation Trust\s+3/);
    assert.doesNotMatch(
      await page.locator('table[data-table="log"]').innerText(),
      /Quartermaine/,
      'DUR-10 not in the log',
    );
    // DUR-10: the IRO on the challenge sees the family name; its stage 2 is overdue, in red.
    await open('Dawn Pike', { view: 'mine' });
    const durham = page.locator('article[data-challenge="DCC-LAC-0103"]');
    assert.match(await durham.locator('.facts').innerText(), /Family name\s+Quartermaine/);
    assert.match(
      await durham.locator('li.stage.is-overdue').innerText(),
      /Overdue by 7 working days: was due Fri 20 Nov 2026, 5pm/,
    );
    await shot('my-challenges-overdue-light.png', false);
    await open('Tess Wynn', { view: 'partnership', quarter: '2026-Q3', theme: 'dark' });
    await page.locator('figure.chart canvas').first().waitFor();
    await shot('partnership-dark.png');
    await open('Amira Khan', { view: 'mine' });
    await page
      .locator('article[data-challenge="LCC-2026-0101"]')
      .getByRole('button', { name: /Print: Appendix 3/ })
      .click();
    const frame = page.frameLocator('iframe.print-frame');
    await frame.locator('h2', { hasText: 'Summary of notification' }).waitFor();
    assert.match(
      await frame.locator('body').innerText(),
      /To be returned to lscp\.info@leeds\.gov\.uk FAO LSCP Business Manager/,
    );
    await shot('printable-form-leeds-appendix-3.png', false);
  });

  it("a practitioner cannot see another's challenge through the page or the API (401 without a person, 403 outside the role)", async () => {
    await open('Chloe Brennan', { view: 'mine' });
    assert.equal(await page.locator('article.challenge').count(), 0);
    assert.match(await page.locator('.content').innerText(), /not on any challenge/);
    await open('Amira Khan', { view: 'partnership' });
    assert.equal(await page.locator('[data-refused="403"]').count(), 1);
    const leeds = idOf('LCC-2026-0101');
    const as = { 'x-challenge-person': person('Amira Khan') };
    const calls: [string, Record<string, string>][] = [
      [`/tab/api/challenges/${leeds}`, {}],
      [`/tab/api/challenges/${idOf('DAR-GP-0101')}`, as],
      ['/tab/api/partnerships/darlington/overview', as],
      [`/tab/api/challenges/${leeds}/subject-access`, as],
      [`/tab/api/challenges/${leeds}`, as],
    ];
    // From the page itself, as its own script would ask.
    const statuses = await page.evaluate(
      (list) => Promise.all(list.map(([path, headers]) => fetch(path, { headers }).then((r) => r.status))),
      calls,
    );
    assert.deepEqual(statuses, [401, 403, 403, 403, 200]);
  });
});
