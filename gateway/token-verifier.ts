import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { Identity } from './identity';

/** How the gateway checks the bearer tokens of its clients. */
export interface TokenVerifierOptions {
  /** Shared secret of HS256 tokens (at least 32 bytes). */
  jwtSecret?: string;
  /** Where the identity provider publishes its keys (RS256/ES256 tokens): cached and re-fetched on rotation. */
  jwksUrl?: string;
  /** The `iss` every token must carry, when set. */
  issuer?: string;
  /** The `aud` every token must carry, when set. */
  audience?: string;
  /** Seconds of clock difference tolerated on `exp`/`nbf`/`iat`. */
  clockToleranceSeconds?: number;
  /**
   * How soon after a JWKS fetch a token naming an unknown key may trigger another (jose's 30 s by
   * default): a rotated key is picked up then, and unknown key ids cannot hammer the provider.
   */
  jwksCooldownMs?: number;
}

/** Tokens are refused unless signed with one of these: never `none`, never an algorithm the key was not meant for. */
const SECRET_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'ES256'];
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
const MIN_SECRET_BYTES = 32;

/** A token that is not a valid token of this deployment; the message says why, for the client. */
export class InvalidTokenError extends Error {}

/**
 * Tokens already verified, kept until they expire (at most a few minutes): a client sends the same
 * token with every request, and checking its signature again (a WebCrypto job each time) was a
 * profiled share of the gateway's CPU per request. Bounded in count; only valid tokens are kept,
 * and one signed by a JWKS key counts only while the JWKS last fetched still publishes its key.
 */
const VERIFIED_TOKENS_MAX = 10_000;
const VERIFIED_TOKEN_TTL_MS = 5 * 60 * 1000;

/**
 * Checks a bearer token and tells whose it is. Claims: `sub` (required), `scope` (space-separated),
 * optional `uscc` (the enterprise a user acts for), `exp` (required: no token is valid forever),
 * and `kind: "service"` for an agency's service token.
 */
export class TokenVerifier {
  private readonly key: JWTVerifyGetKey | undefined;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  private readonly algorithms: string[];
  private readonly verified = new LRUCache<string, { identity: Identity; kid?: string }>({
    max: VERIFIED_TOKENS_MAX,
  });

  constructor(private readonly options: TokenVerifierOptions) {
    const secret = options.jwtSecret ? new TextEncoder().encode(options.jwtSecret) : undefined;
    if (secret && secret.length < MIN_SECRET_BYTES) {
      throw new Error(
        `JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long (HS256 with a short secret can be guessed)`,
      );
    }
    const jwks = options.jwksUrl
      ? createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: options.jwksCooldownMs })
      : undefined;
    this.jwks = jwks;
    this.algorithms = [...(secret ? SECRET_ALGORITHMS : []), ...(jwks ? JWKS_ALGORITHMS : [])];
    if (secret || jwks) {
      // Each algorithm family has its own key: an HS256 token is never checked against a public
      // key (the classic confusion attack), nor an RS256 one against the secret.
      this.key = async (header, token) => {
        if (SECRET_ALGORITHMS.includes(header.alg) && secret) return secret;
        if (jwks) return jwks(header, token);
        throw new InvalidTokenError(`tokens signed with ${header.alg} are not accepted here`);
      };
    }
  }

  /** Whether tokens can be checked at all (a JWT secret or a JWKS URL is configured). */
  get configured(): boolean {
    return this.key !== undefined;
  }

  async verify(token: string): Promise<Identity> {
    if (!this.key) {
      throw new InvalidTokenError(
        'this gateway accepts no tokens (no JWT_SECRET or JWKS_URL is configured); send the request without an Authorization header',
      );
    }
    const known = this.verified.get(token);
    if (known && this.stillPublished(known.kid)) return known.identity;
    let payload: JWTPayload;
    let kid: string | undefined;
    try {
      let protectedHeader: { alg: string; kid?: string };
      ({ payload, protectedHeader } = await jwtVerify(token, this.key, {
        algorithms: this.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
      }));
      if (!SECRET_ALGORITHMS.includes(protectedHeader.alg)) {
        // A JWKS key without a kid cannot be looked for again: such tokens are checked each time.
        if (!protectedHeader.kid) return identityOf(payload);
        kid = protectedHeader.kid;
      }
    } catch (err) {
      throw new InvalidTokenError(reasonOf(err));
    }
    const identity = identityOf(payload);
    const untilExpiry = payload.exp! * 1000 - Date.now();
    if (untilExpiry > 0) {
      const ttl = Math.min(untilExpiry, VERIFIED_TOKEN_TTL_MS);
      this.verified.set(token, { identity, kid }, { ttl });
    }
    return identity;
  }

  /** A remembered token's JWKS key is still among the keys the JWKS last fetched holds. */
  private stillPublished(kid: string | undefined): boolean {
    if (kid === undefined) return true;
    return this.jwks?.jwks()?.keys.some((k) => k.kid === kid) ?? false;
  }
}

function identityOf(payload: JWTPayload): Identity {
  const { sub, scope, uscc, kind } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '') throw new InvalidTokenError('the token has no `sub`');
  if (scope !== undefined && typeof scope !== 'string') {
    throw new InvalidTokenError("the token's `scope` must be a space-separated string");
  }
  if (uscc !== undefined && typeof uscc !== 'string') {
    throw new InvalidTokenError("the token's `uscc` must be a string");
  }
  return {
    kind: kind === 'service' ? 'SERVICE' : 'USER',
    sub,
    scopes: new Set((scope ?? '').split(' ').filter(Boolean)),
    ...(uscc ? { uscc } : {}),
  };
}

/** What a client can do about its token, without detail an attacker could use. */
function reasonOf(err: unknown): string {
  if (err instanceof InvalidTokenError) return err.message;
  if (err instanceof errors.JWTExpired) return 'the token has expired; get a new one';
  if (err instanceof errors.JWTClaimValidationFailed) {
    return `the token's \`${err.claim}\` claim is not accepted here (${err.reason})`;
  }
  if (err instanceof errors.JOSEAlgNotAllowed)
    return "the token's signing algorithm is not accepted";
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    return "the token's signature is not valid: it was not issued for this gateway";
  }
  if (err instanceof errors.JWKSNoMatchingKey) {
    return 'the token was signed with a key this gateway does not know';
  }
  if (err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError)) {
    // The identity provider's keys could not be fetched: not the client's fault.
    return 'the token could not be checked now (the identity provider is unreachable); try again later';
  }
  return 'the token is malformed';
}
