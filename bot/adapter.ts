/** The Bot Framework adapter: authentication of incoming requests and the channel client. */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';

export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  // Local mode leaves MicrosoftAppId empty: auth is off, as the Emulator and Agents Playground expect.
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
    MicrosoftAppType: config.bot.appId ? config.bot.appType : '',
    ...(config.bot.openIdMetadata ? { BotOpenIdMetadata: config.bot.openIdMetadata } : {}),
  } as ConfigurationBotFrameworkAuthenticationOptions;
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Never echo the raw error to the user: it may carry case data.
    logger.error('turn failed', { error: error.message, activityType: context.activity.type });
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on our side. Nothing was changed; please try again.');
    }
  };
  return adapter;
}
