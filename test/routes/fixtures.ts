import { Database, makeAwb } from '../../subgraphs/kit';

/**
 * A small, explicit data set for the routes subgraph tests. Numbers asserted by the tests (route
 * counts, recovery series, legs) follow from these rows, so change them together.
 */

export const AIRLINES = [
  // iata, icao, name, country, awb prefix
  ['CA', 'CCA', 'Air China', 'CN', '999'],
  ['CZ', 'CSN', 'China Southern Airlines', 'CN', '784'],
  ['QR', 'QTR', 'Qatar Airways', 'QA', '157'],
  ['UA', 'UAL', 'United Airlines', 'US', '016'],
  ['LH', 'DLH', 'Lufthansa', 'DE', '020'],
  ['JD', 'CBJ', 'Beijing Capital Airlines', 'CN', '898'],
  ['HO', null, 'Juneyao Air', 'CN', null],
] as const;

type RouteRow = [
  id: string,
  airline: string,
  origin: string,
  destination: string,
  region: string,
  status: string,
  weeklyFrequency: number,
  capacityTonnes: number | null,
  openedOn: string | null,
  suspendedOn: string | null,
  resumedOn: string | null,
];

/**
 * NORTH_AMERICA holds exactly the routes of the recovery test:
 * - CA-PEK-IAD opened 2023-01-15, suspended 2023-03-01, resumed 2023-06-10 (4/week, 100 t)
 * - CA-PEK-LAX opened 2023-01-01, suspended 2023-02-15 for good (2/week)
 * - UA-SFO-PEK opened 2023-04-20 (3/week, 50 t)
 * - CA-PEK-JFK planned, never opened (5/week)
 */
export const NAMED_ROUTES: RouteRow[] = [
  ['CA-PEK-FRA', 'CA', 'PEK', 'FRA', 'EUROPE', 'ACTIVE', 7, 560, '2015-03-01', null, null],
  ['CZ-PKX-LHR', 'CZ', 'PKX', 'LHR', 'EUROPE', 'ACTIVE', 7, 420.5, '2023-06-01', null, null],
  ['CZ-PKX-AMS', 'CZ', 'PKX', 'AMS', 'EUROPE', 'ACTIVE', 4, null, '2022-05-01', null, null],
  [
    'LH-FRA-PEK',
    'LH',
    'FRA',
    'PEK',
    'EUROPE',
    'SUSPENDED',
    5,
    300,
    '2010-01-01',
    '2024-10-27',
    null,
  ],
  ['LH-MUC-PEK', 'LH', 'MUC', 'PEK', 'EUROPE', 'ACTIVE', 7, 350, '2010-01-01', null, null],
  [
    'CA-PEK-IAD',
    'CA',
    'PEK',
    'IAD',
    'NORTH_AMERICA',
    'RESUMED',
    4,
    100,
    '2023-01-15',
    '2023-03-01',
    '2023-06-10',
  ],
  [
    'CA-PEK-LAX',
    'CA',
    'PEK',
    'LAX',
    'NORTH_AMERICA',
    'SUSPENDED',
    2,
    null,
    '2023-01-01',
    '2023-02-15',
    null,
  ],
  ['UA-SFO-PEK', 'UA', 'SFO', 'PEK', 'NORTH_AMERICA', 'ACTIVE', 3, 50, '2023-04-20', null, null],
  ['CA-PEK-JFK', 'CA', 'PEK', 'JFK', 'NORTH_AMERICA', 'PLANNED', 5, null, null, null, null],
  ['QR-DOH-PKX', 'QR', 'DOH', 'PKX', 'MIDDLE_EAST', 'ACTIVE', 14, 700, '2019-10-01', null, null],
  ['QR-SCL-DOH', 'QR', 'SCL', 'DOH', 'LATIN_AMERICA', 'ACTIVE', 5, 200, '2020-01-01', null, null],
];

/** 15 ASIA routes JD-PKX-AAA .. JD-PKX-AAO, to give pagination several pages. */
export const ASIA_ROUTES: RouteRow[] = Array.from({ length: 15 }, (_, i) => {
  const dest = `AA${String.fromCharCode(65 + i)}`;
  return [
    `JD-PKX-${dest}`,
    'JD',
    'PKX',
    dest,
    'ASIA',
    'ACTIVE',
    1 + (i % 3),
    null,
    '2021-01-01',
    null,
    null,
  ];
});

export const ROUTES: RouteRow[] = [...NAMED_ROUTES, ...ASIA_ROUTES];

type FlightRow = [number: string, date: string, routeId: string, status: string];

