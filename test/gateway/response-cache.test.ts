import { RunningGateway, startGateway } from '../../gateway/server';
import { committedSupergraph, Federation, startFederation } from '../support/federation';
import { expectData, expectNoUrlInErrors, Json } from '../support/graphql';
import { TEST_GATEWAY_IDENTITY, tokenFor } from '../support/identities';
import {
  forgetRedisKeys,
  REDIS_AVAILABLE,
  redisKeysOf,
  TEST_REDIS_URL,
  testRedisPrefix,
} from '../support/redis';

/**
 * The gateway's response cache over the four real subgraphs and the demo world: public data
 * (airports, facilities, routes: every fetch `Cache-Control: public`) is answered again without a
 * subgraph's SQL; it is keyed by what field authorization lets a caller see, never shared across
 * access levels; private data is never kept; a mutation through the gateway invalidates it, for
 * every replica sharing Redis. No assertion depends on timing: the entries' maxAge is 60 s.
 */

const PUBLIC_QUERY = `query Airport($iataCode: ID!) {
  airport(iataCode: $iataCode) {
    iataCode name city isBeijingHub
    facilities { id kind name status annualCapacityTonnes }
    routes { id region status weeklyFrequency airline { name } origin { iataCode } destination { iataCode } }
  }
}`;

const SET_FACILITY_STATUS = `mutation($input: SetFacilityStatusInput!) {
  setFacilityStatus(input: $input) { id status }
}`;

const WRITER = { sub: 'airport-writer', scopes: ['airports:write'] };

interface Answer {
  status: number;
  headers: Headers;
  body: Json;
}

/** POSTs an operation and keeps the response's headers (the cache speaks through them). */
async function ask(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Json;
  expectNoUrlInErrors(url, body);
  return { status: res.status, headers: res.headers, body };
}

/** A facility of a Beijing hub that can move one step on, and the move. */
async function nextStepOfSomeFacility(
  fed: Federation,
): Promise<{ airport: string; id: string; input: Record<string, unknown>; next: string }> {
  for (const airport of ['PKX', 'PEK']) {
    const { airport: found } = expectData(
      await fed.graphql(`query($a: ID!) { airport(iataCode: $a) { facilities { id status } } }`, {
        a: airport,
      }),
    );
    for (const f of found.facilities as { id: string; status: string }[]) {
      if (f.status === 'PLANNED') {
        return {
          airport,
          id: f.id,
          next: 'UNDER_CONSTRUCTION',
          input: { id: f.id, status: 'UNDER_CONSTRUCTION' },
        };
      }
      if (f.status === 'UNDER_CONSTRUCTION') {
        return {
          airport,
          id: f.id,
          next: 'OPERATIONAL',
          input: { id: f.id, status: 'OPERATIONAL', commissionedOn: '2026-01-01' },
        };
      }
    }
  }
  throw new Error('the demo world has no facility that is not yet operational');
}

const statusOf = (answer: Answer, id: string) =>
  (answer.body.data.airport.facilities as { id: string; status: string }[]).find((f) => f.id === id)
    ?.status;

