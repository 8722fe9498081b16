/**
 * The Bot Framework adapter: authentication of incoming requests, the envelope check, the turn
 * and the channel client. `handle` is the one way in from HTTP: authenticate first, then check
 * the envelope, then run the turn; every failure is a status and a few words, never an exception.
 */
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
  type Activity,
} from 'botbuilder';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import { errorFields } from '../src/telemetry/redact';
import { ActivityEnvelope, envelopeProblems } from './activity-envelope';
import { connectorClientOptions } from './send-signal';

export interface HandledRequest {
  status: number;
  body?: unknown;
}

export class ChallengeAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    /** Production mode: every request needs a valid Bot Framework token. */
    readonly authRequired: boolean,
    private readonly logger: Logger,
  ) {
    super(auth);
  }

  /** One request to the messaging endpoint, its body already read (bot/server.ts). */
  async handle(
    body: unknown,
    authHeader: string,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<HandledRequest> {
    const activity = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Activity;
    let auth: AuthenticateRequestResult;
    try {
      auth = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch {
      return { status: 401 };
    }
    // A token is for one service URL: botbuilder checks it only against an activity that names one.
    const claimed = auth.claimsIdentity?.getClaimValue?.(AuthenticationConstants.ServiceUrlClaim);
    if (this.authRequired && claimed && claimed !== activity.serviceUrl) return { status: 401 };
    const envelope = ActivityEnvelope.safeParse(body);
    if (!envelope.success) {
      return {
        status: 400,
        body: { error: 'This is not an activity the Bot Framework sends.', problems: envelopeProblems(envelope.error) },
      };
    }
    try {
      const response = await this.processActivity(auth, withDates(activity), logic);
      return { status: response?.status ?? 200, body: response?.body };
    } catch (error) {
      // The turn's own failures are answered by onTurnError; this is the adapter failing around it.
      this.logger.error('request failed', { ...errorFields(error), activityType: activity.type });
      return { status: 500, body: { error: 'Something went wrong on our side.' } };
    }
  }
}

/** As botbuilder's own request path does: the envelope's times as Dates, the raw strings kept. */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof raw[field] === 'string') {
      raw[rawField] = raw[field];
      raw[field] = new Date(raw[field] as string);
    }
  }
  return activity;
}

export function createAdapter(config: Config, logger: Logger): ChallengeAdapter {
  // Local mode leaves MicrosoftAppId empty: auth is off, as the Emulator and Agents Playground expect.
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
    MicrosoftAppType: config.bot.appId ? config.bot.appType : '',
    ...(config.bot.openIdMetadata ? publicCloudWith(config.bot.openIdMetadata) : {}),
  } as ConfigurationBotFrameworkAuthenticationOptions;
  const adapter = new ChallengeAdapter(
    new StrictAuthentication(options, undefined, undefined, undefined, connectorClientOptions),
    Boolean(config.bot.appId),
    logger,
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Never echo the raw error, to the user or the log: it may carry case data or the caller's strings.
    logger.error('turn failed', { ...errorFields(error), activityType: context.activity.type });
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity('Sorry, something went wrong on our side. Please try again.');
    } catch (sendError) {
      logger.warn('could not tell the user a turn failed', errorFields(sendError));
    }
  };
  return adapter;
}

/**
 * Setting any one endpoint switches botbuilder to "all parameters given", so the other
 * public-cloud values are restated here; only where incoming tokens' keys come from changes.
 */
function publicCloudWith(openIdMetadataUrl: string): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * A token that fails to verify (bad signature, malformed) surfaces from botbuilder as a plain
 * JsonWebTokenError, which CloudAdapter answers with 500. Any failure to authenticate is a 401.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${(error as Error).name}`, 401);
    }
  }
}
