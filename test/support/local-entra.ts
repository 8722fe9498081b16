/**
 * A local stand-in for Entra ID's OpenID metadata and signing keys, for the tab's Teams SSO
 * tokens: production mode's validation runs for real with no network, on tokens signed here
 * with jose as `authentication.getAuthToken` would hand them to the tab.
 */
import { startSigningServer } from './local-openid';

export interface SsoClaims {
  oid: string;
  tid: string;
  audience: string;
  issuer?: string;
  expiresInSeconds?: number;
}

export interface LocalEntra {
  metadataUrl: string;
  sign(claims: SsoClaims, key?: 'trusted' | 'stranger'): Promise<string>;
  stop(): Promise<void>;
}

export async function startLocalEntra(): Promise<LocalEntra> {
  const server = await startSigningServer('entra-key', (base, jwk) => ({
    '/v2.0/.well-known/openid-configuration': {
      issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
      jwks_uri: `${base}/keys`,
    },
    '/keys': { keys: [jwk] },
  }));
  return {
    metadataUrl: `${server.base}/v2.0/.well-known/openid-configuration`,
    sign: (claims, key = 'trusted') =>
      server.sign(
        { oid: claims.oid, tid: claims.tid, ver: '2.0' },
        { ...claims, issuer: claims.issuer ?? `https://login.microsoftonline.com/${claims.tid}/v2.0` },
        key,
      ),
    stop: () => server.stop(),
  };
}
