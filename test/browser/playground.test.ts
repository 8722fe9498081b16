/**
 * The local Teams client, proved from a plain `npm start` as the README describes: the command
 * itself (composition root, the sample directory, one Microsoft 365 Agents Playground per
 * person), driven in headless Chromium. Amira raises a Leeds challenge with Grace Liu and
 * escalates step 1; Ben, her line manager, opens his own playground only then and finds the
 * step 2 card waiting, resolves it, and Amira is told the outcome. Screenshots of each step go
 * to test-results/e2e/; with UPDATE_SCREENSHOTS=1 they replace the ones kept in docs/e2e/ (so
 * a test run never edits committed files).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumPath, launchChromium, type Browser } from './support/chromium';
import { npmStart, type NpmStart } from './support/npm-start';
import { button, cardWith, fillLeedsRaise, openPersonalChat, say, showTop, textOf } from './support/teams-page';

const shots =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, '..', '..', 'docs', 'e2e')
    : join(__dirname, '..', '..', 'test-results', 'e2e');
const failures = join(__dirname, '..', '..', 'test-results');
const ref = 'LCC-2026-0042';
const visible = { state: 'visible', timeout: 15_000 } as const;

describe('Agents Playground, end to end in headless Chromium, from npm start', function () {
  this.timeout(120_000);
  let started: NpmStart | undefined;
  let browser: Browser | undefined;
  let amira: Page;
  let ben: Page;

  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, name) });
  const playgroundOf = (name: string) => {
    const url = started!.playgrounds.get(name);
    assert.ok(url, `npm start lists a playground for ${name}: ${started!.output()}`);
    return url;
  };

  before(async function () {
    if (!existsSync(chromiumPath)) {
      console.log(`    (skipped: no Chromium at ${chromiumPath}; .ci/run installs it: apt-get install chromium)`);
      this.skip();
    }
    mkdirSync(shots, { recursive: true });
    started = await npmStart('e2e');
    browser = await launchChromium();
    [amira, ben] = await Promise.all([browser.newPage(), browser.newPage()]);
    for (const page of [amira, ben]) page.setDefaultTimeout(15_000);
    // Opening her playground installs the bot for Amira; Ben's is opened only when his card is due.
    await openPersonalChat(amira, playgroundOf('Amira Khan'));
    await greeted(amira);
  });

  it('npm start names a playground for every person of the story, on consecutive ports', () => {
    const names = [...started!.playgrounds.keys()];
    for (const name of ['Amira Khan', 'Ben Ortiz', 'Chloe Brennan', 'Grace Liu', 'Harry Walsh', 'Maya Singh'])
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    const ports = [...started!.playgrounds.values()].map((u) => Number(new URL(u).port));
    assert.deepEqual(
      ports,
      ports.map((_, i) => ports[0]! + i),
    );
    assert.doesNotMatch(started!.output(), /DeprecationWarning/, 'no deprecation warnings on start');
  });

  // Each step needs the one before: after a failure the rest are skipped, not failed again.
  let failed = false;
  beforeEach(function () {
    if (failed) this.skip();
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    // What each person saw when it failed, for CI (test-results/ is not committed).
    mkdirSync(failures, { recursive: true });
    const pages = { amira, ben };
    await Promise.allSettled(
      Object.entries(pages).map(([who, page]) => page?.screenshot({ path: join(failures, `playground-${who}.png`) })),
    );
    console.log(`    npm start printed:\n${started?.output().slice(-3000)}`);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await started?.stop();
  });

  it('Amira types "raise challenge", fills the Leeds form and sees the confirmation (COM-2, COM-6)', async () => {
    await say(amira, 'raise challenge');
    const form = cardWith(amira, 'Raise a professional challenge');
    await form.waitFor(visible);
    assert.match(await textOf(form), /not a complaints process/, 'COM-6');
    assert.match(
      await form.getByRole('combobox', { name: /procedure/i }).inputValue(),
      /Leeds Safeguarding Children Partnership/,
      "her agency's partnership is chosen for her",
    );
    await fillLeedsRaise(amira, form, ref);
    await button(form, 'Raise').scrollIntoViewIfNeeded();
    await shot(amira, '01-amira-raise-form.png');

    await button(form, 'Raise').click();
    const raised = cardWith(amira, `You raised a challenge for case ${ref}`);
    await raised.waitFor(visible);
    assert.match(await textOf(raised), new RegExp(`${ref}: Step 1, Practitioner to practitioner`));
    await showTop(raised);
    await shot(amira, '02-amira-raised.png');
  });

  it('the partnership channel shows the challenge by its case reference (COM-2)', async () => {
    await amira.locator('button[aria-label="Leeds Safeguarding Partnership - Professional challenges"]').click();
    const root = cardWith(amira, ref);
    await root.waitFor(visible);
    await showTop(root);
    const text = await textOf(root);
    assert.match(text, /Step 1/);
    assert.doesNotMatch(text, /referral was closed/, 'the concern stays out of the channel');
    await shot(amira, '03-channel-thread.png');
    await amira.locator('button[aria-label="Personal Chat"]').click();
  });

  it('Amira escalates step 1 to step 2, the line managers (LEE-1, LEE-2)', async () => {
    const stage = cardWith(amira, `${ref}: Step 1`);
    await button(stage, 'Escalate').first().click();
    await stage.getByRole('textbox', { name: /Why it needs to go further/ }).fill('We could not agree at step 1.');
    await stage.getByRole('radio', { name: /Step 2: Line manager to line manager/ }).check();
    await shot(amira, '04-amira-escalate.png');
    await button(stage, 'Escalate').last().click();
    const moved = cardWith(amira, `${ref}: Step 2, Line manager to line manager`);
    await moved.waitFor(visible);
    await showTop(moved);
    await shot(amira, '05-amira-escalated.png');
  });

  it("Ben, Amira's line manager, opens his playground and finds his step 2 card there; he resolves it (LEE-2, COM-5)", async () => {
    await openPersonalChat(ben, playgroundOf('Ben Ortiz'));
    const card = cardWith(ben, `${ref}: Step 2, Line manager to line manager`);
    await card.waitFor(visible);
    // DUD-3, LEE-9: why it is with him, who sent it, in their own words.
    assert.match(await textOf(card), /Amira Khan \(Class Teacher, [^)]+\) escalated it to you from Step 1/);
    assert.match(await textOf(card), /“We could not agree at step 1\.”/);
    await showTop(card);
    await shot(ben, '06-ben-stage-card.png');

    // The next step the procedure expects of him is first; resolving is under "More actions".
    await button(card, 'More actions').click();
    await button(card, 'Resolve').first().click();
    await card
      .getByRole('textbox', { name: /agreed outcome/i })
      .fill('A child and family assessment starts this week.');
    await card
      .getByRole('textbox', { name: /outstanding/i })
      .fill('Referral handling is reviewed at the next partnership audit.');
    await button(card, 'Resolve').last().scrollIntoViewIfNeeded();
    await shot(ben, '07-ben-resolve.png');
    await button(card, 'Resolve').last().click();
    const resolved = cardWith(ben, /You resolved the challenge at Step 2/);
    await resolved.waitFor(visible);
    assert.equal(await button(resolved, 'Escalate').count(), 0, 'a resolved challenge offers no more steps');
    await showTop(resolved);
    await shot(ben, '08-ben-resolved.png');
  });

  it('Amira is told the agreed outcome in her chat (COM-4, LEE-9)', async () => {
    const feedback = cardWith(amira, /resolved at Step 2/);
    await feedback.waitFor(visible);
    assert.match(await textOf(feedback), /A child and family assessment starts this week\./);
    await showTop(feedback);
    await shot(amira, '09-amira-feedback.png');
  });

  it("COM-2 the bot's log of all this: one correlation id per turn, and no case text or names", () => {
    const lines = started!.logLines().map((l) => JSON.parse(l) as Record<string, unknown>);
    const turns = lines.filter((l) => l.message === 'turn');
    assert.ok(turns.length >= 6, 'installs, the typed command and the card actions are turns');
    assert.equal(new Set(turns.map((l) => l.correlationId)).size, turns.length, 'each turn its own id');
    const turnIds = new Set(turns.map((l) => l.correlationId));
    for (const line of lines) assert.ok(turnIds.has(line.correlationId), `a turn's id on ${JSON.stringify(line)}`);
    const everything = started!.logLines().join('\n');
    for (const secret of [
      'referral was closed',
      'Three incidents',
      'child and family assessment',
      'Amira',
      'Grace',
      'Ben',
    ])
      assert.ok(!everything.includes(secret), `"${secret}" is not logged`);
  });
});

/** Waits for the bot's greeting, which it sends once it has stored the person's 1:1 chat. */
async function greeted(page: Page): Promise<void> {
  await page.getByText('I take a professional disagreement').first().waitFor(visible);
}
