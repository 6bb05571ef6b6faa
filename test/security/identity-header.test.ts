import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { bodyHash, IdentitySigner } from '../../gateway/identity-signer';
import { IdentityHeaderVerifier } from '../../subgraphs/kit';
import { OFFICER_IDENTITY } from '../support/identities';

/**
 * The kit's half of the identity header on its own: which keys it takes, and every way a header
 * falls back to anonymous.
 */

const BODY = '{"query":"{ __typename }"}';
const gatewayKey = generateKeyPairSync('ed25519');
const GATEWAY = new IdentitySigner(gatewayKey.privateKey);
const pem = GATEWAY.publicKey.export({ format: 'pem', type: 'spki' }).toString();
const jwk = JSON.stringify(GATEWAY.jwks().keys[0]);
const verifierWith = (publicKey: string) =>
  new IdentityHeaderVerifier('customs', () => ({ publicKey }));
const header = () => GATEWAY.sign(OFFICER_IDENTITY, 'customs', BODY);

describe('IdentityHeaderVerifier', () => {
  it.each([
    ['a PEM', pem],
    ['a JWK', jwk],
  ])("takes the gateway's public key as %s", async (_, key) => {
    expect(await verifierWith(key).identityOf(await header(), Buffer.from(BODY))).toEqual(
      OFFICER_IDENTITY,
    );
  });

  it('is anonymous without a header, or without a key to check it with', async () => {
    expect((await verifierWith(pem).identityOf(undefined, Buffer.from(BODY))).kind).toBe(
      'ANONYMOUS',
    );
    const keyless = new IdentityHeaderVerifier('customs', () => ({}));
    expect((await keyless.identityOf(await header(), Buffer.from(BODY))).kind).toBe('ANONYMOUS');
  });

  it('is anonymous for a header of another key, subgraph or body, or expired', async () => {
    const logs: string[] = [];
    const verifier = new IdentityHeaderVerifier(
      'customs',
      () => ({ publicKey: pem }),
      (m) => logs.push(m),
    );
    const other = new IdentitySigner(generateKeyPairSync('ed25519').privateKey);
    const expired = await new SignJWT({ kind: 'USER', scope: 'trade:read', bh: bodyHash(BODY) })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('late')
      .setIssuer('tradegraph-gateway')
      .setAudience('customs')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 300)
      .sign(gatewayKey.privateKey);
    const refused = [
      await other.sign(OFFICER_IDENTITY, 'customs', BODY),
      await GATEWAY.sign(OFFICER_IDENTITY, 'drugs', BODY),
      await GATEWAY.sign(OFFICER_IDENTITY, 'customs', `${BODY} `),
      expired,
      'not-a-jwt',
    ];
    for (const h of refused) {
      expect((await verifier.identityOf(h, Buffer.from(BODY))).kind).toBe('ANONYMOUS');
    }
    expect(logs).toHaveLength(refused.length);
    expect(logs.every((m) => m.startsWith('identity header refused: '))).toBe(true);
  });

  it('keeps an anonymous identity anonymous, whatever else the header says', async () => {
    const anonymous = { kind: 'ANONYMOUS' as const, sub: 'anonymous', scopes: new Set(['x']) };
    const signed = await GATEWAY.sign(anonymous, 'customs', BODY);
    expect(await verifierWith(pem).identityOf(signed, Buffer.from(BODY))).toMatchObject({
      kind: 'ANONYMOUS',
      scopes: new Set(),
    });
  });
});
