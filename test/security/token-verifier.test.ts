import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { InvalidTokenError, TokenVerifier } from '../../gateway/token-verifier';
import { TEST_JWT_SECRET, tokenFor } from '../support/identities';

/**
 * The gateway's token checks on their own: the claims a deployment requires (issuer, audience),
 * what a token's claims become, and which algorithms are never taken.
 */

const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const hs256 = (claims: Record<string, unknown>) =>
  new SignJWT({ scope: 'trade:read', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('analyst-li')
    .setExpirationTime('10m')
    .sign(secret);

describe('TokenVerifier', () => {
  it('remembers a valid token only until it expires: then refuses it like any expired one', async () => {
    const verifier = new TokenVerifier({ jwtSecret: TEST_JWT_SECRET, clockToleranceSeconds: 0 });
    const token = await new SignJWT({ scope: 'trade:read' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('analyst-li')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(secret);
    const first = await verifier.verify(token);
    // The second answer is the remembered one (the same object), not a second check.
    expect(await verifier.verify(token)).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(verifier.verify(token)).rejects.toThrow(/expired/);
  });

  it('never remembers a refused token', async () => {
    const verifier = new TokenVerifier({ jwtSecret: TEST_JWT_SECRET, audience: 'tradegraph' });
    const token = await hs256({ aud: 'elsewhere' });
    await expect(verifier.verify(token)).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(token)).rejects.toThrow(InvalidTokenError);
  });

  const strict = new TokenVerifier({
    jwtSecret: TEST_JWT_SECRET,
    issuer: 'https://sso.customs.example',
    audience: 'tradegraph',
  });

  it('turns claims into an identity: sub, scopes split on spaces, uscc, service kind', async () => {
    const verifier = new TokenVerifier({ jwtSecret: TEST_JWT_SECRET });
    const user = tokenFor({
      sub: 'clerk-zhao',
      scopes: ['trade:read', 'customs:write'],
      uscc: '91110000100000000A',
    });
    expect(await verifier.verify(user)).toEqual({
      kind: 'USER',
      sub: 'clerk-zhao',
      scopes: new Set(['trade:read', 'customs:write']),
      uscc: '91110000100000000A',
    });
    const service = tokenFor({ sub: 'drugs', scopes: ['trade:read'], kind: 'service' });
    expect(await verifier.verify(service)).toMatchObject({ kind: 'SERVICE', sub: 'drugs' });
  });

  it('requires the configured issuer and audience', async () => {
    const good = await hs256({ iss: 'https://sso.customs.example', aud: 'tradegraph' });
    expect((await strict.verify(good)).sub).toBe('analyst-li');
    const otherIssuer = await hs256({ iss: 'https://evil.example', aud: 'tradegraph' });
    await expect(strict.verify(otherIssuer)).rejects.toThrow(/`iss` claim/);
    const otherAudience = await hs256({ iss: 'https://sso.customs.example', aud: 'billing' });
    await expect(strict.verify(otherAudience)).rejects.toThrow(/`aud` claim/);
  });

  it('tolerates a small clock skew on expiry, not more', async () => {
    const verifier = new TokenVerifier({ jwtSecret: TEST_JWT_SECRET });
    const justExpired = tokenFor({ sub: 'a', scopes: [], ttlSeconds: -10 });
    expect((await verifier.verify(justExpired)).sub).toBe('a');
    const expired = tokenFor({ sub: 'a', scopes: [], ttlSeconds: -120 });
    await expect(verifier.verify(expired)).rejects.toThrow('the token has expired');
  });

  it('never checks a token with a public-key algorithm against the secret, or the reverse', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const es256 = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('x')
      .setExpirationTime('10m')
      .sign(privateKey);
    const verifier = new TokenVerifier({ jwtSecret: TEST_JWT_SECRET });
    await expect(verifier.verify(es256)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses every token when none can be checked, and a short secret at start', async () => {
    await expect(new TokenVerifier({}).verify(tokenFor({ sub: 'a', scopes: [] }))).rejects.toThrow(
      'accepts no tokens',
    );
    expect(() => new TokenVerifier({ jwtSecret: 'short' })).toThrow('at least 32 bytes');
  });
});

describe("TokenVerifier with an identity provider's JWKS", () => {
  /** The provider's published keys, changed by the tests to rotate them. */
  let published: { kid: string; key: KeyObject }[] = [];
  let fetches = 0;
  let provider: Server;
  let jwksUrl: string;
  beforeAll(async () => {
    provider = createServer((_req, res) => {
      fetches += 1;
      const keys = published.map(({ kid, key }) => ({ ...key.export({ format: 'jwk' }), kid }));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => provider.close(resolve)));

  const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rs256 = (kid: string, key: KeyObject) =>
    new SignJWT({ scope: 'trade:read' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject(`signed-by-${kid}`)
      .setExpirationTime('10m')
      .sign(key);

  it('verifies with the published key, caches it, and picks up a rotated one', async () => {
    const first = rsa();
    const second = rsa();
    published = [{ kid: 'k1', key: first.publicKey }];
    const verifier = new TokenVerifier({ jwksUrl, jwksCooldownMs: 0 });
    expect((await verifier.verify(await rs256('k1', first.privateKey))).sub).toBe('signed-by-k1');
    expect((await verifier.verify(await rs256('k1', first.privateKey))).sub).toBe('signed-by-k1');
    expect(fetches).toBe(1);

    published = [{ kid: 'k2', key: second.publicKey }];
    expect((await verifier.verify(await rs256('k2', second.privateKey))).sub).toBe('signed-by-k2');
    expect(fetches).toBe(2);
    // A key the provider no longer publishes, or never did, is refused.
    await expect(verifier.verify(await rs256('k1', first.privateKey))).rejects.toThrow(
      'a key this gateway does not know',
    );
    await expect(verifier.verify(await rs256('k2', rsa().privateKey))).rejects.toThrow(
      'signature is not valid',
    );
  });

  it('refuses an HS256 token signed with the public key as its secret (algorithm confusion)', async () => {
    const pair = rsa();
    published = [{ kid: 'k3', key: pair.publicKey }];
    const pem = pair.publicKey.export({ format: 'pem', type: 'spki' });
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'k3' })
      .setSubject('mallory')
      .setExpirationTime('10m')
      .sign(new Uint8Array(Buffer.from(pem)));
    await expect(new TokenVerifier({ jwksUrl }).verify(forged)).rejects.toThrow(
      'signing algorithm is not accepted',
    );
  });
});
