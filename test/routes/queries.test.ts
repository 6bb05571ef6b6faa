import { routesSubgraph } from '../../subgraphs/routes';
import { expectData, expectError } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { insertFixtures, ROUTES } from './fixtures';

let routes: SubgraphUnderTest;

beforeAll(async () => {
  routes = await startSubgraphUnderTest(routesSubgraph, { fixtures: insertFixtures });
});

afterAll(() => routes?.stop());

/** Route ids in the server's collation order (the order of the `routes` list). */
const sortedIds = async (rows: typeof ROUTES) =>
  (
    await routes.db.query<{ id: string }>(
      'SELECT id FROM unnest($1::text[]) AS t(id) ORDER BY id',
      [rows.map((r) => r[0])],
    )
  ).map((r) => r.id);

describe('airline', () => {
  it('returns an airline by designator', async () => {
    const data = expectData(
      await routes.graphql<{ airline: unknown }>(
        '{ airline(iataCode: "QR") { iataCode icaoCode name countryCode awbPrefix } }',
      ),
    );
    expect(data.airline).toEqual({
      iataCode: 'QR',
      icaoCode: 'QTR',
      name: 'Qatar Airways',
      countryCode: 'QA',
      awbPrefix: '157',
    });
  });

  it('keeps nullable fields null', async () => {
    const data = expectData(
      await routes.graphql<{ airline: unknown }>(
        '{ airline(iataCode: "HO") { icaoCode awbPrefix } }',
      ),
    );
    expect(data.airline).toEqual({ icaoCode: null, awbPrefix: null });
  });

  it('answers null for an unknown designator', async () => {
    const data = expectData(
      await routes.graphql<{ airline: unknown }>('{ airline(iataCode: "ZZ") { name } }'),
    );
    expect(data.airline).toBeNull();
  });

  it('rejects a malformed designator naming the argument', async () => {
    const err = expectError(
      await routes.graphql('{ airline(iataCode: "air china") { name } }'),
      'BAD_USER_INPUT',
    );
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'iataCode' });
  });
});

