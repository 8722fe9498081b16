/**
 * Checks a Teams app manifest against the official JSON schema bundled in
 * @microsoft/app-manifest, offline: the schema is read from the package, never fetched.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { readPngInfo } from './png';

const schemaRoot = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

/** Path of the bundled schema for a manifest version such as "1.30"; throws if not bundled. */
export function bundledSchemaPath(manifestVersion: string): string {
  const path = join(schemaRoot, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!/^\d+\.\d+$/.test(manifestVersion) || !existsSync(path)) {
    throw new Error(`@microsoft/app-manifest bundles no schema for manifestVersion "${manifestVersion}"`);
  }
  return path;
}

/** Schema errors as "<json path> <message>. Details: ..." lines; empty when valid. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return ['(root) must be an object'];
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string') return ["(root) must have required property 'manifestVersion'"];
  // The same clean-up AppManifestUtils.fetchSchema applies: the schema text uses \a and \v escapes.
  const text = readFileSync(bundledSchemaPath(version), 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(text) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema);
}

/** Teams' icon rules: colour 192x192, outline 32x32 with transparency (RGBA). */
export function checkIcons(icons: { color: Uint8Array; outline: Uint8Array }): string[] {
  const problems: string[] = [];
  const expect = { color: 192, outline: 32 } as const;
  for (const kind of ['color', 'outline'] as const) {
    try {
      const info = readPngInfo(icons[kind]);
      if (info.width !== expect[kind] || info.height !== expect[kind]) {
        problems.push(`${kind} icon is ${info.width}x${info.height}, must be ${expect[kind]}x${expect[kind]}`);
      }
      if (kind === 'outline' && info.colourType !== 6)
        problems.push('outline icon must be RGBA (white on transparent)');
    } catch (e) {
      problems.push(`${kind} icon: ${(e as Error).message}`);
    }
  }
  return problems;
}
