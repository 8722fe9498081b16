/**
 * The values the Teams app package is filled with: from the environment (the Bicep
 * deployment's outputs of the same names), else fixed local defaults so that
 * `npm run package` works on a fresh clone.
 */
import { z } from 'zod';

/** Local stand-ins: fixed, so a locally built package is always the same app. */
export const LOCAL_DEFAULTS = {
  TEAMS_APP_ID: '4e2eedda-8571-45a6-a2bb-bae0336a168f',
  BOT_ID: '7b6a1a79-ad8f-43b0-afc0-9d756973da04',
  BOT_DOMAIN: 'localhost',
} as const;

export type DeploymentValueName = keyof typeof LOCAL_DEFAULTS;

const hostName = z
  .string()
  .regex(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i,
    'a host name such as challenge-bot.azurewebsites.net, without https:// or a path',
  );

const PackageValues = z.object({
  TEAMS_APP_ID: z.uuid('must be a GUID (the Teams app id)'),
  BOT_ID: z.uuid("must be a GUID (the bot's Microsoft App Id)"),
  BOT_DOMAIN: hostName,
  APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be major.minor.patch'),
});
export type PackageValues = z.infer<typeof PackageValues>;

export interface ResolvedValues {
  values: PackageValues;
  /** Names that fell back to LOCAL_DEFAULTS: the package is only fit for local use. */
  defaulted: DeploymentValueName[];
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/**
 * BOT_ID may also come as MicrosoftAppId, the name the bot itself reads.
 * Throws an Error naming each bad variable.
 */
export function resolvePackageValues(env: Record<string, string | undefined>, appVersion: string): ResolvedValues {
  const given: Record<DeploymentValueName, string | undefined> = {
    TEAMS_APP_ID: blank(env.TEAMS_APP_ID),
    BOT_ID: blank(env.BOT_ID) ?? blank(env.MicrosoftAppId),
    BOT_DOMAIN: blank(env.BOT_DOMAIN),
  };
  const defaulted = (Object.keys(given) as DeploymentValueName[]).filter((k) => given[k] === undefined);
  const parsed = PackageValues.safeParse({
    TEAMS_APP_ID: given.TEAMS_APP_ID ?? LOCAL_DEFAULTS.TEAMS_APP_ID,
    BOT_ID: given.BOT_ID ?? LOCAL_DEFAULTS.BOT_ID,
    BOT_DOMAIN: given.BOT_DOMAIN ?? LOCAL_DEFAULTS.BOT_DOMAIN,
    APP_VERSION: appVersion,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`The app package values are not valid:\n${problems.join('\n')}`);
  }
  return { values: parsed.data, defaulted };
}
