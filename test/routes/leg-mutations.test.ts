import { SHOWCASE } from '../../scripts/demo/showcase';
import { makeAwb } from '../../subgraphs/kit';
import { Federation, startFederation } from '../support/federation';
import { expectData, expectError } from '../support/graphql';
import { routesSubgraph } from '../../subgraphs/routes';
import { startSubgraphUnderTest, SubgraphClient, SubgraphUnderTest } from '../support/subgraph';
import { ASSIGN_LEG, CANCEL_FLIGHT, CREATE_ROUTE, SCHEDULE_FLIGHT } from './operations';

/* eslint-disable @typescript-eslint/no-explicit-any -- responses are checked field by field */

let fed: Federation;
let routes: SubgraphClient;

/** Legs of a shipment as the routes agency holds them. */
const legRows = (awb: string) =>
  routes.db.query<{ sequence: number; flightNumber: string; from: string; to: string }>(
    `SELECT sequence, flight_number AS "flightNumber", from_iata AS "from", to_iata AS "to"
       FROM routes.shipment_leg WHERE awb = $1 ORDER BY sequence`,
    [awb],
  );

/** Flights on the new PEK–MUC routes of Air China, created for these tests. */
const FLIGHTS = [
  // number, date, route, departure, arrival
  ['CA7101', '2026-12-01', 'CA-PEK-MUC', '2026-12-01T10:00:00+08:00', '2026-12-01T16:00:00+01:00'],
  ['CA7102', '2026-12-03', 'CA-MUC-PEK', '2026-12-03T12:00:00+01:00', '2026-12-04T05:00:00+08:00'],
  ['CA7103', '2026-11-20', 'CA-PEK-MUC', '2026-11-20T10:00:00+08:00', '2026-11-20T16:00:00+01:00'],
  ['CA7104', '2026-12-05', 'CA-PEK-MUC', '2026-12-05T10:00:00+08:00', '2026-12-05T16:00:00+01:00'],
  ['CA7105', '2026-12-06', 'CA-PEK-MUC', '2026-12-06T10:00:00+08:00', '2026-12-06T16:00:00+01:00'],
] as const;

beforeAll(async () => {
  fed = await startFederation();
  routes = fed.subgraph('routes');
  for (const [origin, destination] of [
    ['PEK', 'MUC'],
    ['MUC', 'PEK'],
  ]) {
    expectData(
      await routes.graphql(CREATE_ROUTE, {
        input: {
          airline: 'CA',
          origin,
          destination,
          region: 'EUROPE',
          status: 'ACTIVE',
          weeklyFrequency: 2,
          weeklyCargoCapacityTonnes: 30,
          openedOn: '2026-01-01',
        },
      }),
    );
  }
  for (const [number, date, routeId, dep, arr] of FLIGHTS) {
    expectData(
      await routes.graphql(SCHEDULE_FLIGHT, {
        input: {
          routeId,
          flightNumber: number,
          flightDate: date,
          scheduledDeparture: dep,
          scheduledArrival: arr,
        },
      }),
    );
  }
  expectData(
    await routes.graphql(CANCEL_FLIGHT, {
      input: { flightNumber: 'CA7104', flightDate: '2026-12-05' },
    }),
  );
});
afterAll(() => fed?.stop());

function leg(awb: string, number: string, date: string, from: string, to: string) {
  return { awb, flightNumber: number, flightDate: date, from, to };
}

async function assign(input: Record<string, unknown>): Promise<any> {
  return expectData(await routes.graphql<{ assignShipmentLeg: any }>(ASSIGN_LEG, { input }))
    .assignShipmentLeg;
}

