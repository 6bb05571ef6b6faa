import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertProductionReady, gatewayConfig } from '../../gateway/config';
import { TokenVerifier } from '../../gateway/token-verifier';
import {
  DEV_JWT_SECRET_FILE,
  launchCredentials,
  mintToken,
  parseTtl,
} from '../../scripts/dev-credentials';
import { SUBGRAPHS } from '../../subgraphs/registry';

/**
 * What `npm start` hands its children (a development JWT secret, the gateway's public key, each
 * agency's service token) and what production refuses.
 */

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tradegraph-credentials-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm start without any configuration', () => {
  it('generates a development secret, keeps it, and says how to mint a token', async () => {
    const first = await launchCredentials({}, SUBGRAPHS, root);
    const file = join(root, DEV_JWT_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.gateway.JWT_SECRET).toBe(readFileSync(file, 'utf8').trim());
    expect(first.gateway.JWT_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(first.notes.join('\n')).toContain('npm run token -- --sub');
    const again = await launchCredentials({}, SUBGRAPHS, root);
    expect(again.gateway.JWT_SECRET).toBe(first.gateway.JWT_SECRET);
  });

  it("gives every subgraph the gateway's public key and a service token with only its rules' scopes", async () => {
    const { gateway, subgraphs } = await launchCredentials({}, SUBGRAPHS, root);
    const verifier = new TokenVerifier({ jwtSecret: gateway.JWT_SECRET });
    for (const def of SUBGRAPHS) {
      const env = subgraphs[def.name];
      expect(env.GATEWAY_PUBLIC_KEY).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      const token = env[`${def.name.toUpperCase()}_SERVICE_TOKEN`]!;
      expect(await verifier.verify(token)).toEqual({
        kind: 'SERVICE',
        sub: def.name,
        scopes: new Set(def.serviceScopes),
      });
    }
    expect(new Set(SUBGRAPHS.flatMap((d) => d.serviceScopes))).toEqual(new Set(['trade:read']));
  });
});

describe('npm start with configuration', () => {
  it('leaves what is set alone, and mints the rest with the configured secret', async () => {
    const jwtSecret = 'a-configured-secret-of-the-deployment-0123456789';
    const { gateway, subgraphs, notes } = await launchCredentials(
      {
        JWT_SECRET: jwtSecret,
        CUSTOMS_SERVICE_TOKEN: 'issued-by-the-idp',
        GATEWAY_JWKS_URL: 'http://gw/.well-known/jwks.json',
      },
      SUBGRAPHS,
      root,
    );
    expect(gateway.JWT_SECRET).toBeUndefined();
    expect(notes.join('\n')).not.toContain(DEV_JWT_SECRET_FILE);
    expect(subgraphs.customs).toEqual({});
    const routesToken = subgraphs.routes.ROUTES_SERVICE_TOKEN!;
    expect((await new TokenVerifier({ jwtSecret }).verify(routesToken)).sub).toBe('routes');
  });

  it('mints no token when tokens come from an identity provider', async () => {
    const { gateway, subgraphs } = await launchCredentials(
      { JWKS_URL: 'https://sso.example/jwks.json' },
      SUBGRAPHS,
      root,
    );
    expect(gateway).toEqual({});
    expect(Object.keys(subgraphs.drugs)).toEqual(['GATEWAY_PUBLIC_KEY']);
  });
});

describe('npm run token', () => {
  it('mints what the gateway accepts, with its issuer and audience', async () => {
    const secret = 'the-secret-the-gateway-is-configured-with-0123';
    const token = await mintToken(secret, {
      sub: 'wang',
      scopes: ['trade:read', 'customs:write'],
      uscc: '91110000100000000A',
      ttlSeconds: parseTtl('1h'),
      issuer: 'tradegraph-dev',
      audience: 'tradegraph',
    });
    const verifier = new TokenVerifier({
      jwtSecret: secret,
      issuer: 'tradegraph-dev',
      audience: 'tradegraph',
    });
    expect(await verifier.verify(token)).toEqual({
      kind: 'USER',
      sub: 'wang',
      scopes: new Set(['trade:read', 'customs:write']),
      uscc: '91110000100000000A',
    });
  });

  it('reads durations in seconds, minutes, hours and days, and refuses others', () => {
    expect([
      parseTtl('90'),
      parseTtl('90s'),
      parseTtl('30m'),
      parseTtl('1h'),
      parseTtl('7d'),
    ]).toEqual([90, 90, 1800, 3600, 604800]);
    for (const bad of ['', '0', '1w', '-5m', '1.5h']) expect(() => parseTtl(bad)).toThrow('--ttl');
  });
});

describe('NODE_ENV=production', () => {
  const config = (env: NodeJS.ProcessEnv) =>
    gatewayConfig([], { NODE_ENV: 'production', ...env }, 'd');

  it('refuses development credentials in one line naming what is missing', () => {
    const refuse = (env: NodeJS.ProcessEnv) => () => assertProductionReady(config(env));
    expect(refuse({})).toThrow(
      /^NODE_ENV=production: set JWT_SECRET or JWKS_URL and GATEWAY_SIGNING_KEY; [^\n]*$/,
    );
    expect(refuse({ JWKS_URL: 'https://sso.example/jwks' })).toThrow('set GATEWAY_SIGNING_KEY;');
    expect(refuse({ GATEWAY_SIGNING_KEY: 'pem' })).toThrow('set JWT_SECRET or JWKS_URL;');
  });

  it('starts with real configuration, and outside production without it', () => {
    expect(() =>
      assertProductionReady(config({ JWT_SECRET: 's', GATEWAY_SIGNING_KEY: 'pem' })),
    ).not.toThrow();
    expect(() => assertProductionReady(gatewayConfig([], {}, 'd'))).not.toThrow();
  });
});
