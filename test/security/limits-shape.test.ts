import { getIntrospectionQuery } from 'graphql';
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { checkOperationShape, shapeChecker } from '../../subgraphs/kit/operation-shape';
import { DEFAULT_REQUEST_LIMITS } from '../../gateway/plugins/operation-limits';
import { RunningGateway, startGateway } from '../../gateway/server';
import { AGENCY_NAMES } from '../../subgraphs/agencies';
import { airportsSubgraph } from '../../subgraphs/airports';
import { DEFAULT_SUBGRAPH_LIMITS } from '../../subgraphs/kit';
import { committedSupergraph } from '../support/federation';
import { expectData, graphql, Json, UNREACHABLE_URL } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';

/**
 * Bounded work per request: each shape limit refused with its own code before validation, at the
 * gateway and at a subgraph reached directly, while each goes on serving. The gateway answers
 * `{ __typename }` and refuses these documents by itself, so its subgraphs need not run.
 */

/** The attack of issue 7: one field repeated 50,000 times in a selection, 450 KB. */
const REPEATED_50K = `{ airports { ${'iataCode '.repeat(50_000)}} }`;

const nested = (levels: number) =>
  `{ airports { ${'facilities { airport { '.repeat(levels)}iataCode${' } }'.repeat(levels)} } }`;
const aliases = (n: number) =>
  `{ airports { ${Array.from({ length: n }, (_, i) => `a${i}: iataCode`).join(' ')} } }`;
const rootFields = (n: number) =>
  `{ ${Array.from({ length: n }, () => 'airports { iataCode }').join(' ')} }`;

interface Refused {
  status: number;
  body: Json;
}
async function post(url: string, query: string): Promise<Refused> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: await res.json() };
}

function expectRefused(res: Refused, code: string, limit: number): void {
  expect(res.status).toBe(400);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toEqual([
    {
      message: expect.stringMatching(new RegExp(`\\b${limit}\\b`)),
      extensions: expect.objectContaining({ code, limit }),
    },
  ]);
}

