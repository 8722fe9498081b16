/**
 * Builds the tab's browser code with esbuild: one minified bundle of src/tab/browser (with
 * @microsoft/teams-js, chart.js and the Fluent tokens), the page and its stylesheet. Run by
 * `npm run build` into dist/tab, and in memory by the bot when it runs from source
 * (`npm start`, the tests), so a fresh clone needs no build step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TabAssets {
  'index.html': string;
  'app.js': string;
  'app.css': string;
}

export const TAB_SOURCE = join(__dirname, 'browser');

export async function buildTabAssets(): Promise<TabAssets> {
  // Only a build needs esbuild (a dev dependency): production serves what `npm run build` wrote.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(TAB_SOURCE, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles[0];
  if (!js) throw new Error('esbuild produced no bundle for the tab');
  return {
    'index.html': readFileSync(join(TAB_SOURCE, 'index.html'), 'utf8'),
    'app.js': js.text,
    'app.css': readFileSync(join(TAB_SOURCE, 'tab.css'), 'utf8'),
  };
}