describe('assignShipmentLeg', () => {
  it('appends two legs to a shipment in the air, PEK → MUC → PEK', async () => {
    const awb = SHOWCASE.notYetArrived;
    const before = await legRows(awb);
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(before[before.length - 1].to).toBe('PEK');
    const n = before.length;

    const first = await assign(leg(awb, 'CA7101', '2026-12-01', 'PEK', 'MUC'));
    expect(first.awb).toBe(awb);
    expect(first.legs).toHaveLength(n + 1);
    expect(first.legs[n]).toEqual({
      sequence: n + 1,
      from: { iataCode: 'PEK' },
      to: { iataCode: 'MUC' },
      flight: { number: 'CA7101', date: '2026-12-01' },
    });

    const second = await assign(leg(awb, 'CA7102', '2026-12-03', 'MUC', 'PEK'));
    expect(second.legs.map((l: any) => l.sequence)).toEqual(
      Array.from({ length: n + 2 }, (_, i) => i + 1),
    );
    expect(second.legs[n + 1]).toMatchObject({
      from: { iataCode: 'MUC' },
      to: { iataCode: 'PEK' },
    });

    // The whole federation sees the journey: legs from routes, the manifest from customs.
    const res = await fed.graphql<{ shipment: any }>(
      `query ($awb: ID!) { shipment(awb: $awb) {
         isTransshipment manifest { pieces } legs { sequence flight { number route { id } } } } }`,
      { awb },
    );
    const data = expectData(res);
    expect(data.shipment.isTransshipment).toBe(true);
    expect(data.shipment.legs.slice(-2)).toEqual([
      { sequence: n + 1, flight: { number: 'CA7101', route: { id: 'CA-PEK-MUC' } } },
      { sequence: n + 2, flight: { number: 'CA7102', route: { id: 'CA-MUC-PEK' } } },
    ]);
  });

  describe('refuses, writing nothing', () => {
    const awb = SHOWCASE.underReview; // one leg, JFK → PEK, a few days before "now"

    it.each([
      ['a wrong AWB check digit', { awb: '999-10010012' }, 'BAD_USER_INPUT', 'input.awb'],
      ['a malformed AWB', { awb: '999-1001' }, 'BAD_USER_INPUT', 'input.awb'],
      [
        'a shipment not in the customs register',
        { awb: makeAwb('999', 7777777) },
        'NOT_FOUND',
        'input.awb',
      ],
      [
        'a malformed flight number',
        { flightNumber: 'CA 7101' },
        'BAD_USER_INPUT',
        'input.flightNumber',
      ],
      [
        'an impossible flight date',
        { flightDate: '2026-11-31' },
        'BAD_USER_INPUT',
        'input.flightDate',
      ],
      ['a malformed airport', { from: 'Beijing' }, 'BAD_USER_INPUT', 'input.from'],
      ['an unknown flight', { flightNumber: 'CA7199' }, 'NOT_FOUND', 'input.flightNumber'],
      [
        'a cancelled flight',
        { flightNumber: 'CA7104', flightDate: '2026-12-05' },
        'BAD_USER_INPUT',
        'input.flightNumber',
      ],
      ['a start other than the flight’s origin', { from: 'PKX' }, 'BAD_USER_INPUT', 'input.from'],
      ['an end other than the flight’s destination', { to: 'FRA' }, 'BAD_USER_INPUT', 'input.to'],
      [
        'a start other than the previous leg’s end',
        { flightNumber: 'CA7102', flightDate: '2026-12-03', from: 'MUC', to: 'PEK' },
        'BAD_USER_INPUT',
        'input.from',
      ],
      [
        'a departure before the previous leg arrives',
        { flightNumber: 'CA7103', flightDate: '2026-11-20' },
        'BAD_USER_INPUT',
        'input.flightNumber',
      ],
    ])('%s', async (_what, change, code, field) => {
      const before = await legRows(awb);
      const err = expectError(
        await routes.graphql(ASSIGN_LEG, {
          input: { ...leg(awb, 'CA7101', '2026-12-01', 'PEK', 'MUC'), ...change },
        }),
        code,
      );
      expect(err.extensions).toEqual({ code, field });
      expect(await legRows(awb)).toEqual(before);
    });
  });

  it('returns the first result for a retry with the same key; another input is a conflict', async () => {
    // A shipment of its own whose journey ended at PEK before CA7101 leaves.
    const [{ awb }] = await routes.db.query<{ awb: string }>(
      `SELECT l.awb FROM routes.shipment_leg l
         JOIN routes.flight f ON f.number = l.flight_number AND f.date = l.flight_date
        WHERE l.to_iata = 'PEK' AND f.scheduled_arrival < '2026-11-30T00:00:00Z'
          AND l.sequence = (SELECT max(sequence) FROM routes.shipment_leg m WHERE m.awb = l.awb)
          AND l.awb <> ALL ($1)
        ORDER BY l.awb LIMIT 1`,
      [[SHOWCASE.underReview, SHOWCASE.notYetArrived, SHOWCASE.notDeclared]],
    );
    const input = { ...leg(awb, 'CA7101', '2026-12-01', 'PEK', 'MUC'), idempotencyKey: 'leg-1' };
    const first = await assign(input);
    const retry = await assign(input);
    expect(retry).toEqual(first);
    const rows = await legRows(awb);
    expect(rows.filter((r) => r.flightNumber === 'CA7101')).toHaveLength(1);

    expectError(
      await routes.graphql(ASSIGN_LEG, {
        input: { ...input, flightNumber: 'CA7105', flightDate: '2026-12-06' },
      }),
      'IDEMPOTENCY_CONFLICT',
    );
    expect(await legRows(awb)).toEqual(rows);
  });

  it('gives concurrent assignments distinct sequences: one of 10 identical ones wins', async () => {
    const awb = SHOWCASE.notDeclared;
    const before = await legRows(awb);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        routes.graphql(ASSIGN_LEG, { input: leg(awb, 'CA7101', '2026-12-01', 'PEK', 'MUC') }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) {
      expect(expectError(r, 'BAD_USER_INPUT').extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.from',
      });
    }
    const after = await legRows(awb);
    expect(after.map((l) => l.sequence)).toEqual(
      Array.from({ length: before.length + 1 }, (_, i) => i + 1),
    );
  });

  describe('when customs does not answer', () => {
    // A routes subgraph of its own that reaches no gateway; the federation's stays as it is.
    let isolated: SubgraphUnderTest;
    beforeAll(async () => {
      isolated = await startSubgraphUnderTest(routesSubgraph, { database: fed.databaseUrl });
    });
    afterAll(() => isolated?.stop());

    it('refuses with DEPENDENCY_UNAVAILABLE, writing nothing', async () => {
      // Valid in every other respect: the leg the refusals above start from.
      const awb = SHOWCASE.underReview;
      const before = await legRows(awb);
      expectError(
        await isolated.graphql(ASSIGN_LEG, {
          input: leg(awb, 'CA7101', '2026-12-01', 'PEK', 'MUC'),
        }),
        'DEPENDENCY_UNAVAILABLE',
      );
      expect(await legRows(awb)).toEqual(before);
    });
  });
});
