/**
 * Azure's DefaultAzureCredential (managed identity in Azure, the developer's sign-in on a
 * workstation), loaded on first use: a run on connection strings (npm start, the tests) never
 * loads @azure/identity, which is a sixth of the bot's memory. I/O shell.
 */
import type { TokenCredential } from '@azure/identity';

export function defaultAzureCredential(): TokenCredential {
  let credential: Promise<TokenCredential> | undefined;
  const real = () =>
    (credential ??= import('@azure/identity').then(({ DefaultAzureCredential }) => new DefaultAzureCredential()));
  return { getToken: async (scopes, options) => (await real()).getToken(scopes, options) };
}
