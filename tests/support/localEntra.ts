/**
 * A stand-in for Microsoft Entra ID on loopback, for the tab's API: each tenant's signing keys at
 * `/<tid>/discovery/v2.0/keys` (an RS256 key pair per tenant, made with jose when first asked
 * for), and a signer of v2 access tokens as Entra ID issues them for the tab's app. Point
 * `ENTRA_LOGIN_HOST` at `loginHost` and the API's real token checks run against it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** What a token says; everything but `tid` and `oid` defaults to a valid token for `clientId`. */
export interface TokenClaims {
  tid: string;
  oid: string;
  /** Default: the client id the stand-in was started with. */
  aud?: string;
  /** Default `access_as_user`. */
  scp?: string;
  /** Seconds since the epoch; default an hour from now. */
  exp?: number;
  /** Default `<loginHost>/<tid>/v2.0`. */
  iss?: string;
  /** Default `2.0`. */
  ver?: string;
  /** The key id in the header; default the tenant's key's. */
  kid?: string;
  /** Sign with this tenant's key (default `tid`'s). */
  keysOf?: string;
  /** Sign with a key nobody publishes, under the tenant's key id: a forged signature. */
  forged?: boolean;
}

/** A running stand-in. */
export interface LocalEntra {
  /** `http://127.0.0.1:<port>`: the value of ENTRA_LOGIN_HOST. */
  loginHost: string;
  /** How many key-set requests it answered, by tenant. */
  keyRequests: Map<string, number>;
  tokenFor(claims: TokenClaims): Promise<string>;
  close(): Promise<void>;
}

interface TenantKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

/** Starts the stand-in on a free loopback port; tokens are for `clientId`. */
export async function startLocalEntra(clientId: string): Promise<LocalEntra> {
  const keys = new Map<string, Promise<TenantKey>>();
  const keyRequests = new Map<string, number>();
  const keyOf = (tid: string): Promise<TenantKey> => {
    let key = keys.get(tid);
    if (!key) {
      key = (async () => {
        const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
        const kid = `key-${tid.slice(0, 8)}-${keys.size}`;
        return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
      })();
      keys.set(tid, key);
    }
    return key;
  };

  const server = createServer((req, res) => {
    const match = /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(req.url ?? '');
    if (req.method !== 'GET' || !match) {
      res.writeHead(404).end();
      return;
    }
    const tid = match[1]!;
    keyRequests.set(tid, (keyRequests.get(tid) ?? 0) + 1);
    void keyOf(tid).then(({ jwk }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const loginHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    loginHost,
    keyRequests,
    async tokenFor(claims) {
      const tenantKey = await keyOf(claims.tid);
      const signer = claims.keysOf ? await keyOf(claims.keysOf) : tenantKey;
      const privateKey = claims.forged ? (await generateKeyPair('RS256')).privateKey : signer.privateKey;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        tid: claims.tid,
        oid: claims.oid,
        scp: claims.scp ?? 'access_as_user',
        ver: claims.ver ?? '2.0',
        name: 'Signed-in person',
      })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: claims.kid ?? signer.kid })
        .setIssuer(claims.iss ?? `${loginHost}/${claims.tid}/v2.0`)
        .setAudience(claims.aud ?? clientId)
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(claims.exp ?? now + 3600)
        .sign(privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
