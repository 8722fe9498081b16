/**
 * A local stand-in for the Bot Framework's OpenID metadata and signing keys, so production
 * mode's token validation runs for real with no network: tokens are signed here with jose.
 * `startSigningServer` is the part every stand-in shares (local-entra.ts for the tab's tokens).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export interface SigningServer {
  base: string;
  /**
   * A JWT with `payload`, issued now and valid for `expiresInSeconds` (600 unless given), signed
   * by the key the published keys hold ('trusted') or by one they do not ('stranger').
   */
  sign(
    payload: Record<string, unknown>,
    claims: { issuer: string; audience: string; expiresInSeconds?: number },
    key?: 'trusted' | 'stranger',
  ): Promise<string>;
  stop(): Promise<void>;
}

/** An HTTP server answering each path of `documents(base, publicKey)` with its JSON, anything else 404. */
export async function startSigningServer(
  kid: string,
  documents: (base: string, publicKey: JWK) => Record<string, unknown>,
): Promise<SigningServer> {
  const trusted = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid, use: 'sig', alg: 'RS256' };
  let base = '';
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    const body = documents(base, jwk)[req.url ?? ''];
    if (body === undefined) res.statusCode = 404;
    res.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const privateKey = (key: 'trusted' | 'stranger') => (key === 'trusted' ? trusted.privateKey : stranger.privateKey);
  return {
    base,
    sign: (payload, claims, key = 'trusted') =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(claims.issuer)
        .setAudience(claims.audience)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${claims.expiresInSeconds ?? 600}s`)
        .sign(privateKey(key)),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface LocalOpenId {
  metadataUrl: string;
  /** A token as the Bot Connector would send it to the bot. */
  sign(
    claims: { audience: string; serviceUrl: string; issuer?: string; expiresInSeconds?: number },
    key?: 'trusted' | 'stranger',
  ): Promise<string>;
  stop(): Promise<void>;
}

export async function startLocalOpenId(): Promise<LocalOpenId> {
  const server = await startSigningServer('local-key', (base, jwk) => ({
    '/.well-known/openidconfiguration': {
      issuer: 'https://api.botframework.com',
      jwks_uri: `${base}/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
    },
    // Bot Framework keys carry endorsements: the channels a key may speak for.
    '/keys': { keys: [{ ...jwk, endorsements: ['msteams'] }] },
  }));
  return {
    metadataUrl: `${server.base}/.well-known/openidconfiguration`,
    sign: (claims, key = 'trusted') =>
      server.sign(
        { serviceurl: claims.serviceUrl },
        { ...claims, issuer: claims.issuer ?? 'https://api.botframework.com' },
        key,
      ),
    stop: () => server.stop(),
  };
}

/** The bot's app id in production-mode tests. */
export const testAppId = '3c9d6a1e-2b4f-4e8a-9c7d-1f2e3a4b5c6d';

/** Production mode (Bot Framework authentication on) with tokens from this stand-in. */
export function productionEnv(openId: LocalOpenId): Record<string, string> {
  return {
    MicrosoftAppId: testAppId,
    MicrosoftAppPassword: 'not-used-offline',
    MicrosoftAppTenantId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    BotOpenIdMetadata: openId.metadataUrl,
  };
}
