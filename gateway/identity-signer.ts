import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IDENTITY_HEADER, IDENTITY_ISSUER, signEd25519Jwt } from '../subgraphs/kit';
import type { Identity } from './identity';

/**
 * The header that carries the verified identity to a subgraph: a JWT the gateway signs with its
 * private key. The subgraphs verify it with the public key (subgraphs/kit/identity-header.ts holds
 * the other half of this contract).
 */
export { IDENTITY_HEADER, IDENTITY_ISSUER };
const IDENTITY_ALGORITHM = 'EdDSA';
/** Long enough for one subgraph fetch; a captured header is soon worthless. */
export const IDENTITY_TTL_SECONDS = 60;

/** Where the development signing key is kept between runs, under the project root. */
export const DEV_SIGNING_KEY_FILE = join('.data', 'gateway-signing-key.pem');

/** The base64url SHA-256 of a request body: the `bh` claim binding a header to its request. */
export function bodyHash(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('base64url');
}

/**
 * Signs identities for subgraphs with an Ed25519 key: no agency holding the public key can forge
 * an identity to another. Each header names its subgraph (`aud`) and the hash of the exact body it
 * travels with (`bh`), so it cannot be replayed with another query or to another subgraph.
 */
export class IdentitySigner {
  readonly publicKey: KeyObject;
  /** The public key's id, in every header and in the JWKS, so that keys can be rotated. */
  readonly keyId: string;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error('the gateway signing key must be an Ed25519 private key (PKCS#8 PEM)');
    }
    this.publicKey = createPublicKey(privateKey);
    this.keyId = bodyHash(this.publicKey.export({ format: 'der', type: 'spki' })).slice(0, 16);
  }

  /** The public key as a JWKS document (`GET /.well-known/jwks.json`). */
  jwks(): { keys: Record<string, unknown>[] } {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { keys: [{ ...jwk, kid: this.keyId, alg: IDENTITY_ALGORITHM, use: 'sig' }] };
  }

  /** The header for one request: synchronous node:crypto signing, see kit/ed25519-jwt.ts. */
  sign(identity: Identity, subgraph: string, body: string): Promise<string> {
    const claims = {
      kind: identity.kind,
      scope: [...identity.scopes].join(' '),
      ...(identity.uscc ? { uscc: identity.uscc } : {}),
      bh: bodyHash(body),
      sub: identity.sub,
      iss: IDENTITY_ISSUER,
      aud: subgraph,
    };
    const header = { kid: this.keyId, typ: 'JWT' };
    return Promise.resolve(signEd25519Jwt(claims, header, this.privateKey, IDENTITY_TTL_SECONDS));
  }
}

/** A signer from a PKCS#8 PEM private key (GATEWAY_SIGNING_KEY). */
export function signerFromPem(pem: string): IdentitySigner {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (err) {
    throw new Error(`GATEWAY_SIGNING_KEY is not a PEM private key: ${(err as Error).message}`);
  }
  return new IdentitySigner(key);
}

/** A signer with a fresh key that lives as long as the process (tests, embedded use). */
export function ephemeralSigner(): IdentitySigner {
  return new IdentitySigner(generateKeyPairSync('ed25519').privateKey);
}

/**
 * The development key pair: read from `file`, or generated there on first use so that restarts
 * keep it (subgraphs that cached the public key go on trusting the gateway).
 */
export function developmentSigner(file: string): IdentitySigner {
  if (!existsSync(file)) {
    const pem = generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    mkdirSync(dirname(file), { recursive: true });
    // Written whole under another name then renamed: a concurrent reader never sees half a key.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, pem, { mode: 0o600 });
    renameSync(partial, file);
  }
  return signerFromPem(readFileSync(file, 'utf8'));
}