describe('shape limits at the gateway', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway({
      supergraphSdl: committedSupergraph(),
      port: 0,
      subgraphUrls: Object.fromEntries(AGENCY_NAMES.map((a) => [a, UNREACHABLE_URL])),
      introspection: true,
      log: () => undefined,
    });
  });
  afterAll(() => gateway?.stop());

  const stillServing = async () =>
    expect(expectData(await graphql(gateway.url, '{ __typename }'))).toEqual({
      __typename: 'Query',
    });

  it('refuses the 50,000-repeated-field request while parsing, with QUERY_TOO_MANY_TOKENS', async () => {
    expect(Buffer.byteLength(REPEATED_50K)).toBeGreaterThan(450_000);
    const res = await post(gateway.url, REPEATED_50K);
    expectRefused(res, 'QUERY_TOO_MANY_TOKENS', DEFAULT_REQUEST_LIMITS.maxTokens);
    expect(res.body.errors[0].extensions.requestId).toEqual(expect.any(String));
    await stillServing();
  });

  it('refuses a query nested deeper than MAX_DEPTH with QUERY_TOO_DEEP', async () => {
    // Each level of nested() is two fields; the outer airports and iataCode add two.
    const levels = Math.ceil((DEFAULT_REQUEST_LIMITS.maxDepth - 1) / 2);
    expectRefused(
      await post(gateway.url, nested(levels)),
      'QUERY_TOO_DEEP',
      DEFAULT_REQUEST_LIMITS.maxDepth,
    );
    await stillServing();
  });

  it('counts depth through fragments, and refuses a fragment that spreads itself', async () => {
    const viaFragments = `{ airports { ...A } } fragment A on Airport { facilities { ...F } }
      fragment F on Facility { airport { ${'facilities { airport { '.repeat(8)}iataCode${' } }'.repeat(8)} } }`;
    expectRefused(await post(gateway.url, viaFragments), 'QUERY_TOO_DEEP', 15);
    const cycle = '{ airports { ...A } } fragment A on Airport { facilities { airport { ...A } } }';
    expectRefused(await post(gateway.url, cycle), 'QUERY_TOO_DEEP', 15);
    await stillServing();
  });

  it('refuses an alias bomb with QUERY_TOO_MANY_ALIASES', async () => {
    expectRefused(
      await post(gateway.url, aliases(DEFAULT_REQUEST_LIMITS.maxAliases + 1)),
      'QUERY_TOO_MANY_ALIASES',
      DEFAULT_REQUEST_LIMITS.maxAliases,
    );
    await stillServing();
  });

  it('refuses more root fields than MAX_ROOT_FIELDS with QUERY_TOO_MANY_ROOT_FIELDS', async () => {
    expectRefused(
      await post(gateway.url, rootFields(DEFAULT_REQUEST_LIMITS.maxRootFields + 1)),
      'QUERY_TOO_MANY_ROOT_FIELDS',
      DEFAULT_REQUEST_LIMITS.maxRootFields,
    );
    await stillServing();
  });

  it('refuses a GET whose query is over a limit too', async () => {
    const query = encodeURIComponent(nested(20));
    const res = await fetch(`${gateway.url}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('admits the explorer introspection, the full picture and every query at its limit', async () => {
    const admitted = [
      getIntrospectionQuery(),
      FULL_PICTURE_QUERY,
      aliases(DEFAULT_REQUEST_LIMITS.maxAliases),
      rootFields(DEFAULT_REQUEST_LIMITS.maxRootFields),
    ];
    for (const query of admitted) {
      const res = await post(gateway.url, query);
      // Answered by GraphQL (data, or the subgraphs' absence): no limit's code.
      const codes = (res.body.errors ?? []).map((e: Json) => e.extensions?.code);
      expect({ query: query.slice(0, 40), codes }).toEqual({
        query: query.slice(0, 40),
        codes: expect.not.arrayContaining([expect.stringMatching(/^QUERY_TOO_/)]),
      });
    }
    expect((await post(gateway.url, getIntrospectionQuery())).body.data.__schema).toBeDefined();
  });

  it('leaves a document that is not GraphQL to the parser: GRAPHQL_PARSE_FAILED', async () => {
    const res = await post(gateway.url, '{ airports { ');
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('configured limits and introspection at the gateway', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway({
      supergraphSdl: committedSupergraph(),
      port: 0,
      subgraphUrls: Object.fromEntries(AGENCY_NAMES.map((a) => [a, UNREACHABLE_URL])),
      limits: { maxTokens: 20, maxBodyBytes: 200 },
      introspection: false,
      log: () => undefined,
    });
  });
  afterAll(() => gateway?.stop());

  it('applies MAX_TOKENS and MAX_BODY_BYTES as configured', async () => {
    expectRefused(await post(gateway.url, rootFields(6)), 'QUERY_TOO_MANY_TOKENS', 20);
    const big = await post(gateway.url, `{ __typename ${' '.repeat(300)}}`);
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(big.body.errors[0].message).toMatch(/200 bytes/);
    expect(expectData(await graphql(gateway.url, '{ __typename }'))).toEqual({
      __typename: 'Query',
    });
  });

  it('refuses introspection when it is off', async () => {
    const res = await post(gateway.url, '{ __schema { queryType { name } } }');
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors[0].message).toMatch(/introspection/i);
  });
});

describe('shape limits at a subgraph reached directly', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await startSubgraphUnderTest(airportsSubgraph, { fixtures: async () => undefined });
  });
  afterAll(() => subgraph?.stop());

  const stillServing = async () =>
    expect(expectData(await graphql(subgraph.url, '{ airports { iataCode } }'))).toEqual({
      airports: [],
    });

  it('refuses the 50,000-repeated-field request while parsing, with QUERY_TOO_MANY_TOKENS', async () => {
    const res = await post(subgraph.url, REPEATED_50K);
    expectRefused(res, 'QUERY_TOO_MANY_TOKENS', DEFAULT_SUBGRAPH_LIMITS.maxTokens);
    await stillServing();
  });

  it.each([
    ['QUERY_TOO_DEEP', nested(10), DEFAULT_SUBGRAPH_LIMITS.maxDepth],
    ['QUERY_TOO_MANY_ALIASES', aliases(201), DEFAULT_SUBGRAPH_LIMITS.maxAliases],
    ['QUERY_TOO_MANY_ROOT_FIELDS', rootFields(41), DEFAULT_SUBGRAPH_LIMITS.maxRootFields],
  ])('refuses %s', async (code, query, limit) => {
    expectRefused(await post(subgraph.url, query), code, limit);
    await stillServing();
  });

  it('refuses an oversized body with 413 PAYLOAD_TOO_LARGE as JSON, and malformed JSON as BAD_REQUEST', async () => {
    const body = JSON.stringify({
      query: '{ __typename }',
      variables: { pad: 'x'.repeat(DEFAULT_SUBGRAPH_LIMITS.maxBodyBytes) },
    });
    const res = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Json).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const malformed = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Json).errors[0].extensions.code).toBe('BAD_REQUEST');
    await stillServing();
  });
});

describe('the shape check', () => {
  const limits = { maxTokens: 1000, maxDepth: 3, maxAliases: 2, maxRootFields: 2 };
  const codeOf = (query: string) => {
    const check = checkOperationShape(query, limits);
    return check.ok ? 'ok' : 'refusal' in check ? check.refusal.code : 'syntax';
  };

  it('counts root fields through fragments, per operation', () => {
    expect(codeOf('{ a b }')).toBe('ok');
    expect(codeOf('{ a ...R } fragment R on Query { b c }')).toBe('QUERY_TOO_MANY_ROOT_FIELDS');
    expect(codeOf('{ a ... { b c } }')).toBe('QUERY_TOO_MANY_ROOT_FIELDS');
    // Two operations of two root fields each: each within the limit.
    expect(codeOf('query A { a b } query B { c d }')).toBe('ok');
  });

  it('counts aliases once per place they are written, fragments included', () => {
    expect(codeOf('{ a { x: b y: b } }')).toBe('ok');
    expect(codeOf('{ a { ...F } } fragment F on T { x: b y: b z: b }')).toBe(
      'QUERY_TOO_MANY_ALIASES',
    );
  });

  it('measures depth in fields, not in fragments or punctuation', () => {
    expect(codeOf('{ a { b { c } } }')).toBe('ok');
    expect(codeOf('{ a { ... on T { b { ... { c } } } } }')).toBe('ok');
    expect(codeOf('{ a { b { c { d } } } }')).toBe('QUERY_TOO_DEEP');
  });

  it('leaves what is not GraphQL to the parser, and stops parsing at maxTokens', () => {
    expect(codeOf('{ a ')).toBe('syntax');
    expect(codeOf(`{ ${'a '.repeat(1000)}}`)).toBe('QUERY_TOO_MANY_TOKENS');
  });
});

describe('the remembering shape check of a server', () => {
  it('parses an admitted document once, and checks a refused one every time', () => {
    const check = shapeChecker({ ...DEFAULT_REQUEST_LIMITS, maxDepth: 2 });
    const admitted = check('{ airports { iataCode } }');
    expect(admitted.ok).toBe(true);
    // The same parsed document again: no second parse on the hot path.
    expect(check('{ airports { iataCode } }')).toBe(admitted);
    const deep = '{ airports { facilities { id } } }';
    const refused = check(deep);
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'QUERY_TOO_DEEP' } });
    expect(check(deep)).not.toBe(refused);
    expect(check(deep)).toEqual(refused);
  });
});
