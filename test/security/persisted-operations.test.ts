import { createHash } from 'node:crypto';
import { gatewayConfig } from '../../gateway/config';
import { DEFAULT_APQ_TTL_SECONDS } from '../../gateway/plugins/persisted-operations';
import { GatewayOptions, RunningGateway, startGateway } from '../../gateway/server';
import { parseManifest, PersistedOperation } from '../../gateway/persisted-operations/manifest';
import { AGENCY_NAMES } from '../../subgraphs/agencies';
import { committedSupergraph } from '../support/federation';
import { Json, UNREACHABLE_URL } from '../support/graphql';
import {
  forgetRedisKeys,
  redisKeysOf,
  redisTtlOf,
  TEST_REDIS_URL,
  REDIS_AVAILABLE,
  testRedisPrefix,
} from '../support/redis';

/**
 * Persisted operations at the gateway: automatic persisted queries (Apollo's protocol), a
 * manifest's operations run by id, and the safelist that lets only them run; in this replica's
 * memory and in the Redis replicas share. The documents are answered by the gateway alone
 * (`__typename`), so its subgraphs need not run.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A manifest as Apollo's generator writes it: ids are hashes there, any string here. */
const LISTED: PersistedOperation[] = [
  { id: 'typename-v1', name: 'Typename', type: 'query', body: 'query Typename { __typename }' },
  {
    id: sha256('query QueryType { __schema { queryType { name } } }'),
    name: 'QueryType',
    type: 'query',
    body: 'query QueryType { __schema { queryType { name } } }',
  },
];
const UNLISTED = 'query Aliased { t: __typename }';

interface Answer {
  status: number;
  body: Json;
}