describe('route', () => {
  it('returns a suspended-then-resumed route with its airline and airports', async () => {
    const data = expectData(
      await routes.graphql<{ route: unknown }>(`{
      route(id: "CA-PEK-IAD") {
        id airline { iataCode name } origin { iataCode } destination { iataCode }
        region status weeklyFrequency weeklyCargoCapacityTonnes openedOn suspendedOn resumedOn
      }
    }`),
    );
    expect(data.route).toEqual({
      id: 'CA-PEK-IAD',
      airline: { iataCode: 'CA', name: 'Air China' },
      origin: { iataCode: 'PEK' },
      destination: { iataCode: 'IAD' },
      region: 'NORTH_AMERICA',
      status: 'RESUMED',
      weeklyFrequency: 4,
      weeklyCargoCapacityTonnes: 100,
      openedOn: '2023-01-15',
      suspendedOn: '2023-03-01',
      resumedOn: '2023-06-10',
    });
  });

  it('answers null for an unknown id and rejects a malformed one', async () => {
    const data = expectData(
      await routes.graphql<{ route: unknown }>('{ route(id: "XX-AAA-BBB") { id } }'),
    );
    expect(data.route).toBeNull();
    const err = expectError(
      await routes.graphql('{ route(id: "CA PEK FRA") { id } }'),
      'BAD_USER_INPUT',
    );
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('lists the flights of a date range in date order', async () => {
    const data = expectData(
      await routes.graphql<{ route: { flights: unknown[]; lastYear: unknown[] } }>(`{
      route(id: "CA-PEK-FRA") {
        flights(from: "2025-03-02", to: "2025-03-04") { number date status }
        lastYear: flights(from: "2024-01-01", to: "2024-12-31") { date }
      }
    }`),
    );
    expect(data.route.flights).toEqual([
      { number: 'CA931', date: '2025-03-02', status: 'ARRIVED' },
      { number: 'CA931', date: '2025-03-03', status: 'CANCELLED' },
      { number: 'CA931', date: '2025-03-04', status: 'DEPARTED' },
    ]);
    expect(data.route.lastYear).toEqual([{ date: '2024-03-01' }]);
  });

  it('rejects a reversed, too long or invalid flight date range', async () => {
    const q =
      'query($f: Date!, $t: Date!) { route(id: "CA-PEK-FRA") { flights(from: $f, to: $t) { date } } }';
    const reversed = expectError(
      await routes.graphql(q, { f: '2025-03-05', t: '2025-03-01' }),
      'BAD_USER_INPUT',
    );
    expect(reversed.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
    const tooLong = expectError(
      await routes.graphql(q, { f: '2024-01-01', t: '2025-01-01' }),
      'BAD_USER_INPUT',
    );
    expect(tooLong.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(tooLong.message).toMatch(/367 days/);
    const invalid = expectError(
      await routes.graphql(q, { f: '2025-02-30', t: '2025-03-01' }),
      'BAD_USER_INPUT',
    );
    expect(invalid.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'from' });
    // A whole leap year is within bounds.
    const ok = await routes.graphql(q, { f: '2024-01-01', t: '2024-12-31' });
    expectData(ok);
  });
});

describe('flight', () => {
  it('returns a flight by number and date with its times and route', async () => {
    const data = expectData(
      await routes.graphql<{ flight: unknown }>(`{
      flight(number: "QR818", date: "2025-03-02") {
        number date status scheduledDeparture scheduledArrival actualDeparture actualArrival
        route { id origin { iataCode } destination { iataCode } }
      }
    }`),
    );
    expect(data.flight).toEqual({
      number: 'QR818',
      date: '2025-03-02',
      status: 'DIVERTED',
      scheduledDeparture: '2025-03-02T01:00:00.000Z',
      scheduledArrival: '2025-03-02T11:00:00.000Z',
      actualDeparture: '2025-03-02T01:15:00.000Z',
      actualArrival: '2025-03-02T11:05:00.000Z',
      route: { id: 'QR-DOH-PKX', origin: { iataCode: 'DOH' }, destination: { iataCode: 'PKX' } },
    });
  });

  it('keeps actual times null for a flight not yet departed', async () => {
    const data = expectData(
      await routes.graphql<{ flight: unknown }>(
        '{ flight(number: "CA931", date: "2025-03-05") { status actualDeparture actualArrival } }',
      ),
    );
    expect(data.flight).toEqual({
      status: 'SCHEDULED',
      actualDeparture: null,
      actualArrival: null,
    });
  });

  it('answers null for a well-formed unknown flight', async () => {
    const data = expectData(
      await routes.graphql<{ flight: unknown }>(
        '{ flight(number: "CA931", date: "2030-01-01") { number } }',
      ),
    );
    expect(data.flight).toBeNull();
  });

  it('rejects a malformed flight number or date naming the argument', async () => {
    const number = expectError(
      await routes.graphql('{ flight(number: "CA-931", date: "2025-03-01") { date } }'),
      'BAD_USER_INPUT',
    );
    expect(number.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'number' });
    const literal = expectError(
      await routes.graphql('{ flight(number: "CA931", date: "2025-13-01") { date } }'),
      'BAD_USER_INPUT',
    );
    expect(literal.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'date' });
    const variable = expectError(
      await routes.graphql('query($d: Date!) { flight(number: "CA931", date: $d) { date } }', {
        d: '01/03/2025',
      }),
      'BAD_USER_INPUT',
    );
    expect(variable.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'date' });
  });
});

