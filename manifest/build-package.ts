/**
 * Builds the Teams app package: fills the manifest template, checks it against the
 * official schema and the icon rules, and writes appPackage.zip (manifest.json + icons).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillTemplate } from './fill-template';
import { ICON_FILES } from './make-icons';
import { resolvePackageValues, type DeploymentValueName } from './package-env';
import { checkIcons, validateManifest } from './validate';
import { createZip } from './zip';

export const MANIFEST_DIR = __dirname;
export const TEMPLATE_FILE = 'manifest.template.json';

export class AppPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppPackageError';
  }
}

export interface BuildOptions {
  env: Record<string, string | undefined>;
  /** Where appPackage.zip goes, e.g. build/. */
  outDir: string;
  /** Folder with the template and icons; the manifest folder unless a test says otherwise. */
  manifestDir?: string;
}

export interface BuiltPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
  /** Values that fell back to local defaults (empty for a production package). */
  defaulted: DeploymentValueName[];
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Throws AppPackageError listing every schema or icon problem; writes nothing then. */
export async function buildAppPackage(options: BuildOptions): Promise<BuiltPackage> {
  const dir = options.manifestDir ?? MANIFEST_DIR;
  const { values, defaulted } = resolvePackageValues(options.env, appVersion());
  const manifestText = fillTemplate(readFileSync(join(dir, TEMPLATE_FILE), 'utf8'), values);
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const icons = {
    color: readFileSync(join(dir, ICON_FILES.color)),
    outline: readFileSync(join(dir, ICON_FILES.outline)),
  };
  const problems = [...(await validateManifest(manifest)), ...checkIcons(icons)];
  if (problems.length > 0) throw new AppPackageError(problems);

  const zip = createZip([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') },
    { name: ICON_FILES.color, data: icons.color },
    { name: ICON_FILES.outline, data: icons.outline },
  ]);
  mkdirSync(options.outDir, { recursive: true });
  const zipPath = join(options.outDir, 'appPackage.zip');
  writeFileSync(zipPath, zip);
  return { zipPath, manifest, defaulted };
}
