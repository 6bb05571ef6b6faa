import { Federation, startFederation } from '../support/federation';
import { expectData, expectError } from '../support/graphql';
import { SubgraphClient } from '../support/subgraph';
import {
  CANCEL_FLIGHT,
  CREATE_ROUTE,
  FLIGHT_QUERY,
  historyRows,
  RECORD_ARRIVAL,
  RECORD_DEPARTURE,
  SCHEDULE_FLIGHT,
} from './operations';
import { OFFICER_ACTOR } from '../support/identities';

/* eslint-disable @typescript-eslint/no-explicit-any -- responses are checked field by field */

let fed: Federation;
let routes: SubgraphClient;
beforeAll(async () => {
  fed = await startFederation();
  routes = fed.subgraph('routes');
  const route = {
    airline: 'CA',
    region: 'EUROPE',
    weeklyFrequency: 3,
    weeklyCargoCapacityTonnes: 40,
  };
  expectData(
    await routes.graphql(CREATE_ROUTE, {
      input: {
        ...route,
        origin: 'PEK',
        destination: 'MUC',
        status: 'ACTIVE',
        openedOn: '2026-01-01',
      },
    }),
  );
  expectData(
    await routes.graphql(CREATE_ROUTE, {
      input: { ...route, origin: 'PKX', destination: 'OSL', status: 'PLANNED' },
    }),
  );
});
afterAll(() => fed?.stop());

/** A flight of CA-PEK-MUC leaving at 10:00 Beijing time (02:00Z) on `date`, 11 hours long. */
function flightInput(number: string, date: string, extra: Record<string, unknown> = {}) {
  return {
    routeId: 'CA-PEK-MUC',
    flightNumber: number,
    flightDate: date,
    scheduledDeparture: `${date}T10:00:00+08:00`,
    scheduledArrival: `${date}T13:00:00Z`,
    ...extra,
  };
}

async function schedule(number: string, date: string, extra?: Record<string, unknown>) {
  return expectData(
    await routes.graphql<{ scheduleFlight: any }>(SCHEDULE_FLIGHT, {
      input: flightInput(number, date, extra),
    }),
  ).scheduleFlight;
}

async function flight(number: string, date: string): Promise<any> {
  return expectData(await routes.graphql<{ flight: any }>(FLIGHT_QUERY, { number, date })).flight;
}

const key = (number: string, date: string) => ({ flightNumber: number, flightDate: date });