describe('routes', () => {
  type Page = {
    routes: {
      edges: { cursor: string; node: { id: string } }[];
      nodes: { id: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      totalCount: number;
    };
  };
  const PAGE = `query($first: Int, $after: String, $origin: ID, $destination: ID, $region: Region,
                      $status: RouteStatus, $airline: ID) {
    routes(first: $first, after: $after, origin: $origin, destination: $destination,
           region: $region, status: $status, airline: $airline) {
      edges { cursor node { id } } nodes { id } pageInfo { hasNextPage endCursor } totalCount
    }
  }`;
  const ids = async (vars: Record<string, unknown>) =>
    expectData(await routes.graphql<Page>(PAGE, { first: 1000, ...vars })).routes.nodes.map(
      (n) => n.id,
    );

  it('filters by origin, destination, region, status and airline', async () => {
    expect(await ids({ origin: 'PEK' })).toEqual(
      await sortedIds(ROUTES.filter((r) => r[2] === 'PEK')),
    );
    expect(await ids({ destination: 'PEK' })).toEqual(
      await sortedIds(ROUTES.filter((r) => r[3] === 'PEK')),
    );
    expect(await ids({ region: 'EUROPE', status: 'ACTIVE' })).toEqual([
      'CA-PEK-FRA',
      'CZ-PKX-AMS',
      'CZ-PKX-LHR',
      'LH-MUC-PEK',
    ]);
    expect(await ids({ airline: 'QR' })).toEqual(['QR-DOH-PKX', 'QR-SCL-DOH']);
    expect(await ids({ origin: 'PEK', region: 'NORTH_AMERICA', status: 'SUSPENDED' })).toEqual([
      'CA-PEK-LAX',
    ]);
    expect(await ids({ origin: 'ZZZ' })).toEqual([]);
  });

  it('counts the matching routes across pages', async () => {
    const data = expectData(
      await routes.graphql<Page>(PAGE, { first: 2, region: 'NORTH_AMERICA' }),
    );
    expect(data.routes.nodes).toHaveLength(2);
    expect(data.routes.totalCount).toBe(4);
  });

  it('pages through every route without duplicates or gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { routes: page }: Page = expectData(
        await routes.graphql<Page>(PAGE, { first: 4, after }),
      );
      pages++;
      expect(page.totalCount).toBe(ROUTES.length);
      expect(page.nodes).toEqual(page.edges.map((e) => e.node));
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.nodes).toHaveLength(4);
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(ROUTES.length / 4));
    expect(seen).toEqual(await sortedIds(ROUTES));
  });

  it('ends exactly at the last route and serves an empty page after it', async () => {
    const asia = expectData(await routes.graphql<Page>(PAGE, { region: 'ASIA', first: 15 }));
    expect(asia.routes.nodes).toHaveLength(15);
    expect(asia.routes.pageInfo.hasNextPage).toBe(false);
    const after = expectData(
      await routes.graphql<Page>(PAGE, {
        region: 'ASIA',
        after: asia.routes.pageInfo.endCursor,
      }),
    );
    expect(after.routes.nodes).toEqual([]);
    expect(after.routes.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('keeps its place when a route is inserted before the cursor', async () => {
    const first = expectData(await routes.graphql<Page>(PAGE, { region: 'ASIA', first: 5 }));
    expect(first.routes.nodes.map((n) => n.id)).toEqual(
      (await sortedIds(ROUTES.filter((r) => r[4] === 'ASIA'))).slice(0, 5),
    );
    await routes.db.query(
      `INSERT INTO routes.route (id, airline_iata, origin_iata, destination_iata, region, status, weekly_frequency)
       VALUES ('JD-PKX-AA0', 'JD', 'PKX', 'ABA', 'ASIA', 'PLANNED', 1)`,
    );
    try {
      const second = expectData(
        await routes.graphql<Page>(PAGE, {
          region: 'ASIA',
          first: 5,
          after: first.routes.pageInfo.endCursor,
        }),
      );
      expect(second.routes.nodes.map((n) => n.id)).toEqual(
        (await sortedIds(ROUTES.filter((r) => r[4] === 'ASIA'))).slice(5, 10),
      );
      expect(second.routes.totalCount).toBe(16);
    } finally {
      await routes.db.query(`DELETE FROM routes.route WHERE id = 'JD-PKX-AA0'`);
    }
  });

  it('rejects a bad cursor, page size or airport code naming the argument', async () => {
    const cursor = expectError(
      await routes.graphql(PAGE, { after: 'not-a-cursor' }),
      'BAD_USER_INPUT',
    );
    expect(cursor.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    const size = expectError(await routes.graphql(PAGE, { first: 1001 }), 'BAD_USER_INPUT');
    expect(size.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    const origin = expectError(await routes.graphql(PAGE, { origin: 'pek' }), 'BAD_USER_INPUT');
    expect(origin.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'origin' });
    const destination = expectError(
      await routes.graphql(PAGE, { destination: 'BEIJING' }),
      'BAD_USER_INPUT',
    );
    expect(destination.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'destination' });
    const airline = expectError(await routes.graphql(PAGE, { airline: 'CCA' }), 'BAD_USER_INPUT');
    expect(airline.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'airline' });
  });
});

