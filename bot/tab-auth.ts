/**
 * Who is asking, for the tab's API.
 * - Production mode (MicrosoftAppId set): the Teams SSO token the tab got from
 *   `authentication.getAuthToken`, as `Authorization: Bearer`, validated with jose against
 *   Entra ID's signing keys (from the tenant's OpenID metadata): signature, expiry, audience
 *   (the app id or its `api://<domain>/botid-<app id>` resource), issuer and tenant (this
 *   tenant only). The person is the token's `oid`, the directory's id.
 * - Local mode only: a developer picks a directory person, sent as `X-Challenge-Person`.
 *   Production mode ignores that header entirely, so it can never stand in for a token.
 * Anything else is unauthenticated: the API answers 401.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Config } from '../src/config';

export const LOCAL_PERSON_HEADER = 'x-challenge-person';

export interface TabIdentity {
  personId: string;
  via: 'sso' | 'local';
}

export interface TabAuthenticator {
  mode: Config['mode'];
  /** The identity, or undefined: the caller answers 401. Never throws for a bad token. */
  identify(headers: Record<string, string | string[] | undefined>): Promise<TabIdentity | undefined>;
}

const MetadataSchema = z.object({ jwks_uri: z.url() });
const ClaimsSchema = z.object({ oid: z.string().min(1), tid: z.string().min(1) });
/** Directory ids are Entra object ids (GUIDs); the local header takes nothing else. */
const PersonIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function createTabAuthenticator(config: Config): TabAuthenticator {
  if (config.mode === 'local') {
    return {
      mode: 'local',
      async identify(headers) {
        const parsed = PersonIdSchema.safeParse(header(headers, LOCAL_PERSON_HEADER));
        return parsed.success ? { personId: parsed.data.toLowerCase(), via: 'local' } : undefined;
      },
    };
  }

  const { appId, tenantId } = config.bot;
  const metadataUrl = config.tab.openIdMetadata;
  if (!appId || !tenantId || !metadataUrl) throw new Error('The tab needs MicrosoftAppId and MicrosoftAppTenantId.');
  const audiences = [appId, `api://${config.botDomain ?? 'localhost'}/botid-${appId}`, `api://botid-${appId}`];
  const issuers = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
  // The keys are found once from the metadata; jose then caches them and refetches on an unknown key id.
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const keySet = (): Promise<JWTVerifyGetKey> =>
    (keys ??= fetch(metadataUrl)
      .then((r) => r.json())
      .then((body) => createRemoteJWKSet(new URL(MetadataSchema.parse(body).jwks_uri)))
      .catch((error: unknown) => {
        keys = undefined; // try again on the next request
        throw error;
      }));

  return {
    mode: 'production',
    async identify(headers) {
      const match = /^Bearer ([A-Za-z0-9_.-]{1,8192})$/.exec(header(headers, 'authorization') ?? '');
      if (!match) return undefined;
      try {
        const { payload } = await jwtVerify(match[1]!, await keySet(), {
          audience: audiences,
          issuer: issuers,
          algorithms: ['RS256'],
          clockTolerance: 60,
        });
        const claims = ClaimsSchema.safeParse(payload);
        if (!claims.success || claims.data.tid !== tenantId) return undefined;
        return { personId: claims.data.oid.toLowerCase(), via: 'sso' };
      } catch {
        return undefined;
      }
    },
  };
}
