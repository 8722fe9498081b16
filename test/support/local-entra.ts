/**
 * A local stand-in for Entra ID's OpenID metadata and signing keys, for the tab's Teams SSO
 * tokens: production mode's validation runs for real with no network, on tokens signed here
 * with jose as `authentication.getAuthToken` would hand them to the tab.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

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
  const trusted = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid: 'entra-key', use: 'sig', alg: 'RS256' };
  let base = '';
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v2.0/.well-known/openid-configuration') {
      res.end(
        JSON.stringify({ issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', jwks_uri: `${base}/keys` }),
      );
    } else if (req.url === '/keys') {
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v2.0/.well-known/openid-configuration`,
    async sign(claims, key = 'trusted') {
      const privateKey: CryptoKey = key === 'trusted' ? trusted.privateKey : stranger.privateKey;
      return new SignJWT({ oid: claims.oid, tid: claims.tid, ver: '2.0' })
        .setProtectedHeader({ alg: 'RS256', kid: 'entra-key', typ: 'JWT' })
        .setIssuer(claims.issuer ?? `https://login.microsoftonline.com/${claims.tid}/v2.0`)
        .setAudience(claims.audience)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${claims.expiresInSeconds ?? 600}s`)
        .sign(privateKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
