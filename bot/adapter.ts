/** The Bot Framework adapter: authentication of incoming requests and the channel client. */
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
import { connectorClientOptions } from './send-signal';

export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  // Local mode leaves MicrosoftAppId empty: auth is off, as the Emulator and Agents Playground expect.
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
    MicrosoftAppType: config.bot.appId ? config.bot.appType : '',
    ...(config.bot.openIdMetadata ? publicCloudWith(config.bot.openIdMetadata) : {}),
  } as ConfigurationBotFrameworkAuthenticationOptions;
  const adapter = new CloudAdapter(
    new StrictAuthentication(options, undefined, undefined, undefined, connectorClientOptions),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Never echo the raw error to the user: it may carry case data.
    logger.error('turn failed', { error: error.message, activityType: context.activity.type });
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on our side. Nothing was changed; please try again.');
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
