/**
 * What a person does in the Agents Playground's web client, in its own words: open the 1:1
 * chat with the bot, type a message, find a card by its text, press a card button. Selectors
 * from the field notes; everything waits for what it needs, nothing sleeps.
 */
import type { Locator, Page } from 'playwright-core';

/** Opens the playground (which installs the bot for its current user) at the 1:1 chat. */
export async function openPersonalChat(page: Page, url: string): Promise<void> {
  // The chat list is what we need, not every asset of the page. The first visit serves the
  // playground's whole web client (several MB) while `npm start` has six playgrounds starting
  // on a shared machine: the navigation alone gets a minute; everything after it the usual 15 s.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('button[aria-label="Personal Chat"]').click();
  const hideLog = page.locator('button[title="Hide log panel"]');
  if (await hideLog.isVisible()) await hideLog.click();
}

export async function say(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The newest top-level card in the chat whose text matches (a ShowCard's inner card is part of its card). */
export function cardWith(page: Page, text: string | RegExp): Locator {
  return page.locator('.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)').filter({ hasText: text }).last();
}

/** A card's buttons with this exact title (a ShowCard's submit may share its opener's title). */
export function button(card: Locator, title: string): Locator {
  return card.locator(`button[aria-label="${title}"]`);
}

/** The text of a card, whitespace folded, for assertions. */
export async function textOf(card: Locator): Promise<string> {
  return (await card.innerText()).replace(/\s+/g, ' ').trim();
}

/** Scrolls the chat so the card's top edge is at the top of the view (for a screenshot of its heading). */
export async function showTop(card: Locator): Promise<void> {
  await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/** Amira's Leeds raise, as the README's story fills it in: the case reference, Grace, the area, her three texts. */
export async function fillLeedsRaise(page: Page, form: Locator, ref: string): Promise<void> {
  await form.getByRole('textbox', { name: /Case reference/ }).fill(ref);
  const raisedWith = form.getByRole('combobox', { name: /Raised with/ });
  await raisedWith.click();
  await raisedWith.fill('Grace');
  await page.getByRole('option', { name: /Grace Liu/ }).click();
  await form.getByRole('radio', { name: /handling of referrals/ }).check();
  await form
    .getByRole('textbox', { name: /Your concern/ })
    .fill('The referral was closed with no assessment although the school logged three incidents in two weeks.');
  await form
    .getByRole('textbox', { name: /What you want to happen/ })
    .fill('A strategy discussion and a child and family assessment.');
  await form
    .getByRole('textbox', { name: /Evidence-based reason/ })
    .fill('Three incidents logged by the school, and the health visitor’s report.');
}
