import { createHmac, generateKeyPairSync } from 'node:crypto';
import { IdentitySigner } from '../../gateway/identity-signer';
import { ALL_SCOPES } from '../../scripts/dev-credentials';
import type { Identity } from '../../subgraphs/kit';

/** The HS256 secret every test gateway checks bearer tokens with. */
export const TEST_JWT_SECRET = 'tradegraph-test-secret-not-for-production-use-0123456789';

/**
 * The key every test gateway signs identity headers with, and every test subgraph trusts: the
 * direct-subgraph client signs with it too, as the gateway would. One per test file.
 */
export const TEST_SIGNER = new IdentitySigner(generateKeyPairSync('ed25519').privateKey);

export { ALL_SCOPES } from '../../scripts/dev-credentials';

export interface TokenClaims {
  sub: string;
  scopes: string[];
  /** The enterprise (USCC) a user acts for. */
  uscc?: string;
  /** One hour by default; negative for a token that has already expired. */
  ttlSeconds?: number;
  /** A service token (an agency's cross-agency rules) instead of a user's. */
  kind?: 'user' | 'service';
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A bearer token the test gateways accept (HS256 with TEST_JWT_SECRET), carrying these claims. */
export function tokenFor(claims: TokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub: claims.sub,
    scope: claims.scopes.join(' '),
    ...(claims.uscc ? { uscc: claims.uscc } : {}),
    ...(claims.kind === 'service' ? { kind: 'service' } : {}),
    iat: now,
    exp: now + (claims.ttlSeconds ?? 3600),
  };
  const signed = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  const signature = createHmac('sha256', TEST_JWT_SECRET).update(signed).digest('base64url');
  return `${signed}.${signature}`;
}

/**
 * What a test's own `startGateway` needs to behave like the test federation's gateway: accept
 * `tokenFor` tokens, and sign identity headers that test subgraphs (`startSubgraphUnderTest`) trust.
 */
export const TEST_GATEWAY_IDENTITY = {
  authentication: { jwtSecret: TEST_JWT_SECRET },
  signer: TEST_SIGNER,
};

/** The claims of the preset callers. */
export const OFFICER: TokenClaims = { sub: 'officer-1', scopes: [...ALL_SCOPES] };

/** Preset tokens: `officer` holds every scope (the default of `fed.graphql`), `anonymous` none. */
export const presets = {
  get officer(): string {
    return tokenFor(OFFICER);
  },
  anonymous: null,
} as const;

/** The identity a token with these claims stands for, as the gateway verifies it. */
export function identityFor(claims: TokenClaims): Identity {
  return {
    kind: claims.kind === 'service' ? 'SERVICE' : 'USER',
    sub: claims.sub,
    scopes: new Set(claims.scopes),
    ...(claims.uscc ? { uscc: claims.uscc } : {}),
  };
}

export const OFFICER_IDENTITY: Identity = identityFor(OFFICER);

/** How history rows name the officer preset's changes. */
export const OFFICER_ACTOR = `user:${OFFICER.sub}`;
