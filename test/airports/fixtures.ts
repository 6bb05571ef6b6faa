import { Database, makeAwb } from '../../subgraphs/kit';

/**
 * A small explicit data set for the airports subgraph tests. Times are chosen around local
 * (Asia/Shanghai, UTC+8) day, week and month boundaries. Weights are to 0.1 kg, as on an air waybill, and some add up to
 * floating-point noise (3833 + 500.1 + 250.3 is 4583.400000000001) that the API must round away.
 */

export const AWB = {
  /** Chilean cherries at the PKX fruit site, with a full handling history. */
  cherries: makeAwb('157', 4120001),
  coldA: makeAwb('999', 1000001),
  /** 00:30 local on Dec 5 = Dec 4 in UTC: a day-boundary case. */
  coldB: makeAwb('999', 1000002),
  coldC: makeAwb('784', 2000003),
  /** Sea urchin at 01:00 local on 2025-01-01 = 2024-12-31 in UTC: a year-boundary case. */
  urchin: makeAwb('555', 3000004),
  /** At PEK, not PKX. */
  pekGeneral: makeAwb('999', 5000005),
  /** 23:59 local on Sat 2024-11-30. */
  november: makeAwb('020', 6000006),
  /** Manifested by customs but never tallied at a hub. */
  notArrived: makeAwb('176', 1234567),
  /** Transferred for transshipment without an arrival tally. */
  transfer: makeAwb('157', 7000007),
};

const airports = [
  ['PEK', 'ZBAA', 'Beijing Capital International Airport', 'Beijing', 'CN', 'Asia/Shanghai', true],
  ['PKX', 'ZBAD', 'Beijing Daxing International Airport', 'Beijing', 'CN', 'Asia/Shanghai', true],
  ['FRA', 'EDDF', 'Frankfurt Airport', 'Frankfurt', 'DE', 'Europe/Berlin', false],
  ['DOH', 'OTHH', 'Hamad International Airport', 'Doha', 'QA', 'Asia/Qatar', false],
  ['LHR', 'EGLL', 'Heathrow Airport', 'London', 'GB', 'Europe/London', false],
];

const facilities = [
  [
    'PEK-EXP-1',
    'PEK',
    'INTERNATIONAL_EXPRESS_WAREHOUSE',
    'PEK Express Centre',
    'OPERATIONAL',
    '2008-03-01',
    500000,
  ],
  [
    'PEK-GEN-1',
    'PEK',
    'GENERAL_CARGO_WAREHOUSE',
    'PEK General Cargo Terminal',
    'OPERATIONAL',
    '1999-11-01',
    1200000,
  ],
  [
    'PEK-CBEC-1',
    'PEK',
    'CROSS_BORDER_ECOMMERCE_WAREHOUSE',
    'Tianzhu CBEC Warehouse',
    'UNDER_CONSTRUCTION',
    null,
    null,
  ],
  [
    'PKX-COLD-1',
    'PKX',
    'COLD_CHAIN_WAREHOUSE',
    'Daxing Cold Chain Centre',
    'OPERATIONAL',
    '2019-09-25',
    100000,
  ],
  [
    'PKX-FRUIT-1',
    'PKX',
    'DESIGNATED_SITE_FRUIT',
    'Daxing Fruit Designated Site',
    'OPERATIONAL',
    '2024-09-27',
    20000,
  ],
  [
    'PKX-AQUA-1',
    'PKX',
    'DESIGNATED_SITE_CHILLED_AQUATIC',
    'Daxing Chilled Aquatic Site',
    'OPERATIONAL',
    '2025-07-10',
    10000,
  ],
  [
    'PKX-CONS-1',
    'PKX',
    'CONSOLIDATED_CARGO_WAREHOUSE',
    'Daxing Consolidation Hub',
    'PLANNED',
    null,
    null,
  ],
];

const arrivals = [
  [AWB.cherries, 'PKX', 'PKX-FRUIT-1', '2024-12-04T02:00:00Z', 120, 3833],
  [AWB.coldA, 'PKX', 'PKX-COLD-1', '2024-12-04T15:30:00Z', 10, 500.1],
  [AWB.coldB, 'PKX', 'PKX-COLD-1', '2024-12-04T16:30:00Z', 5, 250.3],
  [AWB.coldC, 'PKX', 'PKX-COLD-1', '2024-12-09T01:00:00Z', 40, 1000],
  [AWB.urchin, 'PKX', 'PKX-AQUA-1', '2024-12-31T17:00:00Z', 12, 270],
  [AWB.pekGeneral, 'PEK', 'PEK-GEN-1', '2024-12-04T03:00:00Z', 30, 999],
  [AWB.november, 'PKX', 'PKX-COLD-1', '2024-11-30T15:59:00Z', 2, 100],
];

// Deliberately inserted out of order: the API must return them chronologically.
const handlingEvents = [
  [
    AWB.cherries,
    '2024-12-04T05:00:00Z',
    'RELEASED_FROM_WAREHOUSE',
    'PKX-FRUIT-1',
    'released after inspection',
  ],
  [AWB.cherries, '2024-12-04T02:00:00Z', 'ARRIVED', null, null],
  [AWB.cherries, '2024-12-04T03:00:00Z', 'INSPECTED_AT_DESIGNATED_SITE', 'PKX-FRUIT-1', null],
  [AWB.cherries, '2024-12-04T02:30:00Z', 'TALLIED', 'PKX-FRUIT-1', '120 pieces, 3833 kg'],
  [AWB.cherries, '2024-12-04T07:00:00Z', 'PICKED_UP', null, null],
  [AWB.coldA, '2024-12-04T15:45:00Z', 'STORED', 'PKX-COLD-1', null],
  [AWB.coldA, '2024-12-04T18:00:00Z', 'TEMPERATURE_EXCURSION', 'PKX-COLD-1', '9.5 °C for 20 min'],
  [AWB.transfer, '2024-12-10T08:00:00Z', 'TRANSFERRED_FOR_TRANSSHIPMENT', 'PKX-CONS-1', 'to PEK'],
];

function insert(table: string, columns: string[], rows: unknown[][]): [string, unknown[]] {
  const values: unknown[] = [];
  const tuples = rows.map(
    (row) => `(${row.map((v) => (values.push(v), `$${values.length}`)).join(', ')})`,
  );
  return [
    `INSERT INTO airports.${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
    values,
  ];
}

export async function insertFixtures(db: Database): Promise<void> {
  const statements = [
    insert(
      'airport',
      ['iata_code', 'icao_code', 'name', 'city', 'country_code', 'timezone', 'is_beijing_hub'],
      airports,
    ),
    insert(
      'facility',
      ['id', 'airport_iata', 'kind', 'name', 'status', 'commissioned_on', 'annual_capacity_tonnes'],
      facilities,
    ),
    insert(
      'cargo_arrival',
      ['awb', 'airport_iata', 'facility_id', 'arrived_at', 'pieces', 'weight_kg'],
      arrivals,
    ),
    insert('handling_event', ['awb', 'at', 'type', 'facility_id', 'note'], handlingEvents),
  ];
  for (const [sql, values] of statements) await db.query(sql, values);
}
