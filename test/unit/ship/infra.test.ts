import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MANIFEST_DIR, TEMPLATE_FILE } from '../../../manifest/build-package';
import { placeholdersIn } from '../../../manifest/fill-template';
import { LOCAL_DEFAULTS } from '../../../manifest/package-env';
import { bicepFilesUnder, objectAfter, readBicep } from './bicep-text';

const ROOT = resolve(__dirname, '../../..');
const INFRA = join(ROOT, 'infra');
const main = readBicep(join(INFRA, 'azure.bicep'));
const hosting = readBicep(join(INFRA, 'modules', 'hosting.bicep'));

/** The variables src/config.ts reads: the keys of its EnvSchema object. */
function configEnvNames(): string[] {
  const text = readFileSync(join(ROOT, 'src', 'config.ts'), 'utf8');
  const start = text.indexOf('const EnvSchema');
  const end = text.indexOf('.superRefine', start);
  assert.ok(start >= 0 && end > start, 'src/config.ts no longer has `const EnvSchema = z.object({...}).superRefine`');
  return [...text.slice(start, end).matchAll(/^ {4}([A-Za-z_]\w*):/gm)].map((m) => m[1] as string);
}

/** Read by the app but read by libraries, not config.ts. */
const READ_BY_LIBRARIES = ['AZURE_CLIENT_ID', 'TEAMS_APP_ID'];

/** Variables the app reads that production leaves unset on purpose. */
const NOT_SET_IN_AZURE: Record<string, string> = {
  PORT: 'App Service sets PORT for the Node container itself',
  HOST: 'defaults to 0.0.0.0 in production mode',
  MicrosoftAppPassword: 'only for a SingleTenant app: a Key Vault reference, in secretSettings',
  BotOpenIdMetadata: 'only to point at a sovereign cloud',
  TabOpenIdMetadata: "only to point at a sovereign cloud: by default Entra ID's own for the tenant",
  STORAGE_CONNECTION_STRING: 'local only: production uses STORAGE_TABLE_ENDPOINT and the managed identity',
  CHALLENGE_TEST_CLOCK: 'refused in production',
  SCHEDULER_INTERVAL_SECONDS: 'set per app: 0 on the web app, where the Function App runs the timers',
  SEND_TIMEOUT_SECONDS: 'the default (15 s) suits Teams; set only to tune it',
  SEND_LEASE_SECONDS: 'the default (5 minutes) outlasts a send with its retries',
  OUTBOX_GRACE_SECONDS: 'the default (60 s) outlasts any commit under way',
  MAIL_CONNECTION_STRING: 'local only: production uses MAIL_ENDPOINT and the managed identity',
};

/** What the manifest and the app need from a deployment, by output name. */
const NEEDED_OUTPUTS = [
  'BOT_ID',
  'TEAMS_APP_ID',
  'BOT_DOMAIN',
  'STORAGE_TABLE_ENDPOINT',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'MicrosoftAppTenantId',
  'AZURE_CLIENT_ID',
];

