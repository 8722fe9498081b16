/**
 * Serves the tab's page and its assets under /tab/: prebuilt by `npm run build` when the bot
 * runs compiled (dist/tab beside dist/bot), else built from source on first request (npm
 * start, the tests). The page may be framed by Teams only; scripts come from this origin only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type restify from 'restify';
import { buildTabAssets, type TabAssets } from '../src/tab/build';

const TEAMS_FRAMERS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
];

export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Charts and the print preview set styles from script; no user text is ever styled.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  `frame-ancestors ${TEAMS_FRAMERS.join(' ')}`,
].join('; ');

const TYPES: Record<keyof TabAssets, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

function loadAssets(): Promise<TabAssets> {
  const prebuilt = join(__dirname, '..', 'tab');
  if (existsSync(join(prebuilt, 'app.js'))) {
    const read = (name: keyof TabAssets) => readFileSync(join(prebuilt, name), 'utf8');
    return Promise.resolve({ 'index.html': read('index.html'), 'app.js': read('app.js'), 'app.css': read('app.css') });
  }
  return buildTabAssets();
}

export function registerTabAssets(
  server: restify.Server,
  logger: { warn(message: string, fields?: object): void },
): void {
  // Built once per process, on the first request that needs it.
  let assets: Promise<TabAssets> | undefined;
  const serve = (name: keyof TabAssets) => async (_req: restify.Request, res: restify.Response) => {
    try {
      assets ??= loadAssets();
      const body = (await assets)[name];
      res.writeHead(200, {
        'content-type': TYPES[name],
        'content-security-policy': TAB_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': name === 'index.html' ? 'no-cache' : 'public, max-age=300',
      });
      res.end(body);
    } catch (error) {
      assets = undefined;
      logger.warn('tab assets failed to build', { error: (error as Error).name });
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The tab could not be loaded.');
    }
  };
  server.get('/tab', async (_req, res) => {
    res.writeHead(301, { location: '/tab/' });
    res.end();
  });
  server.get('/tab/', serve('index.html'));
  server.get('/tab/app.js', serve('app.js'));
  server.get('/tab/app.css', serve('app.css'));
}
