import { startGateway } from '../../gateway/server';
import { committedSupergraph, Federation, startFederation } from '../support/federation';
import { expectError, UNREACHABLE_URL } from '../support/graphql';

describe('the gateway over HTTP', () => {
  let fed: Federation;
  let base: string;
  beforeAll(async () => {
    fed = await startFederation();
    base = fed.gateway.url.replace(/\/graphql$/, '');
  });
  afterAll(() => fed?.stop());

  it('serves an offline explorer with the full-picture query preloaded', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('query Picture($awb: ID!)');
    // Every script and stylesheet comes from the gateway itself, none from a CDN.
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBe(4);
    for (const asset of assets) {
      expect(asset.startsWith('/explorer/')).toBe(true);
      const a = await fetch(`${base}${asset}`);
      expect(a.status).toBe(200);
      expect((await a.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(`${base}/explorer/nope.js`)).status).toBe(404);
  });

  it("turns @apollo/gateway's usage reporting to Apollo off unless an operator asked for it", () => {
    // The jest environment does not set it: startGateway did.
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
  });

  it('lets browser frontends on other origins call /graphql (CORS)', async () => {
    const preflight = await fetch(fed.gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.cn',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.cn');
  });

  it('answers /health, and /ready once every subgraph answers', async () => {
    const res = await fetch(`${base}/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      supergraph: 'loaded',
      subgraphs: { airports: 'ok', customs: 'ok', drugs: 'ok', routes: 'ok' },
      circuits: { airports: 'closed', customs: 'closed', drugs: 'closed', routes: 'closed' },
    });
  });

  it('gives stable error codes for malformed requests', async () => {
    const malformed = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);

    const unknownField = await fed.graphql('{ shipment(awb: "999-31415926") { nope } }');
    expectError(unknownField, 'GRAPHQL_VALIDATION_FAILED');

    const wrongType = await fed.graphql('query($n: Int) { shipments(first: $n) { totalCount } }', {
      n: 'ten',
    });
    expectError(wrongType, 'BAD_USER_INPUT');

    const syntax = await fed.graphql('{ shipment(awb: ');
    expectError(syntax, 'GRAPHQL_PARSE_FAILED');
  });

  it('reports a bad declaration number with the field that is wrong', async () => {
    const res = await fed.graphql('{ declaration(number: "0101") { number } }');
    expectError(res, 'BAD_USER_INPUT', { message: /18 characters/ });
  });

  it('is not ready while a subgraph is down', async () => {
    // A gateway of its own whose drugs subgraph answers nowhere: the shared federation stays up.
    const urls = Object.fromEntries(fed.subgraphs.map((s) => [s.name, s.url]));
    const gateway = await startGateway({
      supergraphSdl: committedSupergraph(),
      port: 0,
      subgraphUrls: { ...urls, drugs: UNREACHABLE_URL },
      log: () => undefined,
    });
    try {
      const ready = await fetch(gateway.url.replace(/\/graphql$/, '/ready'));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'unavailable',
        subgraphs: { drugs: 'unavailable', customs: 'ok' },
      });
    } finally {
      await gateway.stop();
    }
  });
});
