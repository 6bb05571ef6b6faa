import { createHmac, generateKeyPairSync } from 'node:crypto';
import { IdentitySigner } from '../../gateway/identity-signer';
import { graphqlBody } from '../../scripts/graphql-http';
import { routesSubgraph } from '../../subgraphs/routes';
import { GatewayClient } from '../../subgraphs/kit';
import { CREATE_ROUTE, ROUTE_QUERY } from '../routes/operations';
import { Federation, startFederation } from '../support/federation';
import { expectData, expectError, Json } from '../support/graphql';
import { OFFICER_IDENTITY, presets, TEST_JWT_SECRET, tokenFor } from '../support/identities';
import { signedIdentityHeader, startSubgraphUnderTest, SubgraphClient } from '../support/subgraph';

/**
 * Who may ask what (issue 7): bearer tokens at the gateway, the signed identity header between
 * the gateway and the subgraphs. A token that is not valid is refused, never served as anonymous;
 * a subgraph trusts only a header the gateway signed for that very request.
 */

let fed: Federation;
let routes: SubgraphClient;
beforeAll(async () => {
  fed = await startFederation();
  routes = fed.subgraph('routes');
});
afterAll(() => fed?.stop());

const PUBLIC_QUERY = `{ route(id: "CA-PEK-FRA") { id } }`;
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** A token with the test gateway's claims, signed as `sign` says. */
function craftedToken(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  secret: string | null,
): string {
  const signed = `${base64url(header)}.${base64url({ sub: 'mallory', scope: 'trade:read', exp: now() + 600, ...claims })}`;
  if (secret === null) return `${signed}.`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

/** POSTs to the gateway and keeps the HTTP status. */
async function post(authorization: string | null): Promise<{ status: number; body: Json }> {
  const res = await fetch(fed.gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === null ? {} : { authorization }),
    },
    body: JSON.stringify({ query: PUBLIC_QUERY }),
  });
  return { status: res.status, body: await res.json() };
}

