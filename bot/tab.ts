/** The Teams tab, served by the bot: its page and assets (tab-assets.ts) and its API (tab-api.ts, tab-auth.ts). */
import type restify from 'restify';
import type { Config } from '../src/config';
import type { Services } from './services';
import { registerTabApi } from './tab-api';
import { registerTabAssets } from './tab-assets';
import { createTabAuthenticator } from './tab-auth';

export function registerTab(server: restify.Server, services: Services, config: Config): void {
  registerTabAssets(server, services.logger);
  registerTabApi(server, { services, config, auth: createTabAuthenticator(config) });
}
