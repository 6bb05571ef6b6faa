import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SignJWT } from 'jose';
import { DEV_SIGNING_KEY_FILE, developmentSigner, signerFromPem } from '../gateway/identity-signer';
import { projectRoot } from '../subgraphs/kit';

/**
 * Credentials for running tradegraph on one machine without an identity provider: an HS256
 * secret kept under `.data/` (so tokens survive restarts), and tokens minted with it. Never used
 * with NODE_ENV=production: the gateway refuses to start on them.
 */

/** Every scope of the access model (README, Authentication). */
export const ALL_SCOPES = [
  'trade:read',
  'airports:write',
  'customs:write',
  'drugs:write',
  'routes:write',
  'audit:read',
] as const;

/** Where `npm start` keeps the development JWT secret. */
export const DEV_JWT_SECRET_FILE = join('.data', 'jwt-secret');

/** The development JWT secret: read, or generated on first use. */
export function developmentJwtSecret(root = projectRoot()): string {
  const file = join(root, DEV_JWT_SECRET_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
    renameSync(partial, file);
  }
  return readFileSync(file, 'utf8').trim();
}

export interface TokenRequest {
  sub: string;
  scopes: readonly string[];
  uscc?: string;
  ttlSeconds: number;
  /** An agency's service token. */
  service?: boolean;
  issuer?: string;
  audience?: string;
}

/** An HS256 token the gateway accepts when it is configured with `secret`. */
export function mintToken(secret: string, request: TokenRequest): Promise<string> {
  const jwt = new SignJWT({
    scope: request.scopes.join(' '),
    ...(request.uscc ? { uscc: request.uscc } : {}),
    ...(request.service ? { kind: 'service' } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + request.ttlSeconds);
  if (request.issuer) jwt.setIssuer(request.issuer);
  if (request.audience) jwt.setAudience(request.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `90s`, `30m`, `1h`, `7d` (or plain seconds) → seconds. */
export function parseTtl(text: string): number {
  const m = /^(\d+)([smhd]?)$/.exec(text.trim());
  const seconds = m ? Number(m[1]) * UNIT_SECONDS[m[2] || 's'] : NaN;
  if (!(seconds > 0)) {
    throw new Error(`--ttl must be a duration like 90s, 30m, 1h or 7d, got "${text}"`);
  }
  return seconds;
}

/** Development service tokens last as long as a long-running demo. */
const DEV_SERVICE_TOKEN_TTL_SECONDS = 30 * 86400;

export interface LaunchCredentials {
  /** Variables for the gateway's process. */
  gateway: NodeJS.ProcessEnv;
  /** Variables for each subgraph's process, by agency. */
  subgraphs: Record<string, NodeJS.ProcessEnv>;
  /** What `npm start` says about them in its banner. */
  notes: string[];
}

/**
 * What `npm start` hands its children so that the federation works out of the box: the JWT
 * secret (configured, or the development one), the gateway's public key for the subgraphs, and
 * each agency's service token carrying only its rules' scopes. What the environment already sets
 * is left alone.
 */
export async function launchCredentials(
  env: NodeJS.ProcessEnv,
  agencies: readonly { name: string; serviceScopes?: readonly string[] }[],
  root = projectRoot(),
): Promise<LaunchCredentials> {
  const notes: string[] = [];
  const gateway: NodeJS.ProcessEnv = {};
  let secret = env.JWT_SECRET || undefined;
  if (!secret && !env.JWKS_URL) {
    secret = developmentJwtSecret(root);
    gateway.JWT_SECRET = secret;
    notes.push(
      `Tokens: development secret in ${DEV_JWT_SECRET_FILE} (no JWT_SECRET or JWKS_URL set).`,
      `  Mint one: npm run token -- --sub you --scope "trade:read customs:write"`,
      `  and put {"Authorization": "Bearer <token>"} in the explorer's Headers tab.`,
    );
  }
  const signer = env.GATEWAY_SIGNING_KEY
    ? signerFromPem(env.GATEWAY_SIGNING_KEY)
    : developmentSigner(join(root, DEV_SIGNING_KEY_FILE));
  if (!env.GATEWAY_SIGNING_KEY) {
    notes.push(`Identity header to subgraphs: development key in ${DEV_SIGNING_KEY_FILE}.`);
  }
  const publicKey = signer.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const subgraphs: Record<string, NodeJS.ProcessEnv> = {};
  for (const agency of agencies) {
    const own: NodeJS.ProcessEnv = {};
    if (!env.GATEWAY_PUBLIC_KEY && !env.GATEWAY_JWKS_URL) own.GATEWAY_PUBLIC_KEY = publicKey;
    const envName = agency.name.toUpperCase();
    if (!env[`${envName}_SERVICE_TOKEN`] && secret && agency.serviceScopes?.length) {
      own[`${envName}_SERVICE_TOKEN`] = await mintToken(secret, {
        sub: agency.name,
        scopes: agency.serviceScopes,
        ttlSeconds: DEV_SERVICE_TOKEN_TTL_SECONDS,
        service: true,
        issuer: env.JWT_ISSUER || undefined,
        audience: env.JWT_AUDIENCE || undefined,
      });
    }
    subgraphs[agency.name] = own;
  }
  return { gateway, subgraphs, notes };
}