describe('a flight from schedule to arrival', () => {
  it('schedules, departs and arrives, each write visible at once and in the history', async () => {
    const scheduled = await schedule('CA7001', '2026-12-01');
    expect(scheduled).toEqual({
      number: 'CA7001',
      date: '2026-12-01',
      status: 'SCHEDULED',
      scheduledDeparture: '2026-12-01T02:00:00.000Z',
      scheduledArrival: '2026-12-01T13:00:00.000Z',
      actualDeparture: null,
      actualArrival: null,
      version: 1,
      route: { id: 'CA-PEK-MUC' },
      history: [{ from: null, to: 'SCHEDULED', actor: OFFICER_ACTOR, reason: null }],
    });

    const departed = expectData(
      await routes.graphql<{ recordDeparture: any }>(RECORD_DEPARTURE, {
        input: { ...key('CA7001', '2026-12-01'), actualDeparture: '2026-12-01T10:20:00+08:00' },
      }),
    ).recordDeparture;
    expect(departed).toMatchObject({
      status: 'DEPARTED',
      actualDeparture: '2026-12-01T02:20:00.000Z',
      version: 2,
    });
    expect(await flight('CA7001', '2026-12-01')).toEqual(departed);

    const arrived = expectData(
      await routes.graphql<{ recordFlightArrival: any }>(RECORD_ARRIVAL, {
        input: {
          ...key('CA7001', '2026-12-01'),
          actualArrival: '2026-12-01T13:05:00Z',
          expectedVersion: 2,
        },
      }),
    ).recordFlightArrival;
    expect(arrived).toMatchObject({
      status: 'ARRIVED',
      actualDeparture: '2026-12-01T02:20:00.000Z',
      actualArrival: '2026-12-01T13:05:00.000Z',
      version: 3,
    });
    expect(arrived.history.map((h: any) => [h.from, h.to])).toEqual([
      [null, 'SCHEDULED'],
      ['SCHEDULED', 'DEPARTED'],
      ['DEPARTED', 'ARRIVED'],
    ]);
    // Through the gateway as well: the read side sees the write immediately.
    const res = await fed.graphql<{ flight: any }>(
      '{ flight(number: "CA7001", date: "2026-12-01") { status actualArrival route { id } } }',
    );
    expect(res.data?.flight).toEqual({
      status: 'ARRIVED',
      actualArrival: '2026-12-01T13:05:00.000Z',
      route: { id: 'CA-PEK-MUC' },
    });
  });

  it('records a diversion', async () => {
    await schedule('CA7004', '2026-12-04');
    expectData(
      await routes.graphql(RECORD_DEPARTURE, {
        input: { ...key('CA7004', '2026-12-04'), actualDeparture: '2026-12-04T02:00:00Z' },
      }),
    );
    const diverted = expectData(
      await routes.graphql<{ recordFlightArrival: any }>(RECORD_ARRIVAL, {
        input: {
          ...key('CA7004', '2026-12-04'),
          actualArrival: '2026-12-04T12:00:00Z',
          diverted: true,
        },
      }),
    ).recordFlightArrival;
    expect(diverted).toMatchObject({ status: 'DIVERTED', version: 3 });
  });

  it('cancels a scheduled flight with a reason', async () => {
    await schedule('CA7002', '2026-12-02');
    const cancelled = expectData(
      await routes.graphql<{ cancelFlight: any }>(CANCEL_FLIGHT, {
        input: { ...key('CA7002', '2026-12-02'), reason: 'aircraft unserviceable' },
      }),
    ).cancelFlight;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', version: 2 });
    expect(cancelled.history[1]).toMatchObject({
      from: 'SCHEDULED',
      to: 'CANCELLED',
      reason: 'aircraft unserviceable',
    });
  });
});

describe('illegal flight transitions leave the flight and its history unchanged', () => {
  beforeAll(async () => {
    await schedule('CA7010', '2026-12-10'); // stays SCHEDULED
    await schedule('CA7011', '2026-12-11');
    expectData(await routes.graphql(CANCEL_FLIGHT, { input: key('CA7011', '2026-12-11') })); // CANCELLED
    await schedule('CA7012', '2026-12-12');
    expectData(
      await routes.graphql(RECORD_DEPARTURE, {
        input: { ...key('CA7012', '2026-12-12'), actualDeparture: '2026-12-12T02:00:00Z' },
      }),
    ); // DEPARTED
  });

  const ARRIVE = { actualArrival: '2026-12-31T12:00:00Z' };
  const DEPART = { actualDeparture: '2026-12-31T02:00:00Z' };

  it.each([
    [
      'arrive before departing',
      RECORD_ARRIVAL,
      'CA7010',
      '2026-12-10',
      ARRIVE,
      'SCHEDULED',
      'ARRIVED',
    ],
    [
      'depart a cancelled flight',
      RECORD_DEPARTURE,
      'CA7011',
      '2026-12-11',
      DEPART,
      'CANCELLED',
      'DEPARTED',
    ],
    [
      'cancel a cancelled flight',
      CANCEL_FLIGHT,
      'CA7011',
      '2026-12-11',
      {},
      'CANCELLED',
      'CANCELLED',
    ],
    [
      'cancel a departed flight',
      CANCEL_FLIGHT,
      'CA7012',
      '2026-12-12',
      {},
      'DEPARTED',
      'CANCELLED',
    ],
    [
      'depart a departed flight',
      RECORD_DEPARTURE,
      'CA7012',
      '2026-12-12',
      DEPART,
      'DEPARTED',
      'DEPARTED',
    ],
  ])('refuses to %s', async (_what, mutation, number, date, extra, current, requested) => {
    const before = await flight(number, date);
    expectError(
      await routes.graphql(mutation, { input: { ...key(number, date), ...extra } }),
      'INVALID_STATE_TRANSITION',
      {
        extensions: { entity: 'Flight', id: `${number}/${date}`, current, requested },
        message: `from ${current} to ${requested}`,
      },
    );
    expect(await flight(number, date)).toEqual(before);
  });

  it('refuses an arrival before the departure, naming the field', async () => {
    const before = await flight('CA7012', '2026-12-12');
    const err = expectError(
      await routes.graphql(RECORD_ARRIVAL, {
        input: { ...key('CA7012', '2026-12-12'), actualArrival: '2026-12-12T01:59:00Z' },
      }),
      'BAD_USER_INPUT',
    );
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.actualArrival' });
    expect(await flight('CA7012', '2026-12-12')).toEqual(before);
  });
});

