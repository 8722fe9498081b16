/**
 * Configuration from the environment, checked once at start-up. A bad or missing
 * variable stops the process with a message that names it.
 */
import { z } from 'zod';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const optionalUrl = z.preprocess(blankToUndefined, z.url().optional());
const flag = z.preprocess(
  blankToUndefined,
  z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
);

const EnvSchema = z
  .object({
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    HOST: optionalString,
    MicrosoftAppId: z.preprocess(
      blankToUndefined,
      z.uuid("must be the bot's Entra app (client) id, a GUID").optional(),
    ),
    MicrosoftAppPassword: optionalString,
    MicrosoftAppTenantId: z.preprocess(blankToUndefined, z.uuid('must be your tenant id, a GUID').optional()),
    MicrosoftAppType: z.preprocess(blankToUndefined, z.enum(['SingleTenant', 'UserAssignedMSI']).optional()),
    /** OpenID metadata for incoming tokens; only to point at a sovereign cloud (or a local stand-in in tests). */
    BotOpenIdMetadata: optionalUrl,
    STORAGE_CONNECTION_STRING: optionalString,
    STORAGE_TABLE_ENDPOINT: optionalUrl,
    TABLE_PREFIX: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9]{0,29}$/, 'letters and digits, starting with a letter, at most 30')
        .default('challenge'),
    ),
    CHALLENGE_TEST_CLOCK: flag,
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalString,
    BOT_DOMAIN: optionalString,
    /** OpenID metadata for the tab's Teams SSO tokens; only to point at another cloud (or a test's stand-in). */
    TabOpenIdMetadata: optionalUrl,
    SCHEDULER_INTERVAL_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).default(60)),
    SEND_TIMEOUT_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().positive().max(120).default(15)),
    SEND_LEASE_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().positive().max(3600).default(300)),
    OUTBOX_GRACE_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().min(0).max(3600).default(60)),
    /** Email notices for people Teams cannot reach (docs/tenancy.md): off unless 1. */
    MAIL_NOTICES: flag,
    /** The From address: a MailFrom address of the Communication Services email domain. */
    MAIL_SENDER: z.preprocess(blankToUndefined, z.email('must be an email address').optional()),
    /** Azure Communication Services endpoint, reached by the managed identity. */
    MAIL_ENDPOINT: optionalUrl,
    /** Or a connection string (local runs and tests, against a stand-in). */
    MAIL_CONNECTION_STRING: optionalString,
  })
  .superRefine((env, ctx) => {
    if (!env.STORAGE_CONNECTION_STRING && !env.STORAGE_TABLE_ENDPOINT) {
      ctx.addIssue({
        code: 'custom',
        path: ['STORAGE_CONNECTION_STRING'],
        message: 'set STORAGE_CONNECTION_STRING, or STORAGE_TABLE_ENDPOINT to use a managed identity',
      });
    }
    if (env.MAIL_NOTICES && !env.MAIL_SENDER)
      ctx.addIssue({ code: 'custom', path: ['MAIL_SENDER'], message: 'required when MAIL_NOTICES=1' });
    if (env.MAIL_NOTICES && !env.MAIL_ENDPOINT && !env.MAIL_CONNECTION_STRING)
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_ENDPOINT'],
        message: 'required when MAIL_NOTICES=1 (or MAIL_CONNECTION_STRING locally)',
      });
    if (!env.MicrosoftAppId) {
      return; // local mode: Bot Framework auth off, as the Emulator and the Agents Playground expect
    }
    if (!env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: 'required when MicrosoftAppId is set (the bot is single-tenant)',
      });
    }
    const type = env.MicrosoftAppType ?? 'SingleTenant';
    if (type === 'SingleTenant' && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'required for a SingleTenant app; or set MicrosoftAppType=UserAssignedMSI',
      });
    }
    if (env.CHALLENGE_TEST_CLOCK) {
      ctx.addIssue({
        code: 'custom',
        path: ['CHALLENGE_TEST_CLOCK'],
        message: 'the test clock is refused in production mode (MicrosoftAppId is set)',
      });
    }
  });

export interface Config {
  mode: 'local' | 'production';
  port: number;
  host: string;
  bot: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: 'SingleTenant' | 'UserAssignedMSI';
    openIdMetadata?: string;
  };
  storage: { connectionString: string } | { tableEndpoint: string };
  tablePrefix: string;
  testClock: boolean;
  appInsightsConnectionString?: string;
  botDomain?: string;
  schedulerIntervalSeconds: number;
  /** How long one proactive send may take before it is retried. */
  sendTimeoutSeconds: number;
  /** How long the process that commits a transition holds its sends before anyone else may take them. */
  sendLeaseSeconds: number;
  /** How old an outbox entry is before the sweep looks at it (a commit under way is left alone). */
  outboxGraceSeconds: number;
  /** Where the tab's SSO tokens are checked (production mode): Entra ID's OpenID metadata for the tenant. */
  tab: { openIdMetadata?: string };
  /** Email notices: off by default; see src/mail. */
  mail: { enabled: false } | { enabled: true; sender: string; endpoint?: string; connectionString?: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  const e = parsed.data;
  const mode = e.MicrosoftAppId ? 'production' : 'local';
  return {
    mode,
    port: e.PORT,
    host: e.HOST ?? (mode === 'local' ? '127.0.0.1' : '0.0.0.0'),
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      tenantId: e.MicrosoftAppTenantId,
      appType: e.MicrosoftAppType ?? 'SingleTenant',
      openIdMetadata: e.BotOpenIdMetadata,
    },
    storage: e.STORAGE_CONNECTION_STRING
      ? { connectionString: e.STORAGE_CONNECTION_STRING }
      : { tableEndpoint: e.STORAGE_TABLE_ENDPOINT as string },
    tablePrefix: e.TABLE_PREFIX,
    testClock: e.CHALLENGE_TEST_CLOCK,
    appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    botDomain: e.BOT_DOMAIN,
    schedulerIntervalSeconds: e.SCHEDULER_INTERVAL_SECONDS,
    sendTimeoutSeconds: e.SEND_TIMEOUT_SECONDS,
    sendLeaseSeconds: e.SEND_LEASE_SECONDS,
    outboxGraceSeconds: e.OUTBOX_GRACE_SECONDS,
    tab: {
      openIdMetadata:
        e.TabOpenIdMetadata ??
        (e.MicrosoftAppTenantId
          ? `https://login.microsoftonline.com/${e.MicrosoftAppTenantId}/v2.0/.well-known/openid-configuration`
          : undefined),
    },
    mail: e.MAIL_NOTICES
      ? {
          enabled: true,
          sender: e.MAIL_SENDER!,
          ...(e.MAIL_CONNECTION_STRING
            ? { connectionString: e.MAIL_CONNECTION_STRING }
            : { endpoint: e.MAIL_ENDPOINT! }),
        }
      : { enabled: false },
  };
}
