/**
 * A tour of every card a person gets, in the Microsoft 365 Agents Playground in headless
 * Chromium, one playground per person, over the real bot: the raise form with errors, the
 * raiser's card with its confirmation and timeline, the receiving side at step 1, the owners
 * of steps 2 and 3a (each told who escalated it and why), the partnership business unit with
 * its form, the reminder, the nag, the escalation offer to the next level, the digest, the
 * minimal card for someone not on the challenge, and the resolved card. Each card is
 * screenshotted: into docs/cards/ with UPDATE_SCREENSHOTS=1, else into test-results/cards/.
 *
 * It starts seven playgrounds, so it runs only when asked (UPDATE_SCREENSHOTS=1 or
 * CARD_TOUR=1); the stage cards' layout is held in every `npm test` by card-height.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { londonInstant } from '../../src/calendar';
import { createScheduler, type Scheduler } from '../../src/functions/scheduler';
import { createSchedulerDeps } from '../../src/functions/scheduler-deps';
import { silentLogger } from '../../src/logger';
import { findProcedure } from '../../src/procedures';
import { calendarOf } from '../../src/workflow';
import sample from '../../src/directory/sample-directory.json';
import { chromiumPath, launchChromium, type Browser } from './support/chromium';
import { startLocalBot, type LocalBot } from './support/local-bot';
import { freeRange } from './support/free-port';
import {
  connectPlaygrounds,
  loadPlaygroundConfig,
  startPlaygrounds,
  type RunningPlayground,
} from '../../src/cli/playgrounds';
import { button, cardWith, fillLeedsRaise, openPersonalChat, say, showTop } from './support/teams-page';

const wanted = process.env.UPDATE_SCREENSHOTS === '1' || process.env.CARD_TOUR === '1';
const shots =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, '..', '..', 'docs', 'cards')
    : join(__dirname, '..', '..', 'test-results', 'cards');
const ref = 'LCC-2026-0117';
/** Where the tour's playgrounds keep their folders (.data/playgrounds/ under it). */
const shotsRoot = join(__dirname, '..', '..', 'test-results', 'card-tour');
const visible = { state: 'visible', timeout: 20_000 } as const;
const PEOPLE = [
  'Amira Khan',
  'Grace Liu',
  'Ben Ortiz',
  'Eleanor Price',
  'Maya Singh',
  'Frank Osei',
  'Jon Bates',
] as const;
type Person = (typeof PEOPLE)[number];
const idOf = (name: string) => sample.people.find((p) => p.name === name)!.id;