/** CA931 on 2025-03-01..05 (the 3rd cancelled) and once a year earlier; QR and CZ flights. */
export const FLIGHTS: FlightRow[] = [
  ['CA931', '2024-03-01', 'CA-PEK-FRA', 'ARRIVED'],
  ['CA931', '2025-03-01', 'CA-PEK-FRA', 'ARRIVED'],
  ['CA931', '2025-03-02', 'CA-PEK-FRA', 'ARRIVED'],
  ['CA931', '2025-03-03', 'CA-PEK-FRA', 'CANCELLED'],
  ['CA931', '2025-03-04', 'CA-PEK-FRA', 'DEPARTED'],
  ['CA931', '2025-03-05', 'CA-PEK-FRA', 'SCHEDULED'],
  ['QR780', '2025-02-28', 'QR-SCL-DOH', 'ARRIVED'],
  ['QR780', '2025-03-01', 'QR-SCL-DOH', 'ARRIVED'],
  ['QR818', '2025-03-01', 'QR-DOH-PKX', 'ARRIVED'],
  ['QR818', '2025-03-02', 'QR-DOH-PKX', 'DIVERTED'],
  ['CZ673', '2025-03-01', 'CZ-PKX-LHR', 'ARRIVED'],
];

type LegRow = [
  awb: string,
  sequence: number,
  number: string,
  date: string,
  from: string,
  to: string,
];

/** Chilean cherries via Doha: two legs. */
export const TRANSSHIPMENT_AWB = makeAwb('157', 4120001);
/** Direct on CA931. */
export const DIRECT_AWB = '999-31415926';
/** A valid AWB whose prefix no airline in the fixture issues. */
export const UNKNOWN_PREFIX_AWB = makeAwb('123', 1234567);

/** 20 shipments for the batching tests: every other one a transshipment via Doha. */
export const BATCH_AWBS = Array.from({ length: 20 }, (_, i) =>
  makeAwb(['999', '157', '784', '020'][i % 4], 5000000 + i),
);

export const LEGS: LegRow[] = [
  [TRANSSHIPMENT_AWB, 1, 'QR780', '2025-02-28', 'SCL', 'DOH'],
  [TRANSSHIPMENT_AWB, 2, 'QR818', '2025-03-01', 'DOH', 'PKX'],
  [DIRECT_AWB, 1, 'CA931', '2025-03-01', 'PEK', 'FRA'],
  ...BATCH_AWBS.flatMap((awb, i): LegRow[] =>
    i % 2 === 0
      ? [[awb, 1, 'CA931', `2025-03-0${1 + (i % 5)}`, 'PEK', 'FRA']]
      : [
          [awb, 1, 'QR780', `2025-0${i % 4 === 1 ? '2-28' : '3-01'}`, 'SCL', 'DOH'],
          [awb, 2, 'QR818', '2025-03-0' + (1 + (i % 2)), 'DOH', 'PKX'],
        ],
  ),
];

function placeholders(rows: readonly (readonly unknown[])[]): string {
  let n = 0;
  return rows.map((row) => `(${row.map(() => `$${++n}`).join(', ')})`).join(',\n');
}

/** Inserts the fixture into the `routes` schema of a migrated database. */
export async function insertFixtures(db: Database): Promise<void> {
  await db.query(
    `INSERT INTO routes.airline (iata_code, icao_code, name, country_code, awb_prefix)
     VALUES ${placeholders(AIRLINES)}`,
    AIRLINES.flat(),
  );
  await db.query(
    `INSERT INTO routes.route (id, airline_iata, origin_iata, destination_iata, region, status,
       weekly_frequency, weekly_cargo_capacity_tonnes, opened_on, suspended_on, resumed_on)
     VALUES ${placeholders(ROUTES)}`,
    ROUTES.flat(),
  );
  // Departures at 01:00 UTC, arrivals 10 hours later; actual times only for flown flights.
  const flights = FLIGHTS.map(([number, date, routeId, status]) => {
    const dep = new Date(`${date}T01:00:00Z`);
    const arr = new Date(dep.getTime() + 10 * 3600_000);
    const flown = status === 'ARRIVED' || status === 'DIVERTED';
    const departed = flown || status === 'DEPARTED';
    return [
      number,
      date,
      routeId,
      dep,
      arr,
      departed ? new Date(dep.getTime() + 15 * 60_000) : null,
      flown ? new Date(arr.getTime() + 5 * 60_000) : null,
      status,
    ];
  });
  await db.query(
    `INSERT INTO routes.flight (number, date, route_id, scheduled_departure, scheduled_arrival,
       actual_departure, actual_arrival, status)
     VALUES ${placeholders(flights)}`,
    flights.flat(),
  );
  await db.query(
    `INSERT INTO routes.shipment_leg (awb, sequence, flight_number, flight_date, from_iata, to_iata)
     VALUES ${placeholders(LEGS)}`,
    LEGS.flat(),
  );
}
