/**
 * `npm run directory -- import` against Table Storage with Entra authentication, as in Azure:
 * STORAGE_TABLE_ENDPOINT over HTTPS and DefaultAzureCredential, no key. Played locally by
 * Azurite with OAuth on (it checks each bearer token's audience, issuer and lifetime) behind a
 * self-signed certificate the CLI is told to trust, and a stand-in of App Service's managed
 * identity endpoint (IDENTITY_ENDPOINT), from which the real credential gets its token.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import sample from '../../../src/directory/sample-directory.json';
import { freePort } from '../../browser/support/free-port';

const root = join(__dirname, '..', '..', '..');
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

async function tokenFor(audience: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ oid: '0b5c3d2e-1f4a-4b6c-8d7e-9f0a1b2c3d4e' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('https://sts.windows.net/6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f/')
    .setAudience(audience)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode('azurite checks claims, not signatures'));
}

(hasOpenssl ? describe : describe.skip)('directory import with Entra authentication (no key)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'entra-import-'));
  let azurite: ChildProcess;
  let identity: http.Server;
  let endpoint = '';
  let identityUrl = '';
  let audience = 'https://storage.azure.com';
  const tokenRequests: string[] = [];

  before(async () => {
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
        ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      ],
      { stdio: 'ignore' },
    );
    const port = await freePort();
    const main = createRequire(__filename).resolve('azurite/dist/src/table/main.js');
    azurite = spawn(
      process.execPath,
      [
        main,
        ...['--tableHost', '127.0.0.1', '--tablePort', String(port), '--inMemoryPersistence'],
        ...['--oauth', 'basic', '--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem')],
        ...['--skipApiVersionCheck', '--silent', '--disableTelemetry'],
      ],
      { stdio: 'ignore' },
    );
    endpoint = `https://127.0.0.1:${port}/devstoreaccount1`;
    // App Service's identity endpoint: GET ?resource=...&api-version=2019-08-01 with X-IDENTITY-HEADER.
    identity = http.createServer((req, res) => {
      void (async () => {
        tokenRequests.push(String(req.headers['x-identity-header']));
        const token = await tokenFor(audience);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            access_token: token,
            expires_on: String(Math.floor(Date.now() / 1000) + 3600),
            resource: 'https://storage.azure.com',
            token_type: 'Bearer',
          }),
        );
      })();
    });
    await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
    identityUrl = `http://127.0.0.1:${(identity.address() as AddressInfo).port}/msi/token`;
    await new Promise((r) => setTimeout(r, 1500)); // Azurite listens within a second
  });

  after(async () => {
    azurite?.kill('SIGTERM');
    await new Promise<void>((resolve) => identity.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** The CLI in its own process, as an admin runs it, with only what Azure would give it. */
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        STORAGE_TABLE_ENDPOINT: endpoint,
        TABLE_PREFIX: 'entra',
        NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
        IDENTITY_ENDPOINT: identityUrl,
        IDENTITY_HEADER: 'local-identity-header',
      };
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/cli/directory.ts', ...args], {
        cwd: root,
        env,
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.once('exit', (code) => resolve({ code, output }));
    });

  it('imports with a token from the managed identity, and a later CSV finds the stored agencies', async () => {
    const json = join(dir, 'directory.json');
    writeFileSync(json, JSON.stringify(sample));
    const first = await cli(['import', json]);
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, /Imported 5 partnerships, 15 agencies/);
    assert.ok(tokenRequests.includes('local-identity-header'), 'the credential asked the identity endpoint');

    const csv = join(dir, 'people.csv');
    writeFileSync(csv, 'id,name,email,role,agencyId\nnew-1,Ola Nowak,ola@x.example.org,Social Worker,leeds-csc\n');
    const second = await cli(['import', csv]);
    assert.equal(second.code, 0, second.output);
    assert.match(second.output, /Imported 0 partnerships, 0 agencies, 1 people/);
  });

  it('says which role is missing when storage refuses the token', async () => {
    audience = 'https://management.azure.com'; // a token for something else: Azurite refuses it
    const json = join(dir, 'directory.json');
    const refused = await cli(['import', json]);
    assert.equal(refused.code, 1, refused.output);
    assert.match(refused.output, /refused your account \(40[13][^)]*\)[\s\S]*Storage Table Data Contributor/);
  });
});
