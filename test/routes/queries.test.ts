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
  const RECOVERY = `query($region: Region, $from: Date, $to: Date) {
    routeRecovery(region: $region, from: $from, to: $to) {
      month activeRoutes weeklyFrequency suspendedRoutes weeklyCargoCapacityTonnes
    }
  }`;
  const recovery = async (variables: Record<string, unknown>) =>
    expectData(await routes.graphql<{ routeRecovery: Point[] }>(RECOVERY, variables)).routeRecovery;

  /** The first day of the month `delta` months from the month of `date` (YYYY-MM-DD). */
  const monthOf = (date: string, delta = 0) =>
    new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + delta, 1))
      .toISOString()
      .slice(0, 10);
  const today = () => new Date().toISOString().slice(0, 10);
  /** Consecutive months, `count` of them, ending with the month of `last`. */
  const monthsUpTo = (last: string, count: number) =>
    Array.from({ length: count }, (_, i) => monthOf(last, i - count + 1));

  it('follows a route through suspension and resumption, month by month', async () => {
    const series = await recovery({
      region: 'NORTH_AMERICA',
      from: '2023-01-01',
      to: '2023-12-31',
    });
    const point = (month: string, a: number, f: number, s: number, c: number): Point => ({
      month,
      activeRoutes: a,
      weeklyFrequency: f,
      suspendedRoutes: s,
      weeklyCargoCapacityTonnes: c,
    });
    // IAD (4/wk) opens mid-January, is suspended from 1 March, resumes 10 June; LAX (2/wk) is
    // suspended from 15 February for good (it still flew in February); SFO (3/wk) opens 20 April.
    expect(series.slice(0, 7)).toEqual([
      point('2023-01-01', 2, 6, 0, 100),
      point('2023-02-01', 2, 6, 0, 100),
      point('2023-03-01', 0, 0, 2, 0),
      point('2023-04-01', 1, 3, 2, 50),
      point('2023-05-01', 1, 3, 2, 50),
      point('2023-06-01', 2, 7, 1, 150),
      point('2023-07-01', 2, 7, 1, 150),
    ]);
    expect(series.map((p) => p.month)).toEqual(monthsUpTo('2023-12-01', 12));
    for (const p of series.slice(5)) expect(p).toEqual(point(p.month, 2, 7, 1, 150));
  });

  it('starts at the earliest opening across all regions, even when asked for earlier', async () => {
    const series = await recovery({ from: '2009-07-15', to: '2010-03-02' });
    // LH-FRA-PEK and LH-MUC-PEK both opened January 2010: no points before that.
    expect(series.map((p) => p.month)).toEqual(['2010-01-01', '2010-02-01', '2010-03-01']);
    expect(series[0]).toEqual({
      month: '2010-01-01',
      activeRoutes: 2,
      weeklyFrequency: 12,
      suspendedRoutes: 0,
      weeklyCargoCapacityTonnes: 650,
    });
    // Lufthansa's FRA route, suspended from 27 October 2024, still operated that month.
    const [oct, nov] = await recovery({ from: '2024-10-31', to: '2024-11-01' });
    expect([oct.month, nov.month]).toEqual(['2024-10-01', '2024-11-01']);
    expect(oct.activeRoutes - nov.activeRoutes).toBe(1);
    expect(nov.suspendedRoutes - oct.suspendedRoutes).toBe(1);
  });

  it('defaults to the 24 months up to the current one', async () => {
    const series = await recovery({ region: 'EUROPE' });
    expect(series.map((p) => p.month)).toEqual(monthsUpTo(today(), 24));
    const upTo = await recovery({ region: 'EUROPE', to: '2019-05-20' });
    expect(upTo.map((p) => p.month)).toEqual(monthsUpTo('2019-05-01', 24));
    const since = await recovery({ region: 'EUROPE', from: monthOf(today(), -5) });
    expect(since.map((p) => p.month)).toEqual(monthsUpTo(today(), 6));
  });

  it('serves 120 months and ends with the current month, not in the future', async () => {
    const ten = await recovery({ region: 'EUROPE', from: '2011-01-31', to: '2020-12-01' });
    expect(ten.map((p) => p.month)).toEqual(monthsUpTo('2020-12-01', 120));
    const ahead = await recovery({
      region: 'EUROPE',
      from: monthOf(today(), -1),
      to: monthOf(today(), 3),
    });
    expect(ahead.map((p) => p.month)).toEqual(monthsUpTo(today(), 2));
    expect(await recovery({ from: monthOf(today(), 2), to: monthOf(today(), 5) })).toEqual([]);
  });

  it('is empty for a region without routes', async () => {
    expect(await recovery({ region: 'OCEANIA' })).toEqual([]);
  });

  it.each([
    ['121 months', { from: '2011-01-01', to: '2021-01-31' }, 'to', /121 months: at most 120/],
    [
      'from after to',
      { from: '2023-05-02', to: '2023-05-01' },
      'to',
      /`from` \(2023-05-02\) is after `to` \(2023-05-01\)/,
    ],
    ['from far back, to left out', { from: '2001-01-01' }, 'from', /at most 120/],
    ['from in the future, to left out', { from: '2999-01-01' }, 'from', /is after `to` \(today/],
    ['a date that does not exist', { from: '2023-02-30' }, 'from', /not a calendar date/],
    ['a month without a day', { to: '2023-02' }, 'to', /not a calendar date/],
  ])(
    'refuses %s with BAD_USER_INPUT naming the argument',
    async (_name, variables, field, message) => {
      expectError(await routes.graphql(RECOVERY, variables), 'BAD_USER_INPUT', { field, message });
    },
  );
});
