import { createHash, createPublicKey, KeyObject } from 'node:crypto';
import type express from 'express';
import { createRemoteJWKSet } from 'jose';
import { JwtClaims, KeyFor, verifyEd25519Jwt } from './ed25519-jwt';
import { stringFromEnv } from './env';
import { ANONYMOUS_IDENTITY, Identity } from './identity';
import type { Log } from './logger';
import { requestIdOf } from './request-id';

/**
 * The other half of the gateway's identity header (gateway/identity-signer.ts): a JWT signed by
 * the gateway's Ed25519 key, naming this subgraph (`aud`) and the hash of the exact body it came
 * with (`bh`).
 */
export const IDENTITY_HEADER = 'x-tradegraph-identity';
export const IDENTITY_ISSUER = 'tradegraph-gateway';
/** Tolerated difference between the gateway's clock and ours. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** Where the gateway's public key comes from. */
export interface IdentityKeySource {
  /** The key itself: a PEM public key, a JWK (object or JSON text), or a KeyObject. */
  publicKey?: string | KeyObject | Record<string, unknown>;
  /** The gateway's `/.well-known/jwks.json`, fetched when needed and cached. */
  jwksUrl?: string;
}

/**
 * The key source from the environment: GATEWAY_PUBLIC_KEY, else GATEWAY_JWKS_URL, else the JWKS
 * of the gateway at `gatewayUrl` (GATEWAY_URL), read when the first identity header arrives.
 */
export function identityKeysFromEnv(gatewayUrl: () => string | undefined): () => IdentityKeySource {
  const publicKey = stringFromEnv('GATEWAY_PUBLIC_KEY');
  const jwksUrl = stringFromEnv('GATEWAY_JWKS_URL');
  if (publicKey) return () => ({ publicKey });
  if (jwksUrl) return () => ({ jwksUrl });
  return () => {
    const url = gatewayUrl();
    return url ? { jwksUrl: new URL('/.well-known/jwks.json', url).href } : {};
  };
}

function keyObject(key: string | KeyObject | Record<string, unknown>): KeyObject {
  if (key instanceof KeyObject) return key;
  if (typeof key === 'string' && !key.trimStart().startsWith('{')) return createPublicKey(key);
  const jwk = typeof key === 'string' ? (JSON.parse(key) as Record<string, unknown>) : key;
  return createPublicKey({ key: jwk as never, format: 'jwk' });
}

/**
 * Tells who a request to this subgraph comes from. A valid header is the identity the gateway
 * verified; a missing one, or one that fails any check (another key, expired, for another
 * subgraph, for another body), is ANONYMOUS: public data only and no mutation. It is never an
 * error: a caller cannot learn anything from trying.
 */
export class IdentityHeaderVerifier {
  private key?: KeyFor;
  private keyFrom?: string;

  constructor(
    /** This subgraph's name: the header's audience. */
    private readonly subgraph: string,
    private readonly source: () => IdentityKeySource,
    private readonly log: Log = () => undefined,
  ) {}

  /** Who a request is from; `requestId` names it in the log line of a refused header. */
  async identityOf(
    header: string | undefined,
    rawBody: Buffer | undefined,
    requestId?: string,
  ): Promise<Identity> {
    if (!header) return ANONYMOUS_IDENTITY;
    const refused = (why: string) => {
      this.log(`identity header ${why}`, 'info', requestId);
      return ANONYMOUS_IDENTITY;
    };
    const key = this.currentKey();
    if (!key) {
      return refused('ignored: no gateway public key is configured (GATEWAY_PUBLIC_KEY)');
    }
    let payload: JwtClaims;
    try {
      payload = await verifyEd25519Jwt(header, key, {
        issuer: IDENTITY_ISSUER,
        audience: this.subgraph,
        clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
        required: ['sub', 'exp', 'bh'],
      });
    } catch (err) {
      return refused(`refused: ${(err as Error).message}`);
    }
    const received = createHash('sha256')
      .update(rawBody ?? '')
      .digest('base64url');
    if (payload.bh !== received) {
      return refused('refused: it was signed for another request body');
    }
    return identityOf(payload);
  }

  private currentKey(): KeyFor | undefined {
    const source = this.source();
    const from = source.publicKey ? 'key' : source.jwksUrl;
    if (from !== this.keyFrom || !this.key) {
      this.keyFrom = from;
      this.key = source.publicKey
        ? keyObject(source.publicKey)
        : source.jwksUrl
          ? jwksKeys(source.jwksUrl)
          : undefined;
    }
    return this.key;
  }
}

/** The gateway's keys from its JWKS, fetched and cached (and refetched for a new `kid`) by jose. */
function jwksKeys(url: string): KeyFor {
  const jwks = createRemoteJWKSet(new URL(url));
  return async (header) => {
    const key = await jwks(header);
    return key instanceof KeyObject
      ? key
      : KeyObject.from(key as Parameters<typeof KeyObject.from>[0]);
  };
}

function identityOf(payload: JwtClaims): Identity {
  const { sub, kind, scope, uscc } = payload;
  if (kind !== 'USER' && kind !== 'SERVICE') return ANONYMOUS_IDENTITY;
  return {
    kind,
    sub: String(sub),
    scopes: new Set(typeof scope === 'string' ? scope.split(' ').filter(Boolean) : []),
    ...(typeof uscc === 'string' && uscc ? { uscc } : {}),
  };
}

const rawBodies = new WeakMap<express.Request, Buffer>();
const identities = new WeakMap<express.Request, Identity>();

/** express.json's `verify`: keeps the bytes received, which the header's `bh` is checked against. */
export function keepRawBody(req: express.Request, _res: unknown, body: Buffer): void {
  rawBodies.set(req, body);
}

/** Middleware (after the body is parsed): verifies the identity header into the request. */
export function verifyIdentityHeader(verifier: IdentityHeaderVerifier): express.RequestHandler {
  return (req, _res, next) => {
    verifier
      .identityOf(req.header(IDENTITY_HEADER), rawBodies.get(req), requestIdOf(req))
      .then((identity) => {
        identities.set(req, identity);
        next();
      }, next);
  };
}

/** Who the request is from, as `verifyIdentityHeader` found (anonymous without a request). */
export function identityOfRequest(req: express.Request | undefined): Identity {
  return (req && identities.get(req)) ?? ANONYMOUS_IDENTITY;
}
