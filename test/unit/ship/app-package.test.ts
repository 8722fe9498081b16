import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPackageError, buildAppPackage, MANIFEST_DIR, TEMPLATE_FILE } from '../../../manifest/build-package';
import { drawColorIcon, drawOutlineIcon, ICON_FILES } from '../../../manifest/make-icons';
import { LOCAL_DEFAULTS } from '../../../manifest/package-env';
import { readPngInfo } from '../../../manifest/png';
import { validateManifest } from '../../../manifest/validate';
import { readZip } from './read-zip';

const ENV = {
  TEAMS_APP_ID: '0b7f3c52-5a8e-4a57-9d0e-3f1a2b4c5d6e',
  BOT_ID: 'a1b2c3d4-e5f6-4789-8abc-def012345678',
  BOT_DOMAIN: 'challenge-test-bot.azurewebsites.net',
};
const COMMANDS = ['raise challenge', 'my challenges', 'help'];
const BOT_SCOPES = ['personal', 'team', 'groupChat'];

interface Manifest {
  manifestVersion: string;
  id: string;
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

describe('ship: Teams app package', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function buildAndRead(env: Record<string, string | undefined> = ENV) {
    const built = await buildAppPackage({ env, outDir: dir });
    assert.equal(built.zipPath, join(dir, 'appPackage.zip'));
    const records = readZip(readFileSync(built.zipPath));
    const byName = new Map(records.map((r) => [r.name, r.data]));
    const manifest = JSON.parse(byName.get('manifest.json')?.toString('utf8') ?? 'null') as Manifest;
    return { built, records, byName, manifest };
  }

  it('writes a zip of manifest.json and both icons whose manifest passes the official schema offline', async () => {
    const { records, byName, manifest } = await buildAndRead();
    assert.deepEqual(records.map((r) => r.name).sort(), ['color.png', 'manifest.json', 'outline.png']);
    assert.deepEqual(await validateManifest(manifest), []);
    assert.equal(manifest.manifestVersion, '1.30');
    assert.deepEqual(readPngInfo(byName.get('color.png')!), { width: 192, height: 192, colourType: 6 });
    assert.deepEqual(readPngInfo(byName.get('outline.png')!), { width: 32, height: 32, colourType: 6 });
  });

  it('fills the app id, bot id and domain from the environment everywhere they belong', async () => {
    const { manifest, built } = await buildAndRead();
    assert.deepEqual(built.defaulted, []);
    assert.equal(manifest.id, ENV.TEAMS_APP_ID);
    assert.equal(manifest.bots[0]?.botId, ENV.BOT_ID);
    assert.deepEqual(manifest.validDomains, [ENV.BOT_DOMAIN]);
    assert.deepEqual(manifest.webApplicationInfo, {
      id: ENV.BOT_ID,
      resource: `api://${ENV.BOT_DOMAIN}/botid-${ENV.BOT_ID}`,
    });
    // The tab the bot serves under /tab: "My challenges" for everyone, the partnership view as a team tab.
    assert.deepEqual(
      manifest.staticTabs.map((t) => [t.entityId, t.contentUrl]),
      [
        ['my-challenges', `https://${ENV.BOT_DOMAIN}/tab/?view=mine`],
        ['conversations', undefined],
      ],
    );
    assert.deepEqual(
      manifest.configurableTabs.map((t) => [t.configurationUrl, t.scopes]),
      [[`https://${ENV.BOT_DOMAIN}/tab/?view=config`, ['team']]],
    );
    assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
  });

  it('accepts the bot id as MicrosoftAppId, the name the bot reads', async () => {
    const { manifest } = await buildAndRead({ ...ENV, BOT_ID: undefined, MicrosoftAppId: ENV.BOT_ID });
    assert.equal(manifest.bots[0]?.botId, ENV.BOT_ID);
  });

  it('declares the bot in personal, team and group chat, with the three commands in each scope', async () => {
    const { manifest } = await buildAndRead();
    const bot = manifest.bots[0]!;
    assert.deepEqual([...bot.scopes].sort(), [...BOT_SCOPES].sort());
    for (const scope of BOT_SCOPES) {
      const titles = bot.commandLists
        .filter((l) => l.scopes.includes(scope))
        .flatMap((l) => l.commands.map((c) => c.title));
      assert.deepEqual(titles.sort(), [...COMMANDS].sort(), scope);
    }
  });

  it('works with no environment at all, on the fixed local ids, and says so', async () => {
    const { manifest, built } = await buildAndRead({});
    assert.deepEqual(built.defaulted.sort(), ['BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
    assert.equal(manifest.id, LOCAL_DEFAULTS.TEAMS_APP_ID);
    assert.equal(manifest.bots[0]?.botId, LOCAL_DEFAULTS.BOT_ID);
    assert.deepEqual(await validateManifest(manifest), []);
  });

  it('refuses a bad id or a domain with a scheme, naming the variable, and writes nothing', async () => {
    await assert.rejects(buildAndRead({ ...ENV, BOT_ID: 'not-a-guid' }), /BOT_ID: must be a GUID/);
    await assert.rejects(buildAndRead({ ...ENV, BOT_DOMAIN: 'https://x.example' }), /BOT_DOMAIN/);
    assert.equal(existsSync(join(dir, 'appPackage.zip')), false);
  });

  it('rejects a manifest without a bot id with the schema error, and writes no zip', async () => {
    // A template that lost its bot id: the package step must fail on the schema, not zip it.
    const template = JSON.parse(readFileSync(join(MANIFEST_DIR, TEMPLATE_FILE), 'utf8')) as Manifest;
    delete (template.bots[0] as Partial<Manifest['bots'][number]>).botId;
    const manifestDir = join(dir, 'manifest');
    const out = join(dir, 'out');
    mkdirSync(manifestDir);
    writeFileSync(join(manifestDir, TEMPLATE_FILE), JSON.stringify(template));
    for (const icon of Object.values(ICON_FILES)) copyFileSync(join(MANIFEST_DIR, icon), join(manifestDir, icon));

    const error = await buildAppPackage({ env: ENV, outDir: out, manifestDir }).then(
      () => assert.fail('a manifest without botId was packaged'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof AppPackageError);
    assert.ok(
      error.problems.some((p) => p.startsWith("/bots/0 must have required property 'botId'")),
      error.message,
    );
    assert.equal(existsSync(join(out, 'appPackage.zip')), false);
  });

  it('rejects a bot id that is not a GUID with the schema pattern error', async () => {
    const { manifest } = await buildAndRead();
    manifest.bots[0]!.botId = 'bot';
    const errors = await validateManifest(manifest);
    assert.ok(
      errors.some((e) => e.startsWith('/bots/0/botId must match pattern')),
      errors.join('\n'),
    );
  });

  it('ships icons that are exactly what make-icons draws (regenerate with npx tsx manifest/make-icons.ts)', () => {
    assert.ok(readFileSync(join(MANIFEST_DIR, ICON_FILES.color)).equals(drawColorIcon()));
    assert.ok(readFileSync(join(MANIFEST_DIR, ICON_FILES.outline)).equals(drawOutlineIcon()));
  });
});
