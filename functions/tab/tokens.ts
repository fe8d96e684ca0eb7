import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { TabCaller } from '../../core/insights';

/** The largest `Authorization` header read: Entra access tokens are a few KB. */
export const MAX_AUTHORIZATION_BYTES = 8 * 1024;

/** The scope the tab's Entra app exposes and every token must carry. */
export const TAB_SCOPE = 'access_as_user';

/** How far the clocks of Entra ID and this host may disagree when checking `exp` and `nbf`. */
export const CLOCK_TOLERANCE_SECONDS = 60;

/** How many tenants' key sets are kept; the oldest is dropped past it. */
export const MAX_TENANT_KEY_SETS = 500;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a token was refused. Each is a 401 but `token.keysUnavailable` (Entra ID did not answer: 503). */
export type TokenProblem =
  | 'token.missing'
  | 'token.tooLarge'
  | 'token.malformed'
  | 'token.tenant'
  | 'token.unknownKey'
  | 'token.signature'
  | 'token.algorithm'
  | 'token.expired'
  | 'token.notYetValid'
  | 'token.issuer'
  | 'token.audience'
  | 'token.scope'
  | 'token.subject'
  | 'token.version'
  | 'token.keysUnavailable';

/** The outcome of {@link TabTokens.check}: the caller, or why not. */
export type TokenCheck =
  | { ok: true; caller: TabCaller }
  /** `error`: what failed, when the keys could not be had (for the log, never the answer). */
  | { ok: false; problem: TokenProblem; error?: unknown };

/** Whose tokens to accept. */
export interface TokenSettings {
  /** The tab's Entra app: the tokens' `aud`. */
  clientId: string;
  /** `https://login.microsoftonline.com`, or a local stand-in in tests; without a trailing slash. */
  loginHost: string;
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/**
 * Checks the tab's bearer tokens, Entra ID v2 access tokens: signed (RS256) by a key of the
 * tenant the token names, issued by that tenant, for the tab's app, current, with the
 * `access_as_user` scope. The tenant and user come from the token alone (`tid`, `oid`).
 */
export class TabTokens {
  private readonly keySets = new Map<string, KeySet>();

  constructor(private readonly settings: TokenSettings) {}

  /** Checks an `Authorization` header's bearer token. */
  async check(authorization: string | null | undefined): Promise<TokenCheck> {
    if (!authorization) return refused('token.missing');
    // Cheap checks first: nothing is decoded, let alone fetched, for a header that cannot be a token.
    if (authorization.length > MAX_AUTHORIZATION_BYTES) return refused('token.tooLarge');
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization.trim());
    if (!match) return refused('token.malformed');
    const token = match[1]!;

    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      return refused('token.malformed');
    }
    // The unverified tenant only picks the key set; a GUID, so no other URL is ever fetched.
    const tid = unverified.tid;
    if (typeof tid !== 'string' || !GUID.test(tid)) return refused('token.tenant');

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keySetOf(tid), {
        algorithms: ['RS256'],
        issuer: `${this.settings.loginHost}/${tid}/v2.0`,
        audience: this.settings.clientId,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'tid', 'oid', 'scp', 'ver'],
      }));
    } catch (error) {
      const problem = problemOf(error);
      return problem === 'token.keysUnavailable' ? { ok: false, problem, error } : refused(problem);
    }
    if (payload.ver !== '2.0') return refused('token.version');
    if (payload.tid !== tid) return refused('token.tenant');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(TAB_SCOPE)) return refused('token.scope');
    const oid = payload.oid;
    if (typeof oid !== 'string' || !GUID.test(oid)) return refused('token.subject');
    return { ok: true, caller: { tenantId: tid, personId: oid } };
  }

  /** The tenant's published keys, fetched when first needed and kept (jose refreshes them). */
  private keySetOf(tid: string): KeySet {
    const key = tid.toLowerCase();
    const known = this.keySets.get(key);
    if (known) {
      // Most recently used last, so the oldest is the one dropped.
      this.keySets.delete(key);
      this.keySets.set(key, known);
      return known;
    }
    const keySet = createRemoteJWKSet(new URL(`${this.settings.loginHost}/${key}/discovery/v2.0/keys`));
    this.keySets.set(key, keySet);
    if (this.keySets.size > MAX_TENANT_KEY_SETS) {
      const oldest = this.keySets.keys().next().value;
      if (oldest !== undefined) this.keySets.delete(oldest);
    }
    return keySet;
  }
}

const refused = (problem: TokenProblem): TokenCheck => ({ ok: false, problem });

function problemOf(error: unknown): TokenProblem {
  if (error instanceof errors.JWTExpired) return 'token.expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'token.issuer';
    if (error.claim === 'aud') return 'token.audience';
    if (error.claim === 'nbf') return 'token.notYetValid';
    return 'token.malformed';
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return 'token.unknownKey';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token.signature';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return 'token.algorithm';
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'token.malformed';
  // The key set could not be fetched or read (timeout, network, a non-JSON answer).
  return 'token.keysUnavailable';
}