async function send(
  gateway: RunningGateway,
  request: { query?: string; hash?: string; operationName?: string },
): Promise<Answer> {
  const body: Record<string, unknown> = {};
  if (request.query !== undefined) body.query = request.query;
  if (request.hash !== undefined) {
    body.extensions = { persistedQuery: { version: 1, sha256Hash: request.hash } };
  }
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const codesOf = (answer: Answer) =>
  (answer.body.errors ?? []).map((e: Json) => e.extensions?.code as string);

function expectData(answer: Answer, data: Json): void {
  expect(answer.body).toEqual({ data });
  expect(answer.status).toBe(200);
}

const stores: [string, boolean][] = [['in this replica’s memory', false]];
if (REDIS_AVAILABLE) stores.push(['in Redis', true]);
else it.skip('persisted operations in Redis (no Redis at TEST_REDIS_URL in this run)', () => {});

describe.each(stores)('persisted operations %s', (_where, withRedis) => {
  const prefix = testRedisPrefix();
  const running: RunningGateway[] = [];
  afterAll(async () => {
    for (const gateway of running) await gateway.stop();
    if (withRedis) await forgetRedisKeys(prefix);
  });

  async function gateway(options: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
    const started = await startGateway({
      supergraphSdl: committedSupergraph(),
      port: 0,
      subgraphUrls: Object.fromEntries(AGENCY_NAMES.map((a) => [a, UNREACHABLE_URL])),
      ...(withRedis ? { redis: { url: TEST_REDIS_URL, keyPrefix: prefix } } : {}),
      log: () => undefined,
      ...options,
    });
    running.push(started);
    return started;
  }

  describe('automatic persisted queries', () => {
    let open: RunningGateway;
    beforeAll(async () => {
      open = await gateway();
    });

    it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, then runs it by hash once registered', async () => {
      const query = `query Fresh${withRedis ? 'Redis' : 'Memory'} { __typename }`;
      const hash = sha256(query);

      expect(codesOf(await send(open, { hash }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expectData(await send(open, { query, hash }), { __typename: 'Query' });
      expectData(await send(open, { hash }), { __typename: 'Query' });
    });

    it('refuses a body whose hash is not the one sent, and keeps nothing under that hash', async () => {
      const hash = sha256('query Other { __typename }');
      const answer = await send(open, { query: 'query Mine { __typename }', hash });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].message).toMatch(/does not match/);
      expect(codesOf(await send(open, { hash }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    });

    it('runs a manifest operation by its id with no registration', async () => {
      const listing = await gateway({ persistedOperations: { operations: LISTED } });
      expectData(await send(listing, { hash: 'typename-v1' }), { __typename: 'Query' });
      // Anything else still runs: the safelist is off.
      expectData(await send(listing, { query: UNLISTED }), { t: 'Query' });
    });

    it('answers PERSISTED_QUERY_NOT_SUPPORTED when APQ is off and no manifest is given', async () => {
      const off = await gateway({ persistedOperations: { apq: false } });
      const query = 'query Off { __typename }';
      expect(codesOf(await send(off, { query, hash: sha256(query) }))).toEqual([
        'PERSISTED_QUERY_NOT_SUPPORTED',
      ]);
      expectData(await send(off, { query }), { __typename: 'Query' });
    });

    if (withRedis) {
      it('finds a body registered through one replica at another sharing the Redis', async () => {
        const other = await gateway();
        const query = 'query Shared { __typename }';
        const hash = sha256(query);
        expectData(await send(open, { query, hash }), { __typename: 'Query' });
        expectData(await send(other, { hash }), { __typename: 'Query' });
        // Under the configured prefix, with the TTL it was given.
        expect(await redisKeysOf(prefix)).toContain(`${prefix}apq:${hash}`);
        const ttl = await redisTtlOf(`${prefix}apq:${hash}`);
        expect(ttl).toBeGreaterThan(DEFAULT_APQ_TTL_SECONDS - 600);
        expect(ttl).toBeLessThanOrEqual(DEFAULT_APQ_TTL_SECONDS);
      });
    }
  });

  describe('SAFELIST=enforce', () => {
    let enforcing: RunningGateway;
    beforeAll(async () => {
      enforcing = await gateway({
        persistedOperations: { operations: LISTED, safelist: 'enforce' },
      });
    });

    it('refuses an unlisted operation with QUERY_NOT_IN_SAFELIST, before running it', async () => {
      const answer = await send(enforcing, { query: UNLISTED });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        errors: [
          {
            message: expect.stringContaining('SAFELIST=enforce'),
            extensions: { code: 'QUERY_NOT_IN_SAFELIST', requestId: expect.any(String) },
          },
        ],
      });
    });

    it('runs a listed operation sent by id, as its body, or reformatted', async () => {
      expectData(await send(enforcing, { hash: 'typename-v1' }), { __typename: 'Query' });
      expectData(await send(enforcing, { query: LISTED[0].body }), { __typename: 'Query' });
      expectData(await send(enforcing, { query: 'query  Typename {\n  __typename\n}\n# why' }), {
        __typename: 'Query',
      });
      expectData(await send(enforcing, { hash: LISTED[1].id }), {
        __schema: { queryType: { name: 'Query' } },
      });
    });

    it('does not let automatic persisted queries register an unlisted operation', async () => {
      const hash = sha256(UNLISTED);
      expect(codesOf(await send(enforcing, { query: UNLISTED, hash }))).toEqual([
        'QUERY_NOT_IN_SAFELIST',
      ]);
      expect(codesOf(await send(enforcing, { hash }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    });

    it('registers a listed operation sent by hash, as APQ clients do', async () => {
      const reformatted = 'query Typename{__typename}';
      const hash = sha256(reformatted);
      expectData(await send(enforcing, { query: reformatted, hash }), { __typename: 'Query' });
      expectData(await send(enforcing, { hash }), { __typename: 'Query' });
    });

    if (withRedis) {
      it('does not run an unlisted body another replica put in the shared Redis', async () => {
        const lax = await gateway();
        const query = 'query Sneaky { sneaky: __typename }';
        const hash = sha256(query);
        expectData(await send(lax, { query, hash }), { sneaky: 'Query' });
        expect(codesOf(await send(enforcing, { hash }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      });
    }
  });
});

describe('the persisted-query manifest', () => {
  const manifest = (operations: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations, ...extra });

  it('reads the operations of a manifest in Apollo’s format', () => {
    expect(parseManifest(manifest(LISTED), 'm.json')).toEqual(LISTED);
  });

  it.each([
    ['not JSON', '{', /m\.json: not JSON/],
    ['another format', manifest([], { format: 'other' }), /expected \{ "format"/],
    ['an operation without an id', manifest([{ ...LISTED[0], id: '' }]), /operation 0 .* no id/],
    ['a body that is not GraphQL', manifest([{ ...LISTED[0], body: '{' }]), /not GraphQL/],
    ['an id listed twice', manifest([LISTED[0], LISTED[0]]), /typename-v1 is listed twice/],
    ['an unknown type', manifest([{ ...LISTED[0], type: 'read' }]), /type must be/],
  ])('refuses %s, naming the file and the operation', (_case, text, message) => {
    expect(() => parseManifest(text, 'm.json')).toThrow(message);
  });

  it('stops a gateway asked to enforce a safelist it was given no operations for', async () => {
    await expect(
      startGateway({
        supergraphSdl: committedSupergraph(),
        port: 0,
        subgraphUrls: Object.fromEntries(AGENCY_NAMES.map((a) => [a, UNREACHABLE_URL])),
        persistedOperations: { safelist: 'enforce' },
        log: () => undefined,
      }),
    ).rejects.toThrow(/PERSISTED_QUERIES_MANIFEST/);
  });
});

describe('the settings', () => {
  const config = (env: NodeJS.ProcessEnv) => gatewayConfig([], env, 'unused');

  it('keep persisted queries in memory with APQ on, the safelist off and no rate limit by default', () => {
    const { redis, persistedOperations, rateLimit } = config({});
    expect(redis).toBeUndefined();
    expect(persistedOperations).toEqual({
      manifestFile: undefined,
      safelist: 'off',
      apq: true,
      apqTtlSeconds: DEFAULT_APQ_TTL_SECONDS,
    });
    expect(rateLimit).toEqual({ perMinute: 0 });
  });

  it('limit rates by default in production, and read every variable', () => {
    expect(config({ NODE_ENV: 'production' }).rateLimit).toEqual({ perMinute: 600 });
    const set = config({
      REDIS_URL: 'redis://cache:6379/0',
      REDIS_KEY_PREFIX: 'pek:',
      APQ: 'false',
      APQ_TTL_SECONDS: '60',
      PERSISTED_QUERIES_MANIFEST: 'ops.json',
      SAFELIST: 'enforce',
      RATE_LIMIT_PER_MINUTE: '120',
    });
    expect(set.redis).toEqual({ url: 'redis://cache:6379/0', keyPrefix: 'pek:' });
    expect(set.persistedOperations).toEqual({
      manifestFile: 'ops.json',
      safelist: 'enforce',
      apq: false,
      apqTtlSeconds: 60,
    });
    expect(set.rateLimit).toEqual({ perMinute: 120 });
  });

  it.each([
    [{ SAFELIST: 'on' }, /SAFELIST must be one of off, enforce/],
    [{ APQ: 'yes' }, /APQ must be true or false/],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, /RATE_LIMIT_PER_MINUTE must be a whole number/],
    [{ APQ_TTL_SECONDS: '0' }, /APQ_TTL_SECONDS must be a whole number/],
  ])('refuse %p, saying what is expected', (env, message) => {
    expect(() => config(env)).toThrow(message);
  });
});
