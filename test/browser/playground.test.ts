/**
 * The local Teams client, proved: the real bot (composition root, Azurite, the sample
 * directory) behind two Microsoft 365 Agents Playground instances, one per person, driven
 * in headless Chromium. Amira raises a Leeds challenge with Grace Liu and escalates step 1;
 * Ben, her line manager, gets the step 2 card in his own 1:1 chat and resolves it; Amira is
 * told the outcome. Screenshots of each step go to test-results/e2e/; with
 * UPDATE_SCREENSHOTS=1 they replace the ones kept in docs/e2e/ (so a test run never edits
 * committed files).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumPath, launchChromium, type Browser } from './support/chromium';
import { startLocalBot, type LocalBot } from './support/local-bot';
import { startPlayground, type Playground } from './support/playground';
import { button, cardWith, openPersonalChat, say, showTop, textOf } from './support/teams-page';

const shots =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, '..', '..', 'docs', 'e2e')
    : join(__dirname, '..', '..', 'test-results', 'e2e');
const failures = join(__dirname, '..', '..', 'test-results');
const ref = 'LCC-2026-0042';
const visible = { state: 'visible', timeout: 15_000 } as const;

describe('Agents Playground, end to end in headless Chromium', function () {
  this.timeout(90_000);
  let bot: LocalBot | undefined;
  let playgrounds: Playground[] = [];
  let browser: Browser | undefined;
  let amira: Page;
  let ben: Page;

  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, name) });

  before(async function () {
    if (!existsSync(chromiumPath)) {
      console.log(`    (skipped: no Chromium at ${chromiumPath}; .ci/run installs it: apt-get install chromium)`);
      this.skip();
    }
    mkdirSync(shots, { recursive: true });
    bot = await startLocalBot('e2e');
    // Each started one is kept for `after` to stop, even when the other fails to start.
    const started = await Promise.allSettled(
      ['Amira Khan', 'Ben Ortiz'].map((person) => startPlayground(bot!.endpoint, person)),
    );
    playgrounds = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    browser = await launchChromium();
    [amira, ben] = await Promise.all([browser.newPage(), browser.newPage()]);
    for (const page of [amira, ben]) page.setDefaultTimeout(15_000);
    // Opening each playground installs the bot for its person, so proactive cards can reach them.
    await openPersonalChat(amira, playgrounds[0]!.url);
    await openPersonalChat(ben, playgrounds[1]!.url);
    await greeted(amira);
    await greeted(ben);
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
    for (const p of playgrounds) console.log(`    playground log:\n${p.log().slice(-2000)}`);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await Promise.allSettled(playgrounds.map((p) => p.stop()));
    await bot?.stop();
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
    await form.getByRole('textbox', { name: /Case reference/ }).fill(ref);
    const raisedWith = form.getByRole('combobox', { name: /Raised with/ });
    await raisedWith.click();
    await raisedWith.fill('Grace');
    await amira.getByRole('option', { name: /Grace Liu/ }).click();
    await form.getByRole('radio', { name: /handling of referrals/ }).check();
    await form
      .getByRole('textbox', { name: /Your concern/ })
      .fill('The referral was closed with no assessment although the school logged three incidents.');
    await form
      .getByRole('textbox', { name: /What you want to happen/ })
      .fill('A strategy discussion and a child and family assessment.');
    await form
      .getByRole('textbox', { name: /Evidence-based reason/ })
      .fill('Three incidents in two weeks, logged by the school.');
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

  it("Ben, Amira's line manager, gets his step 2 card in his own chat and resolves it (LEE-2, COM-5)", async () => {
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
    const lines = bot!.logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const turns = lines.filter((l) => l.message === 'turn');
    assert.ok(turns.length >= 6, 'installs, the typed command and the card actions are turns');
    assert.equal(new Set(turns.map((l) => l.correlationId)).size, turns.length, 'each turn its own id');
    const turnIds = new Set(turns.map((l) => l.correlationId));
    for (const line of lines) assert.ok(turnIds.has(line.correlationId), `a turn's id on ${JSON.stringify(line)}`);
    const everything = bot!.logLines.join('\n');
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
