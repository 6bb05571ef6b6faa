import { generateKeyPairSync } from 'node:crypto';
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
