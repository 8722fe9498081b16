/**
 * Adaptive Cards rendered as Teams would draw them, without Teams: the official renderer
 * (the `adaptivecards` package) in a local page of headless Chromium, with a host config close
 * to Teams' (Segoe UI-like font, its text sizes and spacing, buttons as Teams draws them) and
 * markdown by markdown-it. Much faster than a client, so every stage of every procedure can be
 * measured in `npm test`.
 */
import type { Page } from 'playwright-core';

/** The width Teams gives a card in a 1:1 chat at a 1366 px wide window (measured in the Agents Playground). */
export const CARD_WIDTH = 446;

/** Teams' look, as far as a host config can give it (its light theme). */
export const teamsHostConfig = {
  fontFamily: '"Segoe UI", "Helvetica Neue", Arial, sans-serif',
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E1DFDD' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: colours() },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: colours() },
    good: { backgroundColor: '#E7F2DA', foregroundColors: colours() },
    attention: { backgroundColor: '#FCF4F6', foregroundColors: colours() },
    warning: { backgroundColor: '#FBF6D9', foregroundColors: colours() },
    accent: { backgroundColor: '#E8EBFA', foregroundColors: colours() },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 8 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 8,
  },
  inputs: { label: { inputSpacing: 'small', requiredInputs: { weight: 'bolder' }, optionalInputs: {} } },
};

function colours() {
  const c = (d: string, s: string) => ({ default: d, subtle: s });
  return {
    default: c('#242424', '#616161'),
    dark: c('#242424', '#616161'),
    light: c('#FFFFFF', '#FFFFFF'),
    accent: c('#5B5FC7', '#5B5FC7'),
    good: c('#237B4B', '#237B4B'),
    warning: c('#835B00', '#835B00'),
    attention: c('#C4314B', '#C4314B'),
  };
}

const css = `
  body { margin: 0; background: #F5F5F5; font-family: ${teamsHostConfig.fontFamily}; }
  .slot { width: ${CARD_WIDTH}px; margin: 16px; background: #fff; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.14); }
  .ac-pushButton { font: 600 14px ${teamsHostConfig.fontFamily}; height: 32px; padding: 0 12px; border: 1px solid #D1D1D1;
    border-radius: 4px; background: #fff; color: #242424; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .ac-pushButton.style-positive { background: #5B5FC7; border-color: #5B5FC7; color: #fff; }
  .ac-input { font: 14px ${teamsHostConfig.fontFamily}; }
  .ac-textInput, .ac-dateInput { height: 32px; box-sizing: border-box; }
`;

/** Opens a page that can render cards. */
export async function openRenderer(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body></body></html>`);
  await page.addScriptTag({ path: require.resolve('markdown-it/dist/markdown-it.min.js') });
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
  // Measure only once the page's fonts and styles are in force.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Renders a card in a fresh slot and answers its height in px and any parse warnings. */
export async function renderedHeight(page: Page, card: object): Promise<{ height: number; warnings: string[] }> {
  return page.evaluate(
    ({ card, hostConfig }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const w = window as any;
      const AC = w.AdaptiveCards;
      const md = w.markdownit();
      AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml: string; didProcess: boolean }) => {
        result.outputHtml = md.render(text);
        result.didProcess = true;
      };
      document.body.innerHTML = '<div class="slot"></div>';
      const adaptive = new AC.AdaptiveCard();
      adaptive.hostConfig = new AC.HostConfig(hostConfig);
      const context = new AC.SerializationContext(new AC.Version(1, 5));
      adaptive.parse(card, context);
      const element = adaptive.render();
      document.querySelector('.slot')!.appendChild(element);
      const warnings: string[] = [];
      for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
      return { height: Math.round(element.getBoundingClientRect().height), warnings };
    },
    { card, hostConfig: teamsHostConfig },
  );
}
