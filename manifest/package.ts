/**
 * `npm run package [-- --env-file <file>] [--out <dir>]`: writes build/appPackage.zip.
 * Values come from the environment (TEAMS_APP_ID, BOT_ID or MicrosoftAppId, BOT_DOMAIN:
 * the Bicep deployment's outputs), then the env file, then local defaults.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { AppPackageError, buildAppPackage } from './build-package';

function argValue(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const arg = args[i] as string;
  return arg.includes('=') ? arg.slice(name.length + 1) : args[i + 1];
}

async function main(args: string[]): Promise<number> {
  const envFile = argValue(args, '--env-file');
  const fromFile = envFile ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  const outDir = resolve(argValue(args, '--out') ?? join(__dirname, '..', 'build'));
  try {
    // The process environment wins over the file, as with `node --env-file`.
    const built = await buildAppPackage({ env: { ...fromFile, ...process.env }, outDir });
    console.log(
      `Wrote ${built.zipPath} (manifest ${String(built.manifest.manifestVersion)}, app id ${String(built.manifest.id)})`,
    );
    if (built.defaulted.length > 0) {
      console.warn(`Used local defaults for ${built.defaulted.join(', ')}: this package is for local use only.`);
    }
    return 0;
  } catch (e) {
    console.error(
      e instanceof AppPackageError ? e.message : `Could not build the app package: ${(e as Error).message}`,
    );
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