describe('the response cache in the gateway’s memory (the default)', () => {
  let fed: Federation;
  beforeAll(async () => {
    fed = await startFederation();
  });
  afterAll(() => fed?.stop());

  const url = () => fed.gateway.url;

  it('answers a public query again from the cache, without any subgraph SQL', async () => {
    const anonymous = () => ask(url(), PUBLIC_QUERY, { iataCode: 'PEK' }, null);
    const first = await fed.statementsOf(anonymous);
    expect(first.result.headers.get('x-cache')).toBe('MISS');
    expect(first.statements).toBeGreaterThan(0);
    expect(first.result.headers.get('cache-control')).toBe('max-age=60, public');
    const data = expectData(first.result.body);
    expect(data.airport.facilities.length).toBeGreaterThan(0);
    expect(data.airport.routes.length).toBeGreaterThan(0);

    const again = await fed.statementsOf(anonymous);
    expect(again.statements).toBe(0);
    expect(again.result.headers.get('x-cache')).toBe('HIT');
    expect(Number(again.result.headers.get('age'))).toBeGreaterThanOrEqual(0);
    expect(again.result.body).toEqual(first.result.body);

    // Other variables are another entry.
    const other = await fed.statementsOf(() => ask(url(), PUBLIC_QUERY, { iataCode: 'PKX' }, null));
    expect(other.result.headers.get('x-cache')).toBe('MISS');
    expect(other.statements).toBeGreaterThan(0);
  });

  it('keys entries by access (authenticated or not, and scopes), never by token or subject', async () => {
    const variables = { iataCode: 'PKX' };
    // Anonymous is cached by the previous test or here; each other access level misses first.
    await ask(url(), PUBLIC_QUERY, variables, null);
    const officer = tokenFor({ sub: 'officer-a', scopes: ['trade:read', 'audit:read'] });
    const first = await fed.statementsOf(() => ask(url(), PUBLIC_QUERY, variables, officer));
    expect(first.result.headers.get('x-cache')).toBe('MISS');
    expect(first.statements).toBeGreaterThan(0);

    // Another officer with the same scopes, in another order: the same entry.
    const colleague = tokenFor({ sub: 'officer-b', scopes: ['audit:read', 'trade:read'] });
    const shared = await fed.statementsOf(() => ask(url(), PUBLIC_QUERY, variables, colleague));
    expect(shared.result.headers.get('x-cache')).toBe('HIT');
    expect(shared.statements).toBe(0);

    // Authenticated without a scope is not anonymous, and one scope less is another entry.
    for (const scopes of [[], ['trade:read']]) {
      const token = tokenFor({ sub: 'someone', scopes });
      const answer = await fed.statementsOf(() => ask(url(), PUBLIC_QUERY, variables, token));
      expect({ scopes, cache: answer.result.headers.get('x-cache') }).toEqual({
        scopes,
        cache: 'MISS',
      });
      expect(answer.statements).toBeGreaterThan(0);
    }
  });

  it('never caches a response whose fields the authorization filter removed for the caller', async () => {
    // `shipment` is @authenticated: removed for an anonymous caller, who gets the airport.
    const query = `query($a: ID!) { airport(iataCode: $a) { name } shipment(awb: "999-31415926") { awb } }`;
    for (let i = 0; i < 2; i++) {
      const answer = await fed.statementsOf(() => ask(url(), query, { a: 'PEK' }, null));
      expect(answer.result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
      expect(answer.result.body.data).toEqual({
        airport: { name: expect.any(String) },
        shipment: null,
      });
      expect(answer.statements).toBeGreaterThan(0);
      expect(answer.result.headers.get('x-cache')).toBe('MISS');
    }
  });

  it('never caches private data, alone or beside public data', async () => {
    const { shipments } = expectData(
      await fed.graphql(`{ shipments(first: 1) { nodes { awb } } }`),
    );
    const awb = shipments.nodes[0].awb as string;
    const officer = tokenFor({ sub: 'officer-c', scopes: ['trade:read'] });
    const queries = [
      `query($awb: ID!) { shipment(awb: $awb) { awb manifest { pieces } arrival { arrivedAt } } }`,
      // Public fields with a customs part: customs gives no cache hint, so nothing is kept.
      `query($awb: ID!) { airport(iataCode: "PKX") { name } shipment(awb: $awb) { awb } }`,
    ];
    for (const query of queries) {
      for (let i = 0; i < 2; i++) {
        const answer = await fed.statementsOf(() => ask(url(), query, { awb }, officer));
        expect(expectData(answer.result.body).shipment.awb).toBe(awb);
        expect(answer.result.headers.get('x-cache')).toBe('MISS');
        expect(answer.result.headers.get('cache-control')).toBe('no-store');
        expect(answer.statements).toBeGreaterThan(0);
      }
    }
  });

  it('is invalidated by a mutation through the gateway: the next read shows the write', async () => {
    const step = await nextStepOfSomeFacility(fed);
    const read = () => ask(url(), PUBLIC_QUERY, { iataCode: step.airport }, null);
    await read();
    const cached = await read();
    expect(cached.headers.get('x-cache')).toBe('HIT');
    const before = statusOf(cached, step.id);
    expect(before).not.toBe(step.next);

    const mutation = await ask(url(), SET_FACILITY_STATUS, { input: step.input }, tokenFor(WRITER));
    expect(expectData(mutation.body).setFacilityStatus).toEqual({ id: step.id, status: step.next });
    // The mutation's own answer is never a cached one.
    expect(mutation.headers.get('x-cache')).toBeNull();

    const after = await read();
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(statusOf(after, step.id)).toBe(step.next);
    expect((await read()).headers.get('x-cache')).toBe('HIT');
  });

  it('counts hits and misses in the metrics', async () => {
    const metrics = await (await fetch(url().replace(/\/graphql$/, '/metrics'))).text();
    const count = (result: string) =>
      Number(
        new RegExp(`tradegraph_gateway_response_cache_total\\{result="${result}"\\} (\\d+)`).exec(
          metrics,
        )?.[1] ?? 0,
      );
    expect(count('hit')).toBeGreaterThan(0);
    expect(count('miss')).toBeGreaterThan(0);
  });
});

describe('a gateway with the response cache off', () => {
  let fed: Federation;
  beforeAll(async () => {
    fed = await startFederation({ gateway: { responseCache: { enabled: false } } });
  });
  afterAll(() => fed?.stop());

  it('executes every query', async () => {
    for (let i = 0; i < 2; i++) {
      const answer = await fed.statementsOf(() =>
        ask(fed.gateway.url, PUBLIC_QUERY, { iataCode: 'PEK' }, null),
      );
      expect(answer.result.headers.get('x-cache')).toBeNull();
      expect(answer.statements).toBeGreaterThan(0);
    }
  });
});

(REDIS_AVAILABLE ? describe : describe.skip)('the response cache in Redis (REDIS_URL)', () => {
  const prefix = testRedisPrefix();
  let fed: Federation;
  const replicas: RunningGateway[] = [];
  beforeAll(async () => {
    fed = await startFederation();
    // Two replicas over the federation's subgraphs, sharing one Redis under the test's prefix.
    const subgraphUrls = Object.fromEntries(fed.gateway.subgraphs().map((s) => [s.name, s.url]));
    for (let i = 0; i < 2; i++) {
      replicas.push(
        await startGateway({
          supergraphSdl: committedSupergraph(),
          subgraphUrls,
          ...TEST_GATEWAY_IDENTITY,
          redis: { url: TEST_REDIS_URL, keyPrefix: prefix },
          log: () => undefined,
        }),
      );
    }
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await fed?.stop();
    await forgetRedisKeys(prefix);
  });

  it('shares entries across replicas, under its key prefix', async () => {
    const [a, b] = replicas;
    const first = await fed.statementsOf(() => ask(a.url, PUBLIC_QUERY, { iataCode: 'PEK' }, null));
    expect(first.result.headers.get('x-cache')).toBe('MISS');
    const other = await fed.statementsOf(() => ask(b.url, PUBLIC_QUERY, { iataCode: 'PEK' }, null));
    expect(other.result.headers.get('x-cache')).toBe('HIT');
    expect(other.statements).toBe(0);
    expect(other.result.body).toEqual(first.result.body);
    const keys = await redisKeysOf(prefix);
    expect(keys.some((k) => k.startsWith(`${prefix}rc:fqc:`))).toBe(true);
  });

  it('is invalidated for every replica by a mutation through one', async () => {
    const [a, b] = replicas;
    const step = await nextStepOfSomeFacility(fed);
    const read = (via: RunningGateway) =>
      ask(via.url, PUBLIC_QUERY, { iataCode: step.airport }, null);
    await read(a);
    expect((await read(b)).headers.get('x-cache')).toBe('HIT');

    const mutation = await ask(a.url, SET_FACILITY_STATUS, { input: step.input }, tokenFor(WRITER));
    expect(expectData(mutation.body).setFacilityStatus.status).toBe(step.next);

    const after = await read(b);
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(statusOf(after, step.id)).toBe(step.next);
    expect(await redisKeysOf(prefix)).toContain(`${prefix}rc:generation`);
  });
});