describe('routeRecovery', () => {
  type Point = {
    month: string;
    activeRoutes: number;
    weeklyFrequency: number;
    suspendedRoutes: number;
    weeklyCargoCapacityTonnes: number;
  };
  const RECOVERY = `query($region: Region) {
    routeRecovery(region: $region) {
      month activeRoutes weeklyFrequency suspendedRoutes weeklyCargoCapacityTonnes
    }
  }`;

  /** The server's current month, `YYYY-MM`, which the series runs up to. */
  const currentMonth = async () =>
    (await routes.db.query<{ m: string }>(`SELECT to_char(current_date, 'YYYY-MM') AS m`))[0].m;

  it('follows a route through suspension and resumption, month by month', async () => {
    // Read within one month: a request that straddles the turn of a month is made again.
    let month = await currentMonth();
    let routeRecovery: Point[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      routeRecovery = expectData(
        await routes.graphql<{ routeRecovery: Point[] }>(RECOVERY, { region: 'NORTH_AMERICA' }),
      ).routeRecovery;
      const after = await currentMonth();
      if (after === month) break;
      month = after;
    }
    const point = (month: string, a: number, f: number, s: number, c: number): Point => ({
      month,
      activeRoutes: a,
      weeklyFrequency: f,
      suspendedRoutes: s,
      weeklyCargoCapacityTonnes: c,
    });
    // IAD (4/wk) opens mid-January, is suspended from 1 March, resumes 10 June; LAX (2/wk) is
    // suspended from 15 February for good (it still flew in February); SFO (3/wk) opens 20 April.
    expect(routeRecovery.slice(0, 7)).toEqual([
      point('2023-01-01', 2, 6, 0, 100),
      point('2023-02-01', 2, 6, 0, 100),
      point('2023-03-01', 0, 0, 2, 0),
      point('2023-04-01', 1, 3, 2, 50),
      point('2023-05-01', 1, 3, 2, 50),
      point('2023-06-01', 2, 7, 1, 150),
      point('2023-07-01', 2, 7, 1, 150),
    ]);
    // One point per month, up to and including the current month.
    expect(routeRecovery[routeRecovery.length - 1].month).toBe(`${month}-01`);
    routeRecovery.forEach((p, i) => {
      const y = 2023 + Math.floor(i / 12);
      const m = String((i % 12) + 1).padStart(2, '0');
      expect(p.month).toBe(`${y}-${m}-01`);
      if (i >= 5) expect(p).toEqual(point(p.month, 2, 7, 1, 150));
    });
  });

  it('starts at the earliest opening across all regions', async () => {
    const { routeRecovery } = expectData(
      await routes.graphql<{ routeRecovery: Point[] }>(RECOVERY),
    );
    // LH-FRA-PEK and LH-MUC-PEK both opened January 2010.
    expect(routeRecovery[0]).toEqual({
      month: '2010-01-01',
      activeRoutes: 2,
      weeklyFrequency: 12,
      suspendedRoutes: 0,
      weeklyCargoCapacityTonnes: 650,
    });
    // Lufthansa's FRA route, suspended from 27 October 2024, still operated that month.
    const oct = routeRecovery.find((p) => p.month === '2024-10-01')!;
    const nov = routeRecovery.find((p) => p.month === '2024-11-01')!;
    expect(oct.activeRoutes - nov.activeRoutes).toBe(1);
    expect(nov.suspendedRoutes - oct.suspendedRoutes).toBe(1);
  });

  it('is empty for a region without routes', async () => {
    const data = expectData(
      await routes.graphql<{ routeRecovery: Point[] }>(RECOVERY, { region: 'OCEANIA' }),
    );
    expect(data.routeRecovery).toEqual([]);
  });
});
