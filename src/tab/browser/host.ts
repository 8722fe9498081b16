/**
 * Where the tab runs. Inside Teams: @microsoft/teams-js gives the context, the theme (and its
 * changes) and the SSO token for the API. Opened in a browser on a local bot: the developer
 * picks a directory person (local mode; the API refuses that in production).
 */
import { app, authentication, pages } from '@microsoft/teams-js';
import type { Credentials } from './api';
import { themeName, type ThemeName } from './theme';

export const LOCAL_PERSON_HEADER = 'x-challenge-person';

export interface Host {
  kind: 'teams' | 'browser';
  theme: ThemeName;
  onThemeChange(listener: (theme: ThemeName) => void): void;
  credentials: Credentials;
  /** Opens a link the Teams way (deep links into chats), or in the page. */
  openLink(url: string): Promise<void>;
  /** Teams' tab configuration page: saving it adds the partnership view to a team. */
  configure?(contentUrl: string): void;
}

const TEAMS_INIT_TIMEOUT_MS = 5000;

async function inTeams(): Promise<Host | undefined> {
  if (window.self === window.top) return undefined;
  try {
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('not hosted by Teams')), TEAMS_INIT_TIMEOUT_MS)),
    ]);
  } catch {
    return undefined;
  }
  const context = await app.getContext();
  const listeners: ((theme: ThemeName) => void)[] = [];
  app.registerOnThemeChangeHandler((theme) => listeners.forEach((l) => l(themeName(theme))));
  app.notifySuccess();
  return {
    kind: 'teams',
    theme: themeName(context.app.theme),
    onThemeChange: (listener) => listeners.push(listener),
    credentials: async () => ({ authorization: `Bearer ${await authentication.getAuthToken()}` }),
    openLink: (url) => app.openLink(url),
    configure(contentUrl) {
      pages.config.registerOnSaveHandler((save) => {
        void pages.config
          .setConfig({
            entityId: 'partnership',
            contentUrl,
            websiteUrl: contentUrl,
            suggestedDisplayName: 'Partnership',
          })
          .then(() => save.notifySuccess());
      });
      pages.config.setValidityState(true);
    },
  };
}

function inBrowser(params: URLSearchParams): Host {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  const person = () => params.get('as') ?? sessionStorage.getItem('challenge.as') ?? '';
  return {
    kind: 'browser',
    theme: themeName(params.get('theme') ?? (dark ? 'dark' : 'default')),
    onThemeChange: () => undefined,
    credentials: async (): Promise<Record<string, string>> => (person() ? { [LOCAL_PERSON_HEADER]: person() } : {}),
    openLink: async (url) => {
      window.open(url, '_blank', 'noopener');
    },
  };
}

export async function detectHost(params: URLSearchParams): Promise<Host> {
  return (await inTeams()) ?? inBrowser(params);
}