/** Until the playground answers (it takes a few seconds to start). */
async function listening(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const up = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    if (Date.now() > until) throw new Error(`no playground at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the card tour in the Agents Playground (screenshots of every card type)', function () {
  this.timeout(180_000);
  let bot: LocalBot | undefined;
  let playgrounds: RunningPlayground[] = [];
  let browser: Browser | undefined;
  let scheduler: Scheduler;
  const pages = new Map<Person, Page>();
  const page = (who: Person) => pages.get(who)!;
  let challengeId = '';

  /** The card as the person sees it in their chat, from its top (a long form: as much as the window shows). */
  async function shot(card: Locator, name: string) {
    await showTop(card);
    const box = (await card.boundingBox())!;
    const { height } = card.page().viewportSize()!;
    const clip = { x: box.x, y: Math.max(0, box.y), width: box.width, height: Math.min(box.height, height - box.y) };
    await card.page().screenshot({ path: join(shots, name), clip });
  }

  async function tickAt(instant: Date) {
    bot!.clock.set(instant);
    return scheduler.tick(instant);
  }

  before(async function () {
    if (!wanted) this.skip();
    if (!existsSync(chromiumPath)) {
      console.log(`    (skipped: no Chromium at ${chromiumPath})`);
      this.skip();
    }
    mkdirSync(shots, { recursive: true });
    bot = await startLocalBot('tour');
    scheduler = createScheduler(
      createSchedulerDeps({
        stores: bot.app.stores,
        messenger: bot.app.messenger,
        clock: bot.clock,
        logger: silentLogger,
      }),
      bot.clock,
    );
    // npm start's playgrounds, one per person of the tour (those the repo's configuration lacks taken from the directory).
    const repo = loadPlaygroundConfig(join(__dirname, '..', '..'));
    const listed = [repo.currentUser, ...(repo.users ?? [])];
    const people = PEOPLE.map((name) => {
      const known = listed.find((p) => p.name === name);
      if (known) return known;
      const p = sample.people.find((q) => q.name === name)!;
      const [givenName, ...rest] = name.split(' ');
      return {
        id: `29:${p.id}`,
        name,
        userPrincipleName: p.email,
        aadObjectId: p.id,
        givenName,
        surname: rest.join(' '),
        email: p.email,
      };
    });
    const config = { ...repo, currentUser: people[0]!, users: people.slice(1) };
    playgrounds = startPlaygrounds({
      root: shotsRoot,
      endpoint: bot.endpoint,
      basePort: await freeRange(PEOPLE.length),
      config,
      onExit: (person, code) => console.log(`    (the playground of ${person.name} stopped: ${code})`),
    });
    await connectPlaygrounds(bot.app.stores, config, playgrounds);
    for (const p of playgrounds) await listening(p.url);
    browser = await launchChromium();
    for (const [i, who] of PEOPLE.entries()) {
      const p = await browser.newPage();
      await p.setViewportSize({ width: 1366, height: 900 });
      p.setDefaultTimeout(20_000);
      await openPersonalChat(p, playgrounds[i]!.url);
      await p.getByText('I take a professional disagreement').first().waitFor(visible);
      pages.set(who, p);
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    for (const p of playgrounds) p.process.kill();
    await bot?.stop();
  });

  it('the raise form answers a bad submission with each error beside its field', async () => {
    const amira = page('Amira Khan');
    await say(amira, 'raise challenge');
    const form = cardWith(amira, 'Raise a professional challenge');
    await form.waitFor(visible);
    await form.getByRole('textbox', { name: /Case reference/ }).fill('12/03/2019');
    await button(form, 'Raise').click();
    const again = cardWith(amira, 'Please check these and press Raise again');
    await again.waitFor(visible);
    await shot(again, 'raise-form-errors.png');
  });

  it("the raiser's card: a confirmation in words, why and when, the timeline", async () => {
    const amira = page('Amira Khan');
    const form = cardWith(amira, 'Please check these and press Raise again');
    await fillLeedsRaise(amira, form, ref);
    await button(form, 'Raise').click();
    const card = cardWith(amira, `You raised a challenge for case ${ref}`);
    await card.waitFor(visible);
    await shot(card, 'raiser.png');
    const listed = await bot!.app.stores.personIndex.forPerson(idOf('Amira Khan'));
    challengeId = listed.find((c) => c.caseReference === ref)!.challengeId;
  });

  it('the receiving side at step 1: who raised it with them and their concern', async () => {
    const card = cardWith(page('Grace Liu'), `${ref}: Step 1`);
    await card.waitFor(visible);
    await shot(card, 'receiving-step-1.png');
  });

  it('someone not on the challenge who presses a forwarded card gets the minimal card and why', async () => {
    const { services } = bot!.app;
    const loaded = (await services.stores.challenges.load(challengeId))!;
    const forwarded = await services.views.personCard(findProcedure('leeds')!, loaded.challenge, idOf('Amira Khan'));
    await services.messenger.sendToPerson(idOf('Jon Bates'), forwarded);
    const jon = page('Jon Bates');
    const card = cardWith(jon, `${ref}: Step 1`);
    await card.waitFor(visible);
    await button(card, 'Escalate').first().click();
    await card.getByRole('textbox', { name: /Why it needs to go further/ }).fill('Forwarded to me.');
    await button(card, 'Escalate').last().click();
    const minimal = cardWith(jon, 'Only the people on this challenge can act on it');
    await minimal.waitFor(visible);
    await shot(minimal, 'minimal-card.png');
  });

  it("step 2's owner: Amira's reason, in her words, and who she is", async () => {
    const amira = page('Amira Khan');
    const card = cardWith(amira, `${ref}: Step 1`);
    await button(card, 'Escalate').first().click();
    await card
      .getByRole('textbox', { name: /Why it needs to go further/ })
      .fill(
        'Grace and I could not agree: the school has logged three incidents and the referral was closed without an assessment.',
      );
    await card.getByRole('radio', { name: /Step 2: Line manager to line manager/ }).check();
    await button(card, 'Escalate').last().click();
    await cardWith(amira, 'You escalated to Step 2').waitFor(visible);
    const ben = cardWith(page('Ben Ortiz'), `${ref}: Step 2`);
    await ben.waitFor(visible);
    await shot(ben, 'owner-step-2.png');
    await page('Ben Ortiz').screenshot({ path: join(shots, 'playground-stage-card.png') });
  });

  it("step 3a's owner and the partnership business unit with its Appendix 3 form (LEE-3, LEE-11)", async () => {
    const ben = page('Ben Ortiz');
    const card = cardWith(ben, `${ref}: Step 2`);
    await button(card, 'Escalate').first().click();
    await card
      .getByRole('textbox', { name: /Why it needs to go further/ })
      .fill('Harry and I met on Thursday and could not agree on the threshold; the heads of service need to decide.');
    await button(card, 'Escalate').last().click();
    await cardWith(ben, 'You escalated to Step 3a').waitFor(visible);
    const eleanor = cardWith(page('Eleanor Price'), `${ref}: Step 3a`);
    await eleanor.waitFor(visible);
    await shot(eleanor, 'owner-step-3a.png');
    const maya = cardWith(page('Maya Singh'), `${ref}: Step 3a`);
    await maya.waitFor(visible);
    await shot(maya, 'business-unit.png');
  });

  it('the reminder before the deadline, the nag after it, the escalation offer to the next level, the digest', async () => {
    const loaded = (await bot!.app.stores.challenges.load(challengeId))!;
    const procedure = findProcedure('leeds')!;
    const calendar = calendarOf(procedure);
    const deadline = new Date(loaded.challenge.stages.at(-1)!.deadline!);
    const day = deadline.toISOString().slice(0, 10);
    const before = calendar.addWorkingDays(day, -1);
    await tickAt(londonInstant(before, '09:00'));
    const reminder = cardWith(page('Eleanor Price'), /Step 3a is due/);
    await reminder.waitFor(visible);
    await shot(reminder, 'reminder.png');

    await tickAt(londonInstant(day, '17:30'));
    const nag = cardWith(page('Eleanor Price'), /Step 3a is overdue/);
    await nag.waitFor(visible);
    await shot(nag, 'nag.png');

    await tickAt(londonInstant(calendar.addWorkingDays(day, 2), '09:00'));
    const offer = cardWith(page('Frank Osei'), /you are the next level/);
    await offer.waitFor(visible);
    await shot(offer, 'escalation-offer.png');
    // The same morning's digest: Eleanor's stage is overdue and waits for her.
    const digest = cardWith(page('Eleanor Price'), 'Professional challenges:');
    await digest.waitFor(visible);
    await shot(digest, 'digest.png');
  });

  it('the next level escalates from the offer in one press, then resolves: the card reads as resolved, outcome first', async () => {
    const frank = page('Frank Osei');
    const offer = cardWith(frank, /you are the next level/);
    await offer.locator('button[aria-label^="Escalate to Step 3b"]').click();
    const card = cardWith(frank, 'You escalated to Step 3b');
    await card.waitFor(visible);
    await button(card, 'More actions')
      .click()
      .catch(() => undefined);
    const resolveButton = button(card, 'Resolve').first();
    await resolveButton.click();
    await card
      .getByRole('textbox', { name: /agreed outcome/i })
      .fill('A child and family assessment starts this week, led by Grace Liu.');
    await card
      .getByRole('textbox', { name: /outstanding/i })
      .fill('Referral handling is reviewed at the next partnership audit in January.');
    await button(card, 'Resolve').last().click();
    const resolved = cardWith(frank, /resolved at Step 3b/);
    await resolved.waitFor(visible);
    await shot(resolved, 'resolved.png');
    assert.equal(await button(resolved, 'Escalate').count(), 0);
  });

  it('the raiser is told the outcome (COM-4, LEE-9)', async () => {
    const feedback = cardWith(page('Amira Khan'), /was resolved at Step 3b/);
    await feedback.waitFor(visible);
    await shot(feedback, 'raiser-feedback.png');
  });
});
