import { gatewayConfig } from '../../gateway/config';
import { RunningGateway, startGateway } from '../../gateway/server';
import { AGENCY_NAMES } from '../../subgraphs/agencies';
import { committedSupergraph } from '../support/federation';
import { expectData, graphql, Json, UNREACHABLE_URL } from '../support/graphql';

/**
 * What the gateway refuses before any subgraph is asked: an oversized body, and (with
 * CORS_ORIGINS restricted) browsers on other origins. `{ __typename }` is answered by the gateway
 * alone, so the subgraphs need not run.
 */
const ALLOWED = 'https://app.example.cn';
const OTHER = 'https://elsewhere.example';
/** express.json's `1mb`: 1 MiB. */
const LIMIT = 1024 * 1024;

describe('the gateway before GraphQL', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    const { corsOrigins } = gatewayConfig([], { CORS_ORIGINS: ` ${ALLOWED} ,` }, 'unused');
    gateway = await startGateway({
      supergraphSdl: committedSupergraph(),
      port: 0,
      subgraphUrls: Object.fromEntries(AGENCY_NAMES.map((a) => [a, UNREACHABLE_URL])),
      corsOrigins,
      log: () => undefined,
    });
  });
  afterAll(() => gateway?.stop());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  /** A request body of exactly `bytes` bytes: `{ __typename }` padded with an unused variable. */
  const bodyOf = (bytes: number) => {
    const empty = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
    return JSON.stringify({
      query: '{ __typename }',
      variables: { pad: 'x'.repeat(bytes - empty.length) },
    });
  };

  describe('the 1 MB body limit', () => {
    it('takes a body of exactly 1 MiB', async () => {
      const body = bodyOf(LIMIT);
      expect(Buffer.byteLength(body)).toBe(LIMIT);
      const res = await post(body);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    });

    it('refuses one byte more with 413 and PAYLOAD_TOO_LARGE, as GraphQL-shaped JSON', async () => {
      const res = await post(bodyOf(LIMIT + 1));
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body: Json = await res.json();
      expect(body).toEqual({
        errors: [
          {
            message: expect.any(String),
            extensions: { code: 'PAYLOAD_TOO_LARGE', requestId: expect.any(String) },
          },
        ],
      });
      expect(body.errors[0].message).not.toMatch(/\n\s+at /);
      // The gateway goes on serving.
      expect(expectData(await graphql(gateway.url, '{ __typename }'))).toEqual({
        __typename: 'Query',
      });
    });
  });

  describe('CORS_ORIGINS restricted to one origin', () => {
    const preflight = (origin: string) =>
      fetch(gateway.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });

    it('answers the preflight of the allowed origin', async () => {
      const res = await preflight(ALLOWED);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
      expect(res.headers.get('access-control-allow-headers')).toContain('content-type');
    });

    it('allows no other origin in the preflight, so a browser there never sends the POST', async () => {
      const res = await preflight(OTHER);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });

    it("lets the allowed origin read the real POST's response, varying by origin", async () => {
      const res = await post(JSON.stringify({ query: '{ __typename }' }), { origin: ALLOWED });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
    });

    it("does not let another origin read the real POST's response", async () => {
      const res = await post(JSON.stringify({ query: '{ __typename }' }), { origin: OTHER });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
    });

    // A simple request (no preflight: a form's content type, or a GET) would run in a browser
    // whatever CORS says: it is refused before it runs.
    it.each([
      ['a text/plain POST', { method: 'POST', 'content-type': 'text/plain' }],
      ['a form POST', { method: 'POST', 'content-type': 'application/x-www-form-urlencoded' }],
      ['a GET', { method: 'GET' }],
    ])('refuses %s from another site as a potential CSRF', async (_what, how) => {
      const { method, ...headers } = how as Record<string, string>;
      const query = encodeURIComponent('{ __typename }');
      const res = await fetch(method === 'GET' ? `${gateway.url}?query=${query}` : gateway.url, {
        method,
        headers: { origin: OTHER, ...headers },
        body: method === 'GET' ? undefined : JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.status).toBe(400);
      const body: Json = await res.json();
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/Cross-Site Request Forgery/),
          extensions: expect.objectContaining({ code: 'BAD_REQUEST' }),
        }),
      ]);
    });
  });
});
