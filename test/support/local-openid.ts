/**
 * A local stand-in for the Bot Framework's OpenID metadata and signing keys, so production
 * mode's token validation runs for real with no network: tokens are signed here with jose.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

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
  const trusted = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid: 'local-key', use: 'sig', alg: 'RS256' };
  let base = '';
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openidconfiguration') {
      res.end(
        JSON.stringify({
          issuer: 'https://api.botframework.com',
          jwks_uri: `${base}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else if (req.url === '/keys') {
      // Bot Framework keys carry endorsements: the channels a key may speak for.
      res.end(JSON.stringify({ keys: [{ ...jwk, endorsements: ['msteams'] }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/.well-known/openidconfiguration`,
    async sign(claims, key = 'trusted') {
      const privateKey: CryptoKey = key === 'trusted' ? trusted.privateKey : stranger.privateKey;
      return new SignJWT({ serviceurl: claims.serviceUrl })
        .setProtectedHeader({ alg: 'RS256', kid: 'local-key', typ: 'JWT' })
        .setIssuer(claims.issuer ?? 'https://api.botframework.com')
        .setAudience(claims.audience)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${claims.expiresInSeconds ?? 600}s`)
        .sign(privateKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
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