describe('ship: Bicep and app cannot drift apart', () => {
  it('declares every value the manifest and app need as an output of infra/azure.bicep', () => {
    const missing = NEEDED_OUTPUTS.filter((name) => !main.outputs.has(name));
    assert.deepEqual(missing, []);
  });

  it('has an output for every deployment placeholder of the manifest template, as `npm run package` reads it', () => {
    const template = readFileSync(join(MANIFEST_DIR, TEMPLATE_FILE), 'utf8');
    const deploymentPlaceholders = placeholdersIn(template).filter((p) => p !== 'APP_VERSION');
    assert.deepEqual(deploymentPlaceholders.sort(), Object.keys(LOCAL_DEFAULTS).sort());
    for (const name of deploymentPlaceholders) assert.ok(main.outputs.has(name), `no output ${name}`);
  });

  it('sets every variable the app reads in the shared app settings, or says why not', () => {
    const names = configEnvNames();
    assert.ok(names.includes('MicrosoftAppId') && names.length >= 8, `read ${names.join(', ')} from src/config.ts`);
    const shared = objectAfter(hosting.text, /var sharedSettings = /);
    const unaccounted = [...names, ...READ_BY_LIBRARIES].filter((n) => !shared.has(n) && !(n in NOT_SET_IN_AZURE));
    assert.deepEqual(unaccounted, [], 'set these in infra/modules/hosting.bicep sharedSettings, or list why not');
    for (const name of Object.keys(NOT_SET_IN_AZURE)) {
      assert.ok(names.includes(name), `${name} is excused but src/config.ts no longer reads it`);
    }
  });

  it('sets each shared app setting from a Bicep parameter that azure.bicep passes in, never a literal', () => {
    const shared = objectAfter(hosting.text, /var sharedSettings = /);
    const passed = objectAfter(main.text, /module hosting '[^']+' = \{[\s\S]*?params:\s*/);
    for (const [name, value] of shared) {
      assert.ok(hosting.params.has(value), `${name}: ${value} is not a param of hosting.bicep`);
      assert.ok(passed.has(value), `${name}: azure.bicep does not pass ${value} to the hosting module`);
      assert.doesNotMatch(passed.get(value) ?? '', /^'[^']*'$/, `${name} is a hard-coded literal in azure.bicep`);
    }
  });

  it('gives the bot Web App and the Function App the shared settings; the functions host reaches storage by identity', () => {
    assert.match(
      hosting.text,
      /resource webAppSettings [\s\S]*?parent: webApp\s+name: 'appsettings'\s+properties: union\(sharedSettings, secretSettings,/,
    );
    assert.match(
      hosting.text,
      /resource functionAppSettings [\s\S]*?parent: functionApp\s+name: 'appsettings'\s+properties: union\(sharedSettings, secretSettings,/,
    );
    const functions = objectAfter(
      hosting.text,
      /resource functionAppSettings [\s\S]*?union\(sharedSettings, secretSettings, /,
    );
    assert.equal(functions.get('AzureWebJobsStorage__accountName'), 'storageAccountName');
    assert.equal(functions.get('AzureWebJobsStorage__credential'), "'managedidentity'");
    assert.equal(functions.get('FUNCTIONS_EXTENSION_VERSION'), "'~4'");
    assert.doesNotMatch(hosting.text, /AzureWebJobsStorage'|AccountKey=/, 'no key-based storage connection');
  });

  it('runs both apps on the Node major that package.json engines names (22 LTS), as CI does', () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } })
      .engines.node;
    const major = /^\^(\d+)\./.exec(engines)?.[1];
    assert.equal(major, '22', `engines.node is ${engines}`);
    assert.match(hosting.text, new RegExp(`linuxFxVersion: 'NODE\\|${major}-lts'`), 'the web app');
    assert.match(hosting.text, new RegExp(`linuxFxVersion: 'Node\\|${major}'`), 'the Function App');
    const workflow = readFileSync(join(ROOT, '.github', 'workflows', 'infra.yml'), 'utf8');
    assert.match(workflow, new RegExp(`node-version: ${major}\\b`));
  });

  it('gives the directory admin group, when named, Storage Table Data Contributor on the storage account', () => {
    const storage = readBicep(join(INFRA, 'modules', 'storage.bicep')).text;
    const grant = /resource directoryAdmins [^=]+= if \(!empty\(directoryAdminGroupId\)\) \{([\s\S]*?)\n\}/.exec(
      storage,
    )?.[1];
    assert.ok(grant, 'a role assignment for directoryAdminGroupId');
    assert.match(grant, /roles\.tableDataContributor/);
    assert.match(grant, /principalId: directoryAdminGroupId/);
    assert.match(grant, /principalType: 'Group'/);
    assert.ok(main.params.has('directoryAdminGroupId'), 'a parameter of azure.bicep');
  });

  it('locks the storage account down: TLS 1.2, HTTPS only, no shared keys, Table Data Contributor for the identity', () => {
    const storage = readBicep(join(INFRA, 'modules', 'storage.bicep')).text;
    assert.match(storage, /minimumTlsVersion: 'TLS1_2'/);
    assert.match(storage, /supportsHttpsTrafficOnly: true/);
    assert.match(storage, /allowSharedKeyAccess: false/);
    assert.match(storage, /'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'/, 'Storage Table Data Contributor role id');
  });

  it('registers the bot on the managed identity, with the Teams channel and https://<BOT_DOMAIN>/api/messages', () => {
    const bot = readBicep(join(INFRA, 'botRegistration', 'azurebot.bicep'));
    assert.match(bot.text, /endpoint: 'https:\/\/\$\{botAppDomain\}\/api\/messages'/);
    assert.match(bot.text, /channelName: 'MsTeamsChannel'/);
    assert.match(main.text, /param botAppType string = 'UserAssignedMSI'/);
    const passed = objectAfter(main.text, /module azureBotRegistration '[^']+' = \{[\s\S]*?params:\s*/);
    assert.equal(passed.get('botAppDomain'), 'botDomain');
    assert.match(main.text, /output BOT_DOMAIN string = botDomain$/m);
  });

  it('passes every module exactly the params it declares, including all it requires', () => {
    for (const m of main.text.matchAll(/^module (\w+) '([^']+)' = \{/gm)) {
      const module = readBicep(join(dirname(main.path), m[2] as string));
      const passed = objectAfter(main.text, new RegExp(`module ${m[1]} '[^']+' = \\{[\\s\\S]*?params:\\s*`));
      const unknown = [...passed.keys()].filter((p) => !module.params.has(p));
      const missing = [...module.params.values()]
        .filter((p) => !p.hasDefault && !passed.has(p.name))
        .map((p) => p.name);
      assert.deepEqual({ module: m[1], unknown, missing }, { module: m[1], unknown: [], missing: [] });
    }
  });

  it('has a parameters file that sets every required param of azure.bicep and nothing it does not declare', () => {
    const file = JSON.parse(readFileSync(join(INFRA, 'azure.parameters.json'), 'utf8')) as {
      parameters: Record<string, unknown>;
    };
    const given = Object.keys(file.parameters);
    assert.deepEqual(
      given.filter((p) => !main.params.has(p)),
      [],
    );
    const required = [...main.params.values()].filter((p) => !p.hasDefault).map((p) => p.name);
    assert.deepEqual(
      required.filter((p) => !given.includes(p)),
      [],
    );
  });

  it('reads only outputs the modules declare (module.outputs.x), across all the Bicep under infra/', () => {
    const modules = new Map(
      [...main.text.matchAll(/^module (\w+) '([^']+)' = \{/gm)].map((m) => [m[1] as string, m[2] as string]),
    );
    const used = [...main.text.matchAll(/\b(\w+)\.outputs\.(\w+)/g)];
    assert.ok(used.length >= 5);
    for (const [, symbol, output] of used) {
      const path = modules.get(symbol as string);
      assert.ok(path, `${symbol} is not a module`);
      assert.ok(readBicep(join(INFRA, path)).outputs.has(output as string), `${path} has no output ${output}`);
    }
    // Every module file is used, and no file under infra/ is orphaned.
    const files = bicepFilesUnder(INFRA).map((f) => f.path);
    const referenced = [main.path, ...[...modules.values()].map((p) => join(INFRA, p))];
    assert.deepEqual([...files].sort(), [...referenced].sort());
  });
});