describe('flight input validation', () => {
  const count = async () =>
    (await routes.db.query<{ n: number }>('SELECT count(*)::int AS n FROM routes.flight'))[0].n;

  it.each([
    [
      'a malformed flight number',
      { flightNumber: 'CA-77' },
      'BAD_USER_INPUT',
      'input.flightNumber',
    ],
    [
      "another airline's flight number",
      { flightNumber: 'CZ7020' },
      'BAD_USER_INPUT',
      'input.flightNumber',
    ],
    ['an impossible date', { flightDate: '2026-12-32' }, 'BAD_USER_INPUT', 'input.flightDate'],
    [
      'an arrival before the departure',
      { scheduledArrival: '2026-12-20T01:00:00Z' },
      'BAD_USER_INPUT',
      'input.scheduledArrival',
    ],
    [
      'a departure on another local date at the origin',
      { scheduledDeparture: '2026-12-20T17:00:00Z', scheduledArrival: '2026-12-21T04:00:00Z' },
      'BAD_USER_INPUT',
      'input.scheduledDeparture',
    ],
    ['a malformed route id', { routeId: 'CA/PEK/MUC' }, 'BAD_USER_INPUT', 'input.routeId'],
    ['an unknown route', { routeId: 'CA-PEK-ZZZ' }, 'NOT_FOUND', 'input.routeId'],
    ['a PLANNED route', { routeId: 'CA-PKX-OSL' }, 'BAD_USER_INPUT', 'input.routeId'],
    [
      'a SUSPENDED route',
      { routeId: 'LH-PEK-FRA', flightNumber: 'LH7020' },
      'BAD_USER_INPUT',
      'input.routeId',
    ],
  ])('scheduleFlight refuses %s', async (_what, change, code, field) => {
    const before = await count();
    const err = expectError(
      await routes.graphql(SCHEDULE_FLIGHT, {
        input: flightInput('CA7020', '2026-12-20', change),
      }),
      code,
    );
    expect(err.extensions).toEqual({ code, field });
    expect(await count()).toBe(before);
  });

  it('refuses a time without an offset while parsing the request', async () => {
    expectError(
      await routes.graphql(SCHEDULE_FLIGHT, {
        input: flightInput('CA7020', '2026-12-20', { scheduledDeparture: '2026-12-20T10:00:00' }),
      }),
      'BAD_USER_INPUT',
      { field: 'input.scheduledDeparture' },
    );
  });

  it('answers CONFLICT for a flight scheduled already', async () => {
    await schedule('CA7021', '2026-12-21');
    const err = expectError(
      await routes.graphql(SCHEDULE_FLIGHT, { input: flightInput('CA7021', '2026-12-21') }),
      'CONFLICT',
      { message: 'Flight CA7021/2026-12-21 already exists' },
    );
    expect(err.extensions).toEqual({
      code: 'CONFLICT',
      entity: 'Flight',
      id: 'CA7021/2026-12-21',
      field: 'input.flightNumber',
    });
    expect(await historyRows(routes.db, 'Flight', 'CA7021/2026-12-21')).toHaveLength(1);
  });

  it('answers NOT_FOUND for an unknown flight and BAD_USER_INPUT for a malformed key', async () => {
    let err = expectError(
      await routes.graphql(RECORD_DEPARTURE, {
        input: { ...key('CA7999', '2026-12-01'), actualDeparture: '2026-12-01T02:00:00Z' },
      }),
      'NOT_FOUND',
    );
    expect(err.extensions).toEqual({ code: 'NOT_FOUND', field: 'input.flightNumber' });
    err = expectError(
      await routes.graphql(CANCEL_FLIGHT, { input: key('CA7001', '01/12/2026') }),
      'BAD_USER_INPUT',
    );
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.flightDate' });
    err = expectError(
      await routes.graphql(CANCEL_FLIGHT, { input: key('ca7001', '2026-12-01') }),
      'BAD_USER_INPUT',
    );
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.flightNumber' });
  });
});

