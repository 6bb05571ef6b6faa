import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database, RunningSubgraph, startSubgraph } from '../../subgraphs/kit';
import { routesSubgraph } from '../../subgraphs/routes';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { DIRECT_AWB, insertFixtures } from './fixtures';
import { postGraphQL } from '../../scripts/in-process-federation';
import {
  ASSIGN_LEG,
  CREATE_ROUTE,
  ROUTE_QUERY,
  SCHEDULE_FLIGHT,
  SET_ROUTE_STATUS,
} from './write-federation';

/**
 * The routes subgraph alone, its gateway unreachable (nothing listens on port 9): the mutations
 * that need another agency's facts are refused with DEPENDENCY_UNAVAILABLE and write nothing;
 * those that need none still work, and so does the retry of a call that committed while the
 * gateway was up (a stub answering the airports check).
 */

const GATEWAY_DOWN = 'http://127.0.0.1:9/graphql';

let testDb: TestDatabase;
let db: Database;
let server: RunningSubgraph;
let gatewayUrl = GATEWAY_DOWN;

/** A gateway that knows every airport (PEK and PKX are the hubs) and nothing else. */
function startAirportsStub(): Promise<{ server: Server; url: string; calls: () => number }> {
  let calls = 0;
  const stub = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      calls++;
      const { variables } = JSON.parse(body) as { variables: Record<string, string> };
      const airport = (iataCode: string) => ({
        iataCode,
        isBeijingHub: iataCode === 'PEK' || iataCode === 'PKX',
        timezone: 'Asia/Shanghai',
      });
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          data: { origin: airport(variables.origin), destination: airport(variables.destination) },
        }),
      );
    });
  });
  return new Promise((resolve) =>
    stub.listen(0, '127.0.0.1', () =>
      resolve({
        server: stub,
        url: `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`,
        calls: () => calls,
      }),
    ),
  );
}

beforeAll(async () => {
  testDb = await createTestDatabase(['routes']);
  db = new Database(testDb.url, { max: 4 });
  await insertFixtures(db);
  server = await startSubgraph(routesSubgraph, {
    db,
    port: 0,
    log: () => undefined,
    gatewayUrl: () => gatewayUrl,
  });
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
  await testDb?.drop();
});

/** Every row the mutations could have written. */
async function writes() {
  const [counts] = await db.query(
    `SELECT (SELECT count(*) FROM routes.route)::int AS routes,
            (SELECT count(*) FROM routes.flight)::int AS flights,
            (SELECT count(*) FROM routes.shipment_leg)::int AS legs,
            (SELECT count(*) FROM routes.status_change)::int AS history,
            (SELECT count(*) FROM routes.idempotency_key)::int AS keys`,
  );
  return counts;
}

async function refused(query: string, input: Record<string, unknown>) {
  const before = await writes();
  const res = await postGraphQL(server.url, query, { input });
  expect(res.data ?? null).toBeNull();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions?.code).toBe('DEPENDENCY_UNAVAILABLE');
  expect(res.errors![0].message).toMatch(/gateway did not answer/);
  expect(await writes()).toEqual(before);
}

describe('with the gateway unreachable', () => {
  it('refuses createRoute (airports unchecked) and writes nothing', async () => {
    await refused(CREATE_ROUTE, {
      airline: 'CA',
      origin: 'PEK',
      destination: 'MUC',
      region: 'EUROPE',
      status: 'PLANNED',
      weeklyFrequency: 3,
      weeklyCargoCapacityTonnes: 40,
      idempotencyKey: 'create-while-down',
    });
  });

  it('refuses assignShipmentLeg (customs register unchecked) and writes nothing', async () => {
    await refused(ASSIGN_LEG, {
      awb: DIRECT_AWB,
      flightNumber: 'CA931',
      flightDate: '2025-03-05',
      from: 'FRA',
      to: 'PEK',
    });
  });

  it('refuses scheduleFlight (origin time zone unknown) and writes nothing', async () => {
    await refused(SCHEDULE_FLIGHT, {
      routeId: 'CA-PEK-FRA',
      flightNumber: 'CA931',
      flightDate: '2025-03-06',
      scheduledDeparture: '2025-03-06T01:00:00Z',
      scheduledArrival: '2025-03-06T11:00:00Z',
    });
  });

  it('still changes a route’s status, which needs no other agency', async () => {
    const res = await postGraphQL<{ setRouteStatus: { status: string; version: number } }>(
      server.url,
      SET_ROUTE_STATUS,
      { input: { routeId: 'CA-PEK-FRA', status: 'SUSPENDED', effectiveOn: '2025-04-01' } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.setRouteStatus).toMatchObject({ status: 'SUSPENDED', version: 2 });
    const read = await postGraphQL<{ route: { history: unknown[] } }>(server.url, ROUTE_QUERY, {
      id: 'CA-PEK-FRA',
    });
    expect(read.data?.route.history).toHaveLength(1);
  });
});

describe('a retry whose first call committed', () => {
  it('gets the first result while the gateway is down, without asking it', async () => {
    const stub = await startAirportsStub();
    const input = {
      airline: 'CA',
      origin: 'PEK',
      destination: 'MAD',
      region: 'EUROPE',
      status: 'PLANNED',
      weeklyFrequency: 2,
      weeklyCargoCapacityTonnes: 30,
      idempotencyKey: 'create-then-down',
    };
    try {
      gatewayUrl = stub.url;
      const first = await postGraphQL<{ createRoute: { id: string } }>(server.url, CREATE_ROUTE, {
        input,
      });
      expect(first.errors).toBeUndefined();
      expect(first.data?.createRoute.id).toBe('CA-PEK-MAD');
      expect(stub.calls()).toBe(1);

      gatewayUrl = GATEWAY_DOWN;
      const before = await writes();
      const retry = await postGraphQL(server.url, CREATE_ROUTE, { input });
      expect(retry.errors).toBeUndefined();
      expect(retry.data).toEqual(first.data);
      expect(await writes()).toEqual(before);
      expect(stub.calls()).toBe(1);

      // The same input under a new key is a new request: it needs the gateway.
      await refused(CREATE_ROUTE, { ...input, idempotencyKey: 'create-then-down-2' });
    } finally {
      gatewayUrl = GATEWAY_DOWN;
      await new Promise((resolve) => stub.server.close(resolve));
    }
  });
});
