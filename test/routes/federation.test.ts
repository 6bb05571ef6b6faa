import { routesSubgraph } from '../../subgraphs/routes';
import { expectData, expectError } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import {
  BATCH_AWBS,
  DIRECT_AWB,
  FLIGHTS,
  insertFixtures,
  LEGS,
  ROUTES,
  TRANSSHIPMENT_AWB,
  UNKNOWN_PREFIX_AWB,
} from './fixtures';

let routes: SubgraphUnderTest;

beforeAll(async () => {
  routes = await startSubgraphUnderTest(routesSubgraph, { fixtures: insertFixtures });
});

afterAll(() => routes?.stop());

type Representation = { __typename: string } & Record<string, unknown>;

const ENTITIES = (selection: string) =>
  `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;

async function entities<T>(selection: string, representations: Representation[]) {
  const { result, statements } = await routes.statementsOf(() =>
    routes.graphql<{ _entities: T[] }>(ENTITIES(selection), { r: representations }),
  );
  return { entities: expectData(result)._entities, statements };
}

describe('_service', () => {
  it('publishes the contract’s entity keys and root fields', async () => {
    const { _service } = expectData(
      await routes.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }'),
    );
    const sdl = _service.sdl;
    expect(sdl).toMatch(/type Airline\s+@key\(fields: "iataCode"\)/);
    expect(sdl).toMatch(/type Route\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Flight\s+@key\(fields: "number date"\)/);
    expect(sdl).toMatch(/type Shipment\s+@key\(fields: "awb"\)/);
    expect(sdl).toMatch(/type Airport\s+@key\(fields: "iataCode"\)/);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9"');
    for (const enumName of ['Region', 'RouteStatus', 'FlightStatus']) {
      expect(sdl).toMatch(new RegExp(`enum ${enumName} \\{`));
    }
    const flat = sdl.replace(/"""[^]*?"""/g, '').replace(/\s+/g, ' ');
    expect(flat).toContain('airline( iataCode: ID! ): Airline');
    expect(flat).toContain('route( id: ID! ): Route');
    expect(flat).toContain(
      'routes( first: Int after: String last: Int before: String origin: ID destination: ID region: Region status: RouteStatus',
    );
    expect(flat).toContain('flight( number: String! date: Date! ): Flight');
    expect(flat).toContain(
      'routeRecovery( region: Region from: Date to: Date ): [RouteRecoveryPoint!]!',
    );
    expect(flat).toContain('flights( from: Date! to: Date! ): [Flight!]!');
    expect(flat).toContain('routes( status: RouteStatus region: Region ): [Route!]!');
    expect(flat).toContain('carrier: Airline!');
    expect(flat).toContain('legs: [ShipmentLeg!]!');
    expect(flat).toContain('isTransshipment: Boolean!');
  });
});

describe('Shipment entities', () => {
  const SHIPMENT = `... on Shipment {
    awb isTransshipment carrier { iataCode name }
    legs { sequence from { iataCode } to { iataCode } flight { number date route { id airline { iataCode } } } }
  }`;

  it('resolves carrier, ordered legs and transshipment from the AWB', async () => {
    const { entities: result } = await entities<unknown>(SHIPMENT, [
      { __typename: 'Shipment', awb: TRANSSHIPMENT_AWB },
      { __typename: 'Shipment', awb: DIRECT_AWB },
      { __typename: 'Shipment', awb: '999-00000011' },
    ]);
    expect(result).toEqual([
      {
        awb: TRANSSHIPMENT_AWB,
        isTransshipment: true,
        carrier: { iataCode: 'QR', name: 'Qatar Airways' },
        legs: [
          {
            sequence: 1,
            from: { iataCode: 'SCL' },
            to: { iataCode: 'DOH' },
            flight: {
              number: 'QR780',
              date: '2025-02-28',
              route: { id: 'QR-SCL-DOH', airline: { iataCode: 'QR' } },
            },
          },
          {
            sequence: 2,
            from: { iataCode: 'DOH' },
            to: { iataCode: 'PKX' },
            flight: {
              number: 'QR818',
              date: '2025-03-01',
              route: { id: 'QR-DOH-PKX', airline: { iataCode: 'QR' } },
            },
          },
        ],
      },
      {
        awb: DIRECT_AWB,
        isTransshipment: false,
        carrier: { iataCode: 'CA', name: 'Air China' },
        legs: [
          {
            sequence: 1,
            from: { iataCode: 'PEK' },
            to: { iataCode: 'FRA' },
            flight: {
              number: 'CA931',
              date: '2025-03-01',
              route: { id: 'CA-PEK-FRA', airline: { iataCode: 'CA' } },
            },
          },
        ],
      },
      // A shipment this agency has no flights for still has its carrier.
      {
        awb: '999-00000011',
        isTransshipment: false,
        carrier: { iataCode: 'CA', name: 'Air China' },
        legs: [],
      },
    ]);
  });

  it('accepts an AWB without the hyphen', async () => {
    const { entities: result } = await entities<unknown>(
      '... on Shipment { awb carrier { iataCode } legs { sequence } }',
      [{ __typename: 'Shipment', awb: TRANSSHIPMENT_AWB.replace('-', '') }],
    );
    expect(result).toEqual([
      {
        awb: TRANSSHIPMENT_AWB.replace('-', ''),
        carrier: { iataCode: 'QR' },
        legs: [{ sequence: 1 }, { sequence: 2 }],
      },
    ]);
  });

  it('reports a carrier that no airline matches as NOT_FOUND, not an internal error', async () => {
    const res = await routes.graphql<{ _entities: unknown[] }>(
      ENTITIES('... on Shipment { awb carrier { name } }'),
      {
        r: [
          { __typename: 'Shipment', awb: UNKNOWN_PREFIX_AWB },
          { __typename: 'Shipment', awb: DIRECT_AWB },
        ],
      },
    );
    expectError(res, 'NOT_FOUND', { path: ['_entities', 0, 'carrier'] });
    expect(res.data?._entities).toEqual([
      null,
      { awb: DIRECT_AWB, carrier: { name: 'Air China' } },
    ]);
  });

  it('costs one statement per field whether 2 or 20 shipments are asked for', async () => {
    const reps = (awbs: string[]) => awbs.map((awb) => ({ __typename: 'Shipment', awb }));
    const two = await entities<{ legs: unknown[] }>(SHIPMENT, reps(BATCH_AWBS.slice(0, 2)));
    const twenty = await entities<{ legs: unknown[] }>(SHIPMENT, reps(BATCH_AWBS));
    expect(twenty.entities).toHaveLength(20);
    const legCount = twenty.entities.reduce((n, s) => n + s.legs.length, 0);
    expect(legCount).toBe(LEGS.filter((l) => BATCH_AWBS.includes(l[0])).length);
    // carrier (by AWB prefix), legs, leg flights, flight routes, route airlines.
    expect(two.statements).toBe(5);
    expect(twenty.statements).toBe(two.statements);
  });
});

describe('Airport entities', () => {
  const expectedRoutes = (iata: string, status?: string) =>
    ROUTES.filter((r) => (r[2] === iata || r[3] === iata) && (!status || r[5] === status))
      .map((r) => r[0])
      .sort();

  it('lists the routes touching each airport in one statement', async () => {
    const airports = ['PEK', 'PKX', 'DOH', 'FRA', 'ZZZ'];
    const { entities: result, statements } = await entities<{
      iataCode: string;
      all: { id: string }[];
      active: { id: string }[];
      europe: { id: string; airline: { iataCode: string } }[];
    }>(
      `... on Airport {
        iataCode
        all: routes { id }
        active: routes(status: ACTIVE) { id }
        europe: routes(region: EUROPE, status: ACTIVE) { id airline { iataCode } }
      }`,
      airports.map((iataCode) => ({ __typename: 'Airport', iataCode })),
    );
    // routes (all three argument sets in one batch) + airlines of the European routes.
    expect(statements).toBe(2);
    expect(result.map((a) => a.iataCode)).toEqual(airports);
    for (const airport of result) {
      const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();
      expect(ids(airport.all)).toEqual(expectedRoutes(airport.iataCode));
      expect(ids(airport.active)).toEqual(expectedRoutes(airport.iataCode, 'ACTIVE'));
    }
    expect(result.find((a) => a.iataCode === 'PEK')!.all.length).toBeGreaterThan(5);
    expect(result.find((a) => a.iataCode === 'ZZZ')!.all).toEqual([]);
    expect(result.find((a) => a.iataCode === 'FRA')!.europe).toEqual([
      { id: 'CA-PEK-FRA', airline: { iataCode: 'CA' } },
    ]);
  });
});

describe('Flight entities', () => {
  const FLIGHT = '... on Flight { number date status route { id airline { name } } }';

  it('resolves many flights by composite key; unknown or malformed keys are null', async () => {
    const known = FLIGHTS.map(([number, date]) => ({ __typename: 'Flight', number, date }));
    const { entities: result, statements } = await entities<{
      number: string;
      date: string;
      route: { id: string };
    } | null>(FLIGHT, [
      ...known,
      { __typename: 'Flight', number: 'CA931', date: '2030-01-01' },
      { __typename: 'Flight', number: 'CA931', date: '2025-02-30' },
      { __typename: 'Flight', number: 'not a flight', date: '2025-03-01' },
    ]);
    // flights, their routes, the routes' airlines.
    expect(statements).toBe(3);
    expect(result.slice(0, known.length).map((f) => [f!.number, f!.date, f!.route.id])).toEqual(
      FLIGHTS.map(([number, date, routeId]) => [number, date, routeId]),
    );
    expect(result.slice(known.length)).toEqual([null, null, null]);
  });

  it('costs the same for 2 flights as for all of them', async () => {
    const reps = FLIGHTS.map(([number, date]) => ({ __typename: 'Flight', number, date }));
    const two = await entities(FLIGHT, reps.slice(0, 2));
    const all = await entities(FLIGHT, reps);
    expect(two.statements).toBe(all.statements);
  });
});

describe('Route and Airline entities', () => {
  it('resolves many routes with their flights of a range in one statement per field', async () => {
    const { entities: result, statements } = await entities<{
      id: string;
      airline: { iataCode: string };
      origin: { iataCode: string };
      march: { number: string; date: string }[];
      firstDays: { date: string }[];
    } | null>(
      `... on Route {
        id airline { iataCode } origin { iataCode }
        march: flights(from: "2025-03-01", to: "2025-03-31") { number date }
        firstDays: flights(from: "2025-02-01", to: "2025-03-01") { date }
      }`,
      [
        ...ROUTES.map(([id]) => ({ __typename: 'Route', id })),
        { __typename: 'Route', id: 'XX-AAA-BBB' },
      ],
    );
    // routes, airlines, flights (both ranges of every route in one batch).
    expect(statements).toBe(3);
    expect(result).toHaveLength(ROUTES.length + 1);
    expect(result[ROUTES.length]).toBeNull();
    const byId = new Map(result.slice(0, ROUTES.length).map((r) => [r!.id, r!]));
    expect(byId.get('CA-PEK-FRA')!.march.map((f) => f.date)).toEqual([
      '2025-03-01',
      '2025-03-02',
      '2025-03-03',
      '2025-03-04',
      '2025-03-05',
    ]);
    expect(byId.get('QR-SCL-DOH')!.firstDays).toEqual([
      { date: '2025-02-28' },
      { date: '2025-03-01' },
    ]);
    expect(byId.get('UA-SFO-PEK')).toMatchObject({
      airline: { iataCode: 'UA' },
      origin: { iataCode: 'SFO' },
      march: [],
    });
  });

  it('resolves airlines by designator; unknown ones are null', async () => {
    const { entities: result, statements } = await entities(
      '... on Airline { iataCode name awbPrefix }',
      ['CA', 'ZZ', 'LH'].map((iataCode) => ({ __typename: 'Airline', iataCode })),
    );
    expect(statements).toBe(1);
    expect(result).toEqual([
      { iataCode: 'CA', name: 'Air China', awbPrefix: '999' },
      null,
      { iataCode: 'LH', name: 'Lufthansa', awbPrefix: '020' },
    ]);
  });
});
