/** `npm run build` (after tsc): writes the tab's page, bundle and stylesheet to dist/tab for production. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTabAssets } from '../tab/build';

async function main(): Promise<void> {
  const out = join(__dirname, '..', '..', 'dist', 'tab');
  mkdirSync(out, { recursive: true });
  const assets = await buildTabAssets();
  for (const [name, text] of Object.entries(assets)) writeFileSync(join(out, name), text);
  console.log(`Wrote the tab to ${out} (app.js ${Math.round(assets['app.js'].length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
