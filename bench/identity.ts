import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Who the benchmark's load is from, and the keys that make every target do the same identity work.
 * A run makes its own keys, nothing else trusts them: the subgraphs are given the public half of a
 * fresh Ed25519 pair as GATEWAY_PUBLIC_KEY, as in any deployment; tradegraph's gateway signs with
 * the private half (GATEWAY_SIGNING_KEY) and verifies the load's bearer token (JWT_SECRET); the
 * peers, which authenticate no one, sign the same caller's identity into each subgraph fetch with
 * the same private key (bench/peers), so the subgraphs verify a header on every request whichever
 * gateway sent it.
 */
export interface BenchIdentity {
  /** `Authorization` for tradegraph's gateway: an analyst holding `trade:read`. */
  authorization: string;
  /** The same for each of the run's callers (the first is `authorization`): analysts alike but their `sub`. */
  authorizations: string[];
  /** The claims the peers sign, as JSON. */
  claims: { kind: 'USER'; sub: string; scope: string };
  jwtSecret: string;
  privateKeyPem: string;
  publicKeyPem: string;
  /** The private key and the claims in files, for the peers' command lines. */
  privateKeyFile: string;
  claimsFile: string;
  /** Deletes the key files. */
  remove(): void;
}

const SUB = 'bench-analyst';
const SCOPE = 'trade:read';
/** Longer than any run. */
const TOKEN_TTL_SECONDS = 24 * 3600;

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function hs256(secret: string, payload: Record<string, unknown>): string {
  const signed = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

export function benchIdentity(callers = 1): BenchIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const jwtSecret = randomBytes(32).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const tokenOf = (sub: string) =>
    hs256(jwtSecret, { sub, scope: SCOPE, iat: now, exp: now + TOKEN_TTL_SECONDS });
  const authorizations = Array.from(
    { length: callers },
    (_, i) => `Bearer ${tokenOf(i === 0 ? SUB : `${SUB}-${i + 1}`)}`,
  );
  const claims = { kind: 'USER' as const, sub: SUB, scope: SCOPE };
  const dir = mkdtempSync(join(tmpdir(), 'tradegraph-bench-keys-'));
  const privateKeyFile = join(dir, 'signing-key.pem');
  const claimsFile = join(dir, 'claims.json');
  writeFileSync(privateKeyFile, privateKeyPem, { mode: 0o600 });
  writeFileSync(claimsFile, JSON.stringify(claims));
  return {
    authorization: authorizations[0],
    authorizations,
    claims,
    jwtSecret,
    privateKeyPem,
    publicKeyPem,
    privateKeyFile,
    claimsFile,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
