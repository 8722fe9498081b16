/**
 * The stage card fits a screen: rendered as Teams draws it (test/browser/support/card-renderer.ts)
 * at a 1366 px wide window with its details folded, every stage of every procedure, for each
 * of its owners and the raiser, after a press (with its confirmation at the top), is no more
 * than 700 px tall. And the timeline it shows carries the workflow's own deadlines.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { formatInstant } from '../../src/calendar';
import { stageCardFor } from '../../cards/stage-card-for';
import { peopleIn, calendarOf, timelineOf } from '../../src/workflow';
import { directory, walks } from '../unit/cards/fixtures';
import { isTeamsExtensionWarning, textOf } from '../unit/cards/validate-card';
import { openRenderer, renderedHeight } from './support/card-renderer';
import { chromiumPath, launchChromium, type Browser } from './support/chromium';

const MAX_HEIGHT = 700;

describe('stage cards fit a screen (rendered in headless Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    if (!existsSync(chromiumPath)) {
      console.log(`    (skipped: no Chromium at ${chromiumPath})`);
      this.skip();
    }
    browser = await launchChromium();
    page = await browser.newPage();
    await openRenderer(page);
  });
  after(async () => browser?.close());

  for (const { procedure, atStage, resolved } of walks) {
    it(`${procedure.id}: every stage card, details folded, is at most ${MAX_HEIGHT} px tall at 1366 px, and its timeline has the workflow's dates`, async () => {
      const heights: string[] = [];
      for (const challenge of [...atStage, resolved]) {
        const record = challenge.stages.at(-1)!;
        // An hour after the stage started: the card as its owners first see it.
        const now = new Date(new Date(record.startedAt).getTime() + 3_600_000);
        const stage = procedure.stages.find((s) => s.id === challenge.stageId)!;
        const viewers = [...peopleIn(challenge.participants, stage.owners), challenge.raisedBy];
        const timeline = timelineOf({ procedure, challenge, now, calendar: calendarOf(procedure) });
        for (const viewer of new Map(viewers.map((p) => [p.id, p])).values()) {
          const card = stageCardFor({
            procedure,
            challenge,
            personId: viewer.id,
            now,
            people: directory(),
            notice: {
              tone: 'done',
              text: 'You escalated to Step 3a, due Wed 16 Dec 2026, 5pm. Eleanor Price and Kemi Adeyemi have their cards; Amira has been told.',
            },
          });
          const { height, warnings } = await renderedHeight(page, card);
          assert.deepEqual(
            warnings.filter((w) => !isTeamsExtensionWarning(w)),
            [],
            'the official renderer reads the card without complaint (but for Teams’ typeahead, choices.data)',
          );
          heights.push(`${challenge.stageId}/${viewer.role}: ${height}`);
          assert.ok(
            height <= MAX_HEIGHT,
            `${procedure.id} ${challenge.stageId} (${challenge.status}) for ${viewer.role}: ${height} px`,
          );
          for (const s of timeline.stages.filter((t) => t.deadline && t.state !== 'done')) {
            assert.ok(
              textOf(card).includes(formatInstant(s.deadline!)),
              `${s.label} due ${s.deadline} on the timeline`,
            );
          }
        }
      }
      if (process.env.CARD_HEIGHTS) console.log(`      ${heights.join('\n      ')}`);
    });
  }
});