describe('bearer tokens at the gateway', () => {
  it('serves public data to a caller without a token', async () => {
    const { status, body } = await post(null);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it.each([
    ['signed with another secret', () => craftedToken({ alg: 'HS256' }, {}, 'x'.repeat(40))],
    ['expired', () => tokenFor({ sub: 'late', scopes: ['trade:read'], ttlSeconds: -3600 })],
    ['unsigned (`alg: none`)', () => craftedToken({ alg: 'none' }, {}, null)],
    ['that is three dots of nothing', () => 'not.a.jwt'],
    ['without `exp`', () => craftedToken({ alg: 'HS256' }, { exp: undefined }, TEST_JWT_SECRET)],
    ['not a JWT at all', () => 'hello'],
  ])('refuses a token %s with 401 UNAUTHENTICATED, and goes on serving', async (_, token) => {
    const { status, body } = await post(`Bearer ${token()}`);
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(/^not authenticated: /);
    expect(body.errors[0].extensions.requestId).toEqual(expect.any(String));
    expect((await post(`Bearer ${presets.officer}`)).status).toBe(200);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const { status, body } = await post('Basic b2ZmaWNlcjpzZWNyZXQ=');
    expect(status).toBe(401);
    expect(body.errors[0].message).toContain('Bearer <token>');
  });

  it('publishes the public key the identity header is signed with', async () => {
    const res = await fetch(new URL('/.well-known/jwks.json', fed.gateway.url));
    const { keys } = (await res.json()) as { keys: Json[] };
    expect(keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' })]);
    expect(keys[0].d).toBeUndefined();
  });
});

describe('the identity a subgraph sees', () => {
  const input = {
    airline: 'CA',
    origin: 'PEK',
    destination: 'MUC',
    region: 'EUROPE',
    status: 'PLANNED',
    weeklyFrequency: 2,
    weeklyCargoCapacityTonnes: 20,
  };

  it("writes history under the token's subject", async () => {
    const token = tokenFor({ sub: 'inspector-wang', scopes: ['routes:write', 'trade:read'] });
    const created = expectData(await fed.graphql(CREATE_ROUTE, { input }, { token })).createRoute;
    expect(created.history).toMatchObject([
      { from: null, to: 'PLANNED', actor: 'user:inspector-wang', reason: null },
    ]);
  });

  it('refuses an anonymous mutation through the gateway', async () => {
    const res = await fed.graphql(
      CREATE_ROUTE,
      { input: { ...input, destination: 'FRA' } },
      { token: null },
    );
    // The gateway's field authorization removes it (it needs routes:write) before any subgraph
    // is asked; the subgraph's own refusal of an anonymous mutation is the next test's.
    expectError(res, 'UNAUTHORIZED_FIELD_OR_TYPE', { path: ['createRoute'] });
  });

  it('answers a direct call without a header as anonymous: public data, no mutation', async () => {
    expectData(await routes.graphql(ROUTE_QUERY, { id: 'CA-PEK-MUC' }, { identity: null }));
    const res = await routes.graphql(
      CREATE_ROUTE,
      { input: { ...input, destination: 'AMS' } },
      { identity: null },
    );
    expectError(res, 'UNAUTHENTICATED', { path: ['createRoute'] });
  });

  it('treats a header signed by another key as anonymous', async () => {
    const forger = new IdentitySigner(generateKeyPairSync('ed25519').privateKey);
    const variables = { input: { ...input, destination: 'AMS' } };
    const header = await forger.sign(
      OFFICER_IDENTITY,
      'routes',
      graphqlBody(CREATE_ROUTE, variables),
    );
    const res = await routes.graphql(CREATE_ROUTE, variables, { identityHeader: header });
    expectError(res, 'UNAUTHENTICATED');
  });

  it('refuses a valid header replayed with another query, or to another subgraph', async () => {
    const signedFor = { input: { ...input, destination: 'AMS', weeklyFrequency: 1 } };
    const captured = await signedIdentityHeader(
      OFFICER_IDENTITY,
      'routes',
      CREATE_ROUTE,
      signedFor,
    );
    const replayed = { input: { ...input, destination: 'AMS', weeklyFrequency: 7 } };
    expectError(
      await routes.graphql(CREATE_ROUTE, replayed, { identityHeader: captured }),
      'UNAUTHENTICATED',
    );
    const forAirports = await signedIdentityHeader(
      OFFICER_IDENTITY,
      'airports',
      CREATE_ROUTE,
      signedFor,
    );
    expectError(
      await routes.graphql(CREATE_ROUTE, signedFor, { identityHeader: forAirports }),
      'UNAUTHENTICATED',
    );
    // The same header with the very body it was signed for is accepted.
    const created = expectData(
      await routes.graphql(CREATE_ROUTE, signedFor, { identityHeader: captured }),
    ).createRoute;
    expect(created.history[0].actor).toBe('user:officer-1');
  });
});

describe("a subgraph that fetches the gateway's public key from its JWKS", () => {
  it('trusts what the gateway signs, and nothing else', async () => {
    const jwksUrl = new URL('/.well-known/jwks.json', fed.gateway.url).href;
    const alone = await startSubgraphUnderTest(routesSubgraph, {
      database: fed.databaseUrl,
      gatewayUrl: () => fed.gateway.url,
      identityKeys: { jwksUrl },
    });
    try {
      const input = {
        airline: 'CA',
        origin: 'PKX',
        destination: 'MUC',
        region: 'EUROPE',
        status: 'PLANNED',
        weeklyFrequency: 1,
        weeklyCargoCapacityTonnes: 5,
      };
      const forger = new IdentitySigner(generateKeyPairSync('ed25519').privateKey);
      const forged = await forger.sign(
        OFFICER_IDENTITY,
        'routes',
        graphqlBody(CREATE_ROUTE, { input }),
      );
      expectError(
        await alone.graphql(CREATE_ROUTE, { input }, { identityHeader: forged }),
        'UNAUTHENTICATED',
      );
      const created = expectData(await alone.graphql(CREATE_ROUTE, { input })).createRoute;
      expect(created.history[0].actor).toBe('user:officer-1');
    } finally {
      await alone.stop();
    }
  });
});

describe("an agency's service token", () => {
  const read = (token: string | undefined) =>
    new GatewayClient(
      'customs',
      () => fed.gateway.url,
      5000,
      () => token,
    ).query(PUBLIC_QUERY, {}, 'a route');

  it('goes with every cross-agency read: a valid one reads, a forged one is refused', async () => {
    const token = tokenFor({ sub: 'customs', scopes: ['trade:read'], kind: 'service' });
    expect(await read(token)).toHaveProperty('route');
    await expect(read(craftedToken({ alg: 'HS256' }, {}, 'y'.repeat(40)))).rejects.toMatchObject({
      message: expect.stringContaining('not authenticated'),
      extensions: { code: 'DEPENDENCY_UNAVAILABLE' },
    });
  });
});
