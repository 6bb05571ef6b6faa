import { routesSubgraph } from '../../subgraphs/routes';
import { expectData, expectError } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { DIRECT_AWB, insertFixtures } from './fixtures';
import {
  ASSIGN_LEG,
  CREATE_ROUTE,
  ROUTE_QUERY,
  SCHEDULE_FLIGHT,
  SET_ROUTE_STATUS,
} from './operations';

/**
 * The routes subgraph alone, its gateway unreachable (nothing listens on port 9): the mutations
 * that need another agency's facts are refused with DEPENDENCY_UNAVAILABLE and write nothing;
 * those that need none still work. (A retry of a call that committed while the gateway was up is
 * answered without it: test/e2e/retry-gateway-down.test.ts, with the real federation.)
 */

let routes: SubgraphUnderTest;

beforeAll(async () => {
  routes = await startSubgraphUnderTest(routesSubgraph, { fixtures: insertFixtures });
});

afterAll(() => routes?.stop());

/** Every row the mutations could have written. */
async function writes() {
  const [counts] = await routes.db.query(
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
  const res = await routes.graphql(query, { input });
  expectError(res, 'DEPENDENCY_UNAVAILABLE', { message: /gateway did not answer/ });
  expect(res.data ?? null).toBeNull();
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
    const res = await routes.graphql<{ setRouteStatus: { status: string; version: number } }>(
      SET_ROUTE_STATUS,
      { input: { routeId: 'CA-PEK-FRA', status: 'SUSPENDED', effectiveOn: '2025-04-01' } },
    );
    expect(expectData(res).setRouteStatus).toMatchObject({ status: 'SUSPENDED', version: 2 });
    const read = await routes.graphql<{ route: { history: unknown[] } }>(ROUTE_QUERY, {
      id: 'CA-PEK-FRA',
    });
    expect(read.data?.route.history).toHaveLength(1);
  });
});