describe('flight idempotency and versions', () => {
  it('returns the first result for a retry with the same key, writing nothing new', async () => {
    const input = { ...flightInput('CA7030', '2026-12-30'), idempotencyKey: 'schedule-CA7030' };
    const first = expectData(
      await routes.graphql<{ scheduleFlight: any }>(SCHEDULE_FLIGHT, { input }),
    ).scheduleFlight;
    const retry = expectData(
      await routes.graphql<{ scheduleFlight: any }>(SCHEDULE_FLIGHT, { input }),
    ).scheduleFlight;
    expect(retry).toEqual(first);

    const depart = {
      ...key('CA7030', '2026-12-30'),
      actualDeparture: '2026-12-30T02:10:00Z',
      idempotencyKey: 'depart-CA7030',
    };
    const d1 = expectData(
      await routes.graphql<{ recordDeparture: any }>(RECORD_DEPARTURE, { input: depart }),
    ).recordDeparture;
    const d2 = expectData(
      await routes.graphql<{ recordDeparture: any }>(RECORD_DEPARTURE, { input: depart }),
    ).recordDeparture;
    expect(d2).toEqual(d1);
    expect(d2.version).toBe(2);
    expect(await historyRows(routes.db, 'Flight', 'CA7030/2026-12-30')).toHaveLength(2);

    expectError(
      await routes.graphql(RECORD_DEPARTURE, {
        input: { ...depart, actualDeparture: '2026-12-30T02:11:00Z' },
      }),
      'IDEMPOTENCY_CONFLICT',
    );
    expect((await flight('CA7030', '2026-12-30')).actualDeparture).toBe('2026-12-30T02:10:00.000Z');
  });

  it('refuses a stale expectedVersion with CONFLICT', async () => {
    await schedule('CA7031', '2026-12-31');
    expectError(
      await routes.graphql(RECORD_DEPARTURE, {
        input: {
          ...key('CA7031', '2026-12-31'),
          actualDeparture: '2026-12-31T02:00:00Z',
          expectedVersion: 7,
        },
      }),
      'CONFLICT',
      {
        extensions: {
          entity: 'Flight',
          id: 'CA7031/2026-12-31',
          expectedVersion: 7,
          currentVersion: 1,
        },
      },
    );
    expect((await flight('CA7031', '2026-12-31')).status).toBe('SCHEDULED');
  });

  it('lets one of 20 concurrent departures and cancellations win', async () => {
    await schedule('CA7032', '2027-01-02');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? routes.graphql(CANCEL_FLIGHT, { input: key('CA7032', '2027-01-02') })
          : routes.graphql(RECORD_DEPARTURE, {
              input: { ...key('CA7032', '2027-01-02'), actualDeparture: '2027-01-02T02:00:00Z' },
            }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) {
      expectError(r, 'INVALID_STATE_TRANSITION');
    }
    const after = await flight('CA7032', '2027-01-02');
    expect(after.version).toBe(2);
    expect(after.history).toHaveLength(2);
  });
});
