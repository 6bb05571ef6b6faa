import { IncomingHttpHeaders, request } from 'node:http';
import { GatewayOptions, RunningGateway, startGateway } from '../../gateway/server';
import { AGENCY_NAMES } from '../../subgraphs/agencies';
import { committedSupergraph } from '../support/federation';
import { Json, UNREACHABLE_URL } from '../support/graphql';
import { TEST_GATEWAY_IDENTITY, tokenFor } from '../support/identities';
import { forgetRedisKeys, redisKeysOf, TEST_REDIS_URL, testRedisPrefix } from '../support/redis';

/**
 * Rate limits per caller at the gateway: an identity by its `sub`, an anonymous caller by its
 * address; over the limit 429 RATE_LIMITED with when to retry, while other callers are served;
 * one budget across replicas sharing Redis. `{ __typename }` is answered by the gateway alone.
 * The window is a minute, far longer than any of these tests: no assertion depends on timing.
 */
const LIMIT = 3;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Json;
}

/**
 * POSTs `{ __typename }` as a caller: with its token, if any, and from 127.0.0.2 instead of
 * 127.0.0.1 for another anonymous caller (node's own client: it binds a local address).
 */
function ask(
  gateway: RunningGateway,
  caller: { token?: string; otherAddress?: boolean } = {},
): Promise<Answer> {
  const payload = JSON.stringify({ query: '{ __typename }' });
  return new Promise((resolve, reject) => {
    const req = request(
      gateway.url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
        },
        ...(caller.otherAddress ? { localAddress: '127.0.0.2' } : {}),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function expectServed(answer: Answer, remaining: number): void {
  expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  expect(answer.status).toBe(200);
  expect(answer.headers['ratelimit-limit']).toBe(String(LIMIT));
  expect(answer.headers['ratelimit-remaining']).toBe(String(remaining));
}

function expectLimited(answer: Answer): void {
  expect(answer.status).toBe(429);
  expect(answer.body).toEqual({
    errors: [
      {
        message: expect.stringMatching(/limit is 3 a minute .*retry in \d+ s/),
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds: expect.any(Number),
          requestId: expect.any(String),
        },
      },
    ],
  });
  const retryAfter = answer.body.errors[0].extensions.retryAfterSeconds;
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(answer.headers['retry-after']).toBe(String(retryAfter));
}

describe.each([
  ['in this replica’s memory', false],
  ['in Redis', true],
])('rate limits %s', (_where, withRedis) => {
  const prefix = testRedisPrefix();
  const running: RunningGateway[] = [];
  afterAll(async () => {
    for (const gateway of running) await gateway.stop();
    if (withRedis) await forgetRedisKeys(prefix);
  });

  /** A gateway with budgets of its own, unless given the key prefix of another (a replica). */
  async function gateway(
    options: Partial<GatewayOptions> = {},
    keyPrefix = `${prefix}${running.length}:`,
  ): Promise<RunningGateway> {
    const started = await startGateway({
      supergraphSdl: committedSupergraph(),
      port: 0,
      subgraphUrls: Object.fromEntries(AGENCY_NAMES.map((a) => [a, UNREACHABLE_URL])),
      ...TEST_GATEWAY_IDENTITY,
      rateLimit: { perMinute: LIMIT },
      ...(withRedis ? { redis: { url: TEST_REDIS_URL, keyPrefix } } : {}),
      log: () => undefined,
      ...options,
    });
    running.push(started);
    return started;
  }

  it('refuses an identity over its limit with RATE_LIMITED and when to retry, serving another identity meanwhile', async () => {
    const limited = await gateway();
    const alice = tokenFor({ sub: `alice-${withRedis}`, scopes: [] });
    const bob = tokenFor({ sub: `bob-${withRedis}`, scopes: ['trade:read'] });

    for (let remaining = LIMIT - 1; remaining >= 0; remaining--) {
      expectServed(await ask(limited, { token: alice }), remaining);
    }
    expectLimited(await ask(limited, { token: alice }));
    // A new token of the same identity does not reset its budget.
    expectLimited(
      await ask(limited, { token: tokenFor({ sub: `alice-${withRedis}`, scopes: [] }) }),
    );

    expectServed(await ask(limited, { token: bob }), LIMIT - 1);
    // Anonymous callers spend their address's budget, not an identity's.
    expectServed(await ask(limited), LIMIT - 1);
  });

  it('counts anonymous callers by address', async () => {
    const limited = await gateway();
    for (let remaining = LIMIT - 1; remaining >= 0; remaining--) {
      expectServed(await ask(limited), remaining);
    }
    expectLimited(await ask(limited));
    expectServed(await ask(limited, { otherAddress: true }), LIMIT - 1);
  });

  it('limits nothing by default', async () => {
    const unlimited = await gateway({ rateLimit: undefined });
    for (let i = 0; i <= LIMIT; i++) {
      const answer = await ask(unlimited);
      expect(answer.body).toEqual({ data: { __typename: 'Query' } });
      expect(answer.headers['ratelimit-limit']).toBeUndefined();
    }
  });

  if (withRedis) {
    it('gives a caller one budget across two replicas sharing the Redis', async () => {
      const shared = `${prefix}replicas:`;
      const [a, b] = [await gateway({}, shared), await gateway({}, shared)];
      const carol = tokenFor({ sub: 'carol', scopes: [] });
      expectServed(await ask(a, { token: carol }), 2);
      expectServed(await ask(b, { token: carol }), 1);
      expectServed(await ask(a, { token: carol }), 0);
      expectLimited(await ask(b, { token: carol }));
      expectLimited(await ask(a, { token: carol }));
      // Kept under the configured prefix.
      expect((await redisKeysOf(prefix)).some((k) => k.includes('id:carol'))).toBe(true);
    });
  }
});
