import { generateKeyPairSync } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { JwtChecks, signEd25519Jwt, verifyEd25519Jwt } from '../../subgraphs/kit';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const checks: JwtChecks = {
  issuer: 'tradegraph-gateway',
  audience: 'customs',
  clockToleranceSeconds: 30,
  required: ['sub', 'exp', 'bh'],
};
const claims = { sub: 'officer-1', iss: 'tradegraph-gateway', aud: 'customs', bh: 'hash' };
const token = (over: Record<string, unknown> = {}, ttl = 60) =>
  signEd25519Jwt({ ...claims, ...over }, { kid: 'k1', typ: 'JWT' }, privateKey, ttl);

describe('Ed25519 JWTs', () => {
  it('signs standard JWTs: jose verifies them with the same checks', async () => {
    const { payload, protectedHeader } = await jwtVerify(token(), publicKey, {
      algorithms: ['EdDSA'],
      issuer: checks.issuer,
      audience: checks.audience,
      requiredClaims: ['sub', 'exp', 'bh'],
    });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: 'k1', typ: 'JWT' });
    expect(payload).toMatchObject(claims);
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it("verifies jose's EdDSA JWTs", async () => {
    const joseToken = await new SignJWT({ bh: 'hash' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('officer-1')
      .setIssuer(checks.issuer)
      .setAudience(checks.audience)
      .setExpirationTime('1m')
      .sign(privateKey);
    await expect(verifyEd25519Jwt(joseToken, publicKey, checks)).resolves.toMatchObject(claims);
  });

  it('looks the key up by the header when given a key lookup', async () => {
    const kids: (string | undefined)[] = [];
    const lookup = (header: { kid?: string }) => {
      kids.push(header.kid);
      return Promise.resolve(publicKey);
    };
    await expect(verifyEd25519Jwt(token(), lookup, checks)).resolves.toMatchObject(claims);
    expect(kids).toEqual(['k1']);
  });

  const refused: [string, () => string, RegExp][] = [
    [
      'a tampered payload',
      () => tamper(token(), 1, { ...claims, sub: 'someone-else' }),
      /signature/,
    ],
    ['a tampered header', () => tamper(token(), 0, { alg: 'EdDSA', kid: 'k2' }), /signature/],
    ['another algorithm', () => tamper(token(), 0, { alg: 'HS256' }), /algorithm HS256/],
    ['no algorithm', () => tamper(token(), 0, { alg: 'none' }), /algorithm none/],
    ['another audience', () => token({ aud: 'drugs' }), /"aud"/],
    ['another issuer', () => token({ iss: 'someone' }), /"iss"/],
    ['a missing body hash', () => token({ bh: undefined }), /"bh"/],
    ['an expired token (past the tolerance)', () => token({}, -31), /"exp"/],
    ['a token not yet valid', () => token({ nbf: Math.floor(Date.now() / 1000) + 120 }), /"nbf"/],
    ['two parts', () => token().split('.').slice(0, 2).join('.'), /compact JWS/],
    ['a header that is not JSON', () => `e30x.${token().split('.').slice(1).join('.')}`, /header/],
  ];
  it.each(refused)('refuses %s', async (_what, make, reason) => {
    await expect(verifyEd25519Jwt(make(), publicKey, checks)).rejects.toThrow(reason);
  });

  it('accepts a token expired within the clock tolerance', async () => {
    await expect(verifyEd25519Jwt(token({}, -10), publicKey, checks)).resolves.toBeDefined();
  });

  it('refuses a token signed by another key, and a key of another type', async () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    await expect(verifyEd25519Jwt(token(), other, checks)).rejects.toThrow(/signature/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    await expect(verifyEd25519Jwt(token(), rsa, checks)).rejects.toThrow(/not an Ed25519 key/);
  });
});

/** The token with one part (0 header, 1 payload) replaced, its signature kept. */
function tamper(jwt: string, part: 0 | 1, value: Record<string, unknown>): string {
  const parts = jwt.split('.');
  parts[part] = Buffer.from(JSON.stringify(value)).toString('base64url');
  return parts.join('.');
}
