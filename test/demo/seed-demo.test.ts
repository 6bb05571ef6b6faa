import pg from 'pg';
import {
  checkAwb,
  checkDeclarationNumber,
  checkHsCode,
  checkUscc,
  normalizeAwb,
} from '../../subgraphs/kit/identifiers';
import {
  ClearanceStatus,
  DeclarationState,
  DeclarationStatus,
  summariseClearance,
} from '../../subgraphs/customs';
import { DEFAULT_SEED } from '../../scripts/demo/config';
import { verifyForeignKeys } from '../../scripts/demo/foreign-keys';
import { isSeeded, seedDemo } from '../../scripts/demo/seed-demo';
import { FACILITY_LIFECYCLE } from '../../subgraphs/airports/state-machines';
import {
  declarationLifecycle,
  specialGoodsLifecycle,
} from '../../subgraphs/customs/state-machines';
import { approvalMachine, consolidatedImportMachine } from '../../subgraphs/drugs/state-machines';
import type { StateMachine } from '../../subgraphs/kit';
import { flightLifecycle, routeLifecycle } from '../../subgraphs/routes/state-machines';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { qualified, TABLE_ORDER, TABLES } from '../../scripts/demo/tables';
import {
  createDemoDatabase,
  createTestDatabase,
  DEMO_WORLD_SHIPMENTS,
  EXPORT_WORLD_SHIPMENTS,
  TestDatabase,
} from '../support/test-database';
import { fingerprintTables } from './table-fingerprint';

/**
 * The demo data set, seeded into a real PostgreSQL database and checked with SQL: deterministic,
 * every identifier valid, every cross-agency reference resolvable, every kind of shipment present,
 * timelines in order and clearance summaries following their rule.
 */

const SHIPMENTS = DEMO_WORLD_SHIPMENTS;
const SEED = DEFAULT_SEED;

let db: TestDatabase;
let other: TestDatabase | undefined;
let client: pg.Client;

/** The agencies whose writes leave a status history and idempotency keys. */
const HISTORY_AGENCIES = ['airports', 'customs', 'drugs', 'routes'];

const urlsOf = (url: string) => ({ airports: url, customs: url, drugs: url, routes: url });

async function rows<T = Record<string, unknown>>(
  sql: string,
  values: unknown[] = [],
  c: pg.Client = client,
): Promise<T[]> {
  return (await c.query(sql, values)).rows as T[];
}

interface Scope {
  /** How many rows `from` must match; without it, at least one. */
  rows?: number;
  /** Conditions each of which some matched row must meet: every branch of `bad` gets checked. */
  some?: string[];
}

/** `from` with `condition` added to its scope (its top-level WHERE, if it has one). */
function where(from: string, condition: string): string {
  let depth = 0;
  for (let i = 0; i < from.length; i++) {
    if (from[i] === '(') depth++;
    else if (from[i] === ')') depth--;
    else if (depth === 0 && /^\bWHERE\b/i.test(from.slice(i, i + 6)) && /\s/.test(from[i - 1])) {
      return `${from.slice(0, i)} WHERE (${from.slice(i + 5)}) AND (${condition})`;
    }
  }
  return `${from} WHERE ${condition}`;
}

/**
 * No row of `from` (a FROM clause with its joins and scope) meets `bad`, and `from` does match
 * rows: a join or filter that matched nothing would pass any "no bad rows" check, so the rows it
 * checks are counted too (`scope.rows`, or at least one), as are those of each branch (`some`).
 */
async function noBadRows(from: string, bad: string, scope: Scope = {}): Promise<number> {
  const some = scope.some ?? [];
  // Each count its own subquery: a NOT EXISTS in a WHERE is planned as an anti-join.
  const [counts] = await rows<{ matched: number; bad: number } & Record<string, number>>(
    `SELECT (SELECT count(*)::int ${from}) AS matched,
            (SELECT count(*)::int ${where(from, bad)}) AS bad
            ${some.map((c, i) => `, (SELECT count(*)::int ${where(from, c)}) AS some${i}`).join('')}`,
  );
  const examples = counts.bad > 0 ? await rows(`SELECT * ${where(from, bad)} LIMIT 3`) : [];
  expect({ bad: counts.bad, examples }).toEqual({ bad: 0, examples: [] });
  if (scope.rows !== undefined) expect(counts.matched).toBe(scope.rows);
  else expect(counts.matched).toBeGreaterThan(0);
  expect(some.filter((_, i) => counts[`some${i}`] === 0)).toEqual([]);
  return counts.matched;
}

/** The number of rows of `table` (or of a FROM clause's rows). */
async function countOf(table: string): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

async function one(sql: string, values: unknown[] = []): Promise<Record<string, unknown>> {
  const found = await rows(sql, values);
  expect(found).toHaveLength(1);
  return found[0];
}

/** One fingerprint per seeded table: its row count and an md5 over its rows in a fixed order. */
const fingerprints = (url: string) =>
  fingerprintTables(
    url,
    TABLE_ORDER.map((t) => qualified(TABLES[t])),
  );

beforeAll(async () => {
  // The run's demo world is what seedDemo writes on a freshly migrated database (SHIPMENTS, the
  // default seed): a copy of it, rather than a seeding of its own that would write the same rows.
  db = await createDemoDatabase(SHIPMENTS);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
}, 120_000);

afterAll(async () => {
  await client?.end();
  await db?.drop();
  await other?.drop();
});

describe('seeding', () => {
  test('isSeeded reports the seeded database; the reported counts are the rows', async () => {
    expect(await isSeeded(db.url)).toBe(true);
    expect(await one('SELECT count(*)::int AS n FROM customs.shipment')).toEqual({ n: SHIPMENTS });
  });

  test('loads without per-row key checks but proves every foreign key before it commits', async () => {
    const everyTable = TABLE_ORDER.map((t) => qualified(TABLES[t]));
    await expect(verifyForeignKeys(client, everyTable)).resolves.toBeUndefined();
    // A flight of a route that does not exist, slipped past the triggers as the seeder loads.
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(
        `INSERT INTO routes.flight (number, date, route_id, scheduled_departure, scheduled_arrival, status)
         VALUES ('ZZ999', '2020-01-01', 'no-such-route', '2020-01-01T08:00Z', '2020-01-01T10:00Z', 'ARRIVED')`,
      );
      await expect(verifyForeignKeys(client, everyTable)).rejects.toThrow(
        'routes.flight breaks its foreign key flight_route_id_fkey: (no-such-route) is not in routes.route',
      );
    } finally {
      await client.query('ROLLBACK');
    }
  });

  test('refuses too few shipments and bad seeds with a clear message', async () => {
    await expect(seedDemo({ urls: urlsOf(db.url), shipments: 10 })).rejects.toThrow(/at least 50/);
    await expect(seedDemo({ urls: urlsOf(db.url), shipments: 100, seed: -1 })).rejects.toThrow(
      /seed must be an integer/,
    );
  });

  test('is deterministic: another seed gives other rows; re-seeding with the same seed replaces everything, history and idempotency keys included, with identical rows', async () => {
    other = await createTestDatabase();
    expect(await isSeeded(other.url)).toBe(false);

    const seeded = await seedDemo({ urls: urlsOf(other.url), shipments: SHIPMENTS, seed: 7 });
    expect(seeded.shipments).toBe(SHIPMENTS);
    expect(seeded.rows.shipment).toBe(SHIPMENTS);
    expect(await isSeeded(other.url)).toBe(true);
    const mine = await fingerprints(db.url);
    const shipments = await fingerprintTables(other.url, ['customs.shipment']);
    expect(shipments['customs.shipment']).not.toEqual(mine['customs.shipment']);

    // What agencies write after a seeding: keys of their mutations, history of their changes.
    const c = new pg.Client({ connectionString: other.url });
    await c.connect();
    try {
      for (const agency of HISTORY_AGENCIES) {
        await c.query(
          `INSERT INTO ${agency}.idempotency_key (operation, key, request_hash, result)
           VALUES ('demoTest', 'key-1', 'hash', '{"ok": true}')`,
        );
        await c.query(
          `INSERT INTO ${agency}.status_change (entity_type, entity_id, from_status, to_status, actor)
           VALUES ('Stale', 'stale-1', NULL, 'STALE', 'user:test')`,
        );
      }
      await seedDemo({ urls: urlsOf(other.url), shipments: SHIPMENTS, seed: SEED });
      for (const agency of HISTORY_AGENCIES) {
        const [left] = await rows(
          `SELECT (SELECT count(*)::int FROM ${agency}.idempotency_key) AS keys,
                  (SELECT count(*)::int FROM ${agency}.status_change
                    WHERE entity_type = 'Stale' OR actor <> 'system:demo-seed') AS stale,
                  (SELECT min(id)::int FROM ${agency}.status_change) AS first_id`,
          [],
          c,
        );
        expect({ agency, ...left }).toEqual({ agency, keys: 0, stale: 0, first_id: 1 });
      }
    } finally {
      await c.end();
    }
    expect(await fingerprints(other.url)).toEqual(mine);
  }, 120_000);

  test('showcase shipments are the same whatever the size of the data set', async () => {
    // The run's bigger demo world (its other template) against this file's.
    const bigger = await createDemoDatabase(EXPORT_WORLD_SHIPMENTS);
    const c = new pg.Client({ connectionString: bigger.url });
    await c.connect();
    try {
      const showcaseRows = (target: pg.Client) =>
        rows<{ md5: string; n: number }>(
          `SELECT md5(string_agg(s::text, '|' ORDER BY s.awb)) AS md5, count(*)::int AS n
           FROM customs.shipment s WHERE awb = ANY ($1)`,
          [Object.values(SHOWCASE)],
          target,
        );
      expect(await countOf('customs.shipment')).toBeLessThan(EXPORT_WORLD_SHIPMENTS);
      const mine = await showcaseRows(client);
      expect(mine).toEqual([{ md5: expect.any(String), n: Object.keys(SHOWCASE).length }]);
      expect(await showcaseRows(c)).toEqual(mine);
    } finally {
      await c.end();
      await bigger.drop();
    }
  });
});

describe('identifiers', () => {
  test('every AWB has a valid check digit and the prefix of its first leg’s airline', async () => {
    const awbs = await rows<{ awb: string }>('SELECT awb FROM customs.shipment');
    expect(awbs).toHaveLength(SHIPMENTS);
    expect(awbs.map((r) => checkAwb(r.awb)).filter((problem) => problem !== null)).toEqual([]);
    expect(awbs.filter((r) => normalizeAwb(r.awb) !== r.awb)).toEqual([]);
    // Every shipment's first leg, its flight, route and airline.
    await noBadRows(
      `FROM customs.shipment s
       JOIN routes.shipment_leg l ON l.awb = s.awb AND l.sequence = 1
       JOIN routes.flight f ON f.number = l.flight_number AND f.date = l.flight_date
       JOIN routes.route r ON r.id = f.route_id
       JOIN routes.airline a ON a.iata_code = r.airline_iata`,
      `a.awb_prefix IS DISTINCT FROM substr(s.awb, 1, 3)`,
      { rows: SHIPMENTS },
    );
  });

  test('declaration numbers: valid, with the office of the port, filing year (Beijing), direction', async () => {
    const numbers = await rows<{ number: string }>('SELECT number FROM customs.declaration');
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.map((r) => checkDeclarationNumber(r.number)).filter((p) => p !== null)).toEqual(
      [],
    );
    await noBadRows(
      `FROM customs.declaration`,
      `substr(number, 1, 4) <> customs_office_code
       OR substr(number, 5, 4)::int <> extract(year FROM filed_at AT TIME ZONE 'Asia/Shanghai')
       OR substr(number, 9, 1) <> CASE direction WHEN 'IMPORT' THEN '1' ELSE '0' END`,
      { rows: numbers.length, some: [`direction = 'IMPORT'`, `direction = 'EXPORT'`] },
    );
    await noBadRows(
      `FROM customs.declaration d JOIN customs.shipment s USING (awb)`,
      `d.customs_office_code <> CASE s.port_of_entry_iata WHEN 'PEK' THEN '0101' ELSE '0102' END`,
      {
        rows: numbers.length,
        some: [`s.port_of_entry_iata = 'PEK'`, `s.port_of_entry_iata = 'PKX'`],
      },
    );
  });

  test('HS codes and USCCs are valid', async () => {
    const codes = await rows<{ hs_code: string }>(
      'SELECT DISTINCT hs_code FROM customs.declaration_item',
    );
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.map((r) => checkHsCode(r.hs_code)).filter((p) => p !== null)).toEqual([]);
    const usccs = await rows<{ uscc: string }>(
      'SELECT uscc FROM customs.enterprise UNION SELECT uscc FROM drugs.agent_qualification',
    );
    expect(usccs.length).toBeGreaterThan(500);
    expect(usccs.filter((r) => checkUscc(r.uscc) !== null)).toEqual([]);
  });

  test('drug approval numbers are the ASCII NMPA form of imported drugs', async () => {
    await noBadRows(`FROM drugs.drug_approval`, `number !~ '^[HZS]J\\d{8}$'`, {
      some: [`number LIKE 'SJ%'`, `number LIKE 'HJ%'`],
    });
  });
});

describe('cross-agency references', () => {
  test('every AWB recorded by airports, routes and drugs is a customs shipment, and every shipment has legs', async () => {
    for (const table of [
      'airports.cargo_arrival',
      'airports.handling_event',
      'routes.shipment_leg',
      'drugs.consolidated_import_shipment',
    ]) {
      await noBadRows(
        `FROM ${table} t`,
        `NOT EXISTS (SELECT 1 FROM customs.shipment s WHERE s.awb = t.awb)`,
      );
    }
    await noBadRows(
      `FROM customs.shipment s`,
      `NOT EXISTS (SELECT 1 FROM routes.shipment_leg l WHERE l.awb = s.awb)`,
      { rows: SHIPMENTS },
    );
  });

  test('every airport code used anywhere is an airport of the airports agency', async () => {
    const used = [
      'SELECT origin_iata AS c FROM customs.shipment',
      'SELECT destination_iata FROM customs.shipment',
      'SELECT port_of_entry_iata FROM customs.shipment',
      'SELECT airport_iata FROM customs.bonded_zone WHERE airport_iata IS NOT NULL',
      'SELECT origin_iata FROM routes.route',
      'SELECT destination_iata FROM routes.route',
      'SELECT from_iata FROM routes.shipment_leg',
      'SELECT to_iata FROM routes.shipment_leg',
    ].join(' UNION ');
    // Every code used, the two hubs and foreign airports alike.
    await noBadRows(
      `FROM (${used}) u`,
      `NOT EXISTS (SELECT 1 FROM airports.airport a WHERE a.iata_code = u.c)`,
      { some: [`u.c = 'PEK'`, `u.c = 'PKX'`, `u.c NOT IN ('PEK', 'PKX')`] },
    );
    await noBadRows(`FROM customs.shipment`, `port_of_entry_iata NOT IN ('PEK', 'PKX')`, {
      rows: SHIPMENTS,
    });
  });

  test('inspection sites are facilities; drug approvals named on items exist', async () => {
    await noBadRows(
      `FROM customs.declaration d WHERE inspection_site_id IS NOT NULL`,
      `NOT EXISTS (SELECT 1 FROM airports.facility f WHERE f.id = d.inspection_site_id)`,
    );
    await noBadRows(
      `FROM customs.declaration_item i WHERE drug_approval_number IS NOT NULL`,
      `NOT EXISTS (SELECT 1 FROM drugs.drug_approval a WHERE a.number = i.drug_approval_number)`,
    );
  });

  test('special-goods applications name real consolidated imports; every submitted import has one', async () => {
    // The link is recorded once, by customs (special_goods_application.consolidated_import_id).
    await noBadRows(
      `FROM customs.special_goods_application a WHERE a.consolidated_import_id IS NOT NULL`,
      `NOT EXISTS (SELECT 1 FROM drugs.consolidated_import c WHERE c.id = a.consolidated_import_id)`,
    );
    // Exactly one application per import past collecting, none while collecting.
    await noBadRows(
      `FROM drugs.consolidated_import c`,
      `(SELECT count(*) FROM customs.special_goods_application a WHERE a.consolidated_import_id = c.id)
       <> CASE WHEN c.status = 'COLLECTING' THEN 0 ELSE 1 END`,
      {
        rows: await countOf('drugs.consolidated_import'),
        some: [`c.status = 'COLLECTING'`, `c.status <> 'COLLECTING'`],
      },
    );
    await noBadRows(
      `FROM drugs.consolidated_import_shipment cis`,
      `NOT EXISTS (SELECT 1 FROM customs.special_goods_shipment sgs
         JOIN customs.special_goods_application a ON a.number = sgs.application_number
         WHERE sgs.awb = cis.awb AND a.consolidated_import_id = cis.consolidated_import_id)`,
    );
    await noBadRows(
      `FROM customs.special_goods_shipment sgs
       JOIN customs.special_goods_application a ON a.number = sgs.application_number`,
      `NOT EXISTS (SELECT 1 FROM drugs.consolidated_import_shipment cis
         WHERE cis.awb = sgs.awb AND cis.consolidated_import_id = a.consolidated_import_id)`,
      { rows: await countOf('customs.special_goods_shipment') },
    );
  });

  test('agents are customs enterprises; consolidated lines use valid approvals covering the hospital', async () => {
    await noBadRows(
      `FROM drugs.agent_qualification q`,
      `NOT EXISTS (SELECT 1 FROM customs.enterprise e WHERE e.uscc = q.uscc)`,
    );
    // Every line, with the approval it cites.
    await noBadRows(
      `FROM drugs.consolidated_line l JOIN drugs.drug_approval a ON a.number = l.approval_number`,
      `a.status <> 'VALID' OR NOT EXISTS (SELECT 1 FROM drugs.approved_unit u
         WHERE u.approval_number = l.approval_number AND u.institution_id = l.institution_id)`,
      { rows: await countOf('drugs.consolidated_line') },
    );
    // The agent is the consignee of its shipments and the applicant for their special goods.
    await noBadRows(
      `FROM drugs.consolidated_import_shipment cis
       JOIN drugs.consolidated_import c ON c.id = cis.consolidated_import_id
       JOIN customs.shipment s ON s.awb = cis.awb
       JOIN customs.special_goods_application a ON a.consolidated_import_id = c.id`,
      `s.consignee_uscc <> c.agent_uscc OR a.applicant_uscc <> c.agent_uscc`,
      { rows: await countOf('drugs.consolidated_import_shipment') },
    );
  });
});

describe('legs and timelines', () => {
  test('legs fly real flights of real routes, chained, from the shipment origin to its destination', async () => {
    // Every leg, with its flight and route.
    await noBadRows(
      `FROM routes.shipment_leg l
       JOIN routes.flight f ON f.number = l.flight_number AND f.date = l.flight_date
       JOIN routes.route r ON r.id = f.route_id`,
      `r.origin_iata <> l.from_iata OR r.destination_iata <> l.to_iata OR f.status = 'CANCELLED'`,
      { rows: await countOf('routes.shipment_leg') },
    );
    // Every pair of consecutive legs, with both flights (flown ones among them).
    await noBadRows(
      `FROM routes.shipment_leg a
       JOIN routes.shipment_leg b ON b.awb = a.awb AND b.sequence = a.sequence + 1
       JOIN routes.flight fa ON fa.number = a.flight_number AND fa.date = a.flight_date
       JOIN routes.flight fb ON fb.number = b.flight_number AND fb.date = b.flight_date`,
      `a.to_iata <> b.from_iata OR fb.scheduled_departure <= fa.scheduled_arrival
       OR fb.actual_departure <= fa.actual_arrival`,
      {
        rows: await countOf('routes.shipment_leg WHERE sequence > 1'),
        some: ['fb.actual_departure IS NOT NULL AND fa.actual_arrival IS NOT NULL'],
      },
    );
    await noBadRows(
      `FROM customs.shipment s`,
      `s.origin_iata IS DISTINCT FROM (SELECT from_iata FROM routes.shipment_leg l
                                       WHERE l.awb = s.awb ORDER BY sequence LIMIT 1)
       OR s.destination_iata IS DISTINCT FROM (SELECT to_iata FROM routes.shipment_leg l
                                               WHERE l.awb = s.awb ORDER BY sequence DESC LIMIT 1)
       OR (SELECT max(sequence) FROM routes.shipment_leg l WHERE l.awb = s.awb)
          IS DISTINCT FROM (SELECT count(*) FROM routes.shipment_leg l WHERE l.awb = s.awb)`,
      { rows: SHIPMENTS },
    );
  });

  test('manifest ≥ 4 h before arrival; cargo received after landing (before take-off for exports)', async () => {
    // Every flown leg into the port of entry.
    await noBadRows(
      `FROM customs.shipment s
       JOIN routes.shipment_leg l ON l.awb = s.awb AND l.to_iata = s.port_of_entry_iata
       JOIN routes.flight f ON f.number = l.flight_number AND f.date = l.flight_date
       WHERE f.actual_arrival IS NOT NULL`,
      `s.manifested_at > f.actual_arrival - interval '4 hours'`,
    );
    // Imports (and transfers): every tally after the landing of the leg into the port.
    const inbound = await noBadRows(
      `FROM airports.cargo_arrival a
       JOIN customs.shipment s ON s.awb = a.awb
       JOIN routes.shipment_leg l ON l.awb = a.awb AND l.to_iata = s.port_of_entry_iata
       JOIN routes.flight f ON f.number = l.flight_number AND f.date = l.flight_date`,
      `f.actual_arrival IS NULL OR a.arrived_at < f.actual_arrival
       OR a.airport_iata <> s.port_of_entry_iata`,
    );
    // Exports: every tally before the take-off of the leg out of the port.
    const outbound = await noBadRows(
      `FROM airports.cargo_arrival a
       JOIN customs.shipment s ON s.awb = a.awb
       JOIN routes.shipment_leg l ON l.awb = a.awb AND l.from_iata = s.port_of_entry_iata
       JOIN routes.flight f ON f.number = l.flight_number AND f.date = l.flight_date`,
      `a.arrived_at >= f.scheduled_departure OR a.airport_iata <> s.port_of_entry_iata`,
    );
    // Between them, every tally is checked (a transfer has a leg in and a leg out).
    expect(inbound + outbound).toBeGreaterThanOrEqual(await countOf('airports.cargo_arrival'));
    // The facility is at the port of entry and operational by then.
    await noBadRows(
      `FROM airports.cargo_arrival a JOIN airports.facility f ON f.id = a.facility_id`,
      `f.airport_iata <> a.airport_iata OR f.commissioned_on IS NULL
       OR f.commissioned_on > a.arrived_at::date`,
      { rows: await countOf('airports.cargo_arrival') },
    );
  });

  test('handling events are chronological, start with ARRIVED at the tally, and belong to arrived cargo', async () => {
    // Every event after a shipment's first.
    await noBadRows(
      `FROM (SELECT awb, at, lag(at) OVER (PARTITION BY awb ORDER BY id) AS before
             FROM airports.handling_event) e
       WHERE before IS NOT NULL`,
      `at < before`,
    );
    // Every shipment's first event.
    await noBadRows(
      `FROM (SELECT DISTINCT ON (awb) awb, type FROM airports.handling_event ORDER BY awb, id) f`,
      `type <> 'ARRIVED'`,
      { rows: await countOf('(SELECT DISTINCT awb FROM airports.handling_event) e') },
    );
    await noBadRows(
      `FROM airports.handling_event e JOIN airports.cargo_arrival a ON a.awb = e.awb
       WHERE e.type IN ('ARRIVED', 'TALLIED')`,
      `(e.type = 'ARRIVED' AND e.at <> a.arrived_at) OR (e.type = 'TALLIED' AND e.at <= a.arrived_at)`,
      { some: [`e.type = 'ARRIVED'`, `e.type = 'TALLIED'`] },
    );
    await noBadRows(
      `FROM airports.handling_event e`,
      `NOT EXISTS (SELECT 1 FROM airports.cargo_arrival a WHERE a.awb = e.awb)`,
    );
  });

  test('declarations: filed within 14 days of arrival, released after filing, cargo out after release', async () => {
    const declarations = await countOf('customs.declaration');
    await noBadRows(
      `FROM customs.declaration d JOIN airports.cargo_arrival a ON a.awb = d.awb
       WHERE d.direction = 'IMPORT'`,
      `d.filed_at < a.arrived_at OR d.filed_at > a.arrived_at + interval '14 days'`,
      { rows: await countOf(`customs.declaration WHERE direction = 'IMPORT'`) },
    );
    await noBadRows(
      `FROM customs.declaration d`,
      `NOT EXISTS (SELECT 1 FROM airports.cargo_arrival a WHERE a.awb = d.awb)`,
      { rows: declarations },
    );
    await noBadRows(
      `FROM customs.declaration`,
      `(status = 'RELEASED') <> (released_at IS NOT NULL)
       OR (status = 'REJECTED') <> (rejection_reason IS NOT NULL)
       OR released_at < filed_at`,
      { rows: declarations, some: [`status = 'RELEASED'`, `status = 'REJECTED'`] },
    );
    await noBadRows(
      `FROM airports.handling_event e JOIN customs.shipment s ON s.awb = e.awb
       WHERE e.type = 'RELEASED_FROM_WAREHOUSE'`,
      `s.released_at IS NULL OR e.at < s.released_at`,
    );
  });

  test('perishables are released 2–6 h after arrival, drugs 24–72 h', async () => {
    const stats = await rows<{ kind: string; n: number; lo: number; hi: number }>(`
      SELECT CASE WHEN i.drug_approval_number IS NULL THEN 'perishable' ELSE 'drug' END AS kind,
             count(*)::int AS n,
             min(extract(epoch FROM s.released_at - a.arrived_at) / 3600)::float AS lo,
             max(extract(epoch FROM s.released_at - a.arrived_at) / 3600)::float AS hi
      FROM customs.shipment s
      JOIN airports.cargo_arrival a ON a.awb = s.awb
      JOIN customs.declaration d ON d.awb = s.awb
      JOIN customs.declaration_item i ON i.declaration_number = d.number AND i.line = 1
      WHERE s.clearance_status = 'RELEASED'
        AND (i.hs_code LIKE '03%' OR i.hs_code LIKE '08%' OR i.drug_approval_number IS NOT NULL)
      GROUP BY 1 ORDER BY 1`);
    expect(stats.map((s) => s.kind)).toEqual(['drug', 'perishable']);
    const [drug, perishable] = stats;
    expect(perishable.lo).toBeGreaterThanOrEqual(2);
    expect(perishable.hi).toBeLessThanOrEqual(6);
    expect(drug.lo).toBeGreaterThanOrEqual(24);
    expect(drug.hi).toBeLessThanOrEqual(72);
  });

  test('the clearance summary of every shipment is customs’ rule over its declarations', async () => {
    const declarations = new Map<string, DeclarationState[]>();
    const filed = await rows<{ awb: string; status: DeclarationStatus; released_at: Date | null }>(
      'SELECT awb, status, released_at FROM customs.declaration',
    );
    for (const d of filed) {
      const list = declarations.get(d.awb) ?? [];
      list.push({ status: d.status, releasedAt: d.released_at });
      declarations.set(d.awb, list);
    }
    const shipments = await rows<{
      awb: string;
      clearance_status: ClearanceStatus;
      released_at: Date | null;
    }>('SELECT awb, clearance_status, released_at FROM customs.shipment');
    const disagreeing = shipments.filter((s) => {
      const rule = summariseClearance(declarations.get(s.awb) ?? []);
      return (
        rule.status !== s.clearance_status ||
        rule.releasedAt?.getTime() !== s.released_at?.getTime()
      );
    });
    expect(disagreeing).toEqual([]);
    const statuses = new Set(shipments.map((s) => s.clearance_status));
    expect([...statuses].sort()).toEqual(Object.values(ClearanceStatus).sort());
  });
});

describe('every kind of shipment is present', () => {
  test('every supervision mode, both bonded zones with their modes, 1210 only at PKX', async () => {
    const modes = await rows<{ code: string }>(
      'SELECT DISTINCT supervision_mode_code AS code FROM customs.declaration ORDER BY 1',
    );
    expect(modes.map((m) => m.code)).toEqual([
      '0110',
      '1210',
      '5000',
      '5034',
      '5100',
      '9610',
      '9710',
      '9810',
    ]);
    const zones = await rows(
      `SELECT bonded_zone_code AS code,
              array_agg(DISTINCT supervision_mode_code ORDER BY supervision_mode_code) AS modes
       FROM customs.declaration WHERE bonded_zone_code IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    expect(zones).toEqual([
      { code: 'BJ-DAXING-CBZ', modes: ['1210', '5034'] },
      { code: 'BJ-ZGC-CBZ', modes: ['5000', '5100'] },
    ]);
    await noBadRows(
      `FROM customs.declaration d JOIN customs.shipment s USING (awb)
       WHERE d.supervision_mode_code = '1210'`,
      `d.bonded_zone_code IS DISTINCT FROM 'BJ-DAXING-CBZ' OR s.port_of_entry_iata <> 'PKX'`,
    );
  });

  test('fruit and chilled seafood are received and inspected at the designated sites, with licences', async () => {
    const sites = await rows(`
      SELECT DISTINCT CASE WHEN i.hs_code LIKE '08%' THEN 'fruit' ELSE 'seafood' END AS goods,
             f.kind AS site, af.kind AS received
      FROM customs.declaration d
      JOIN customs.declaration_item i ON i.declaration_number = d.number
      JOIN airports.facility f ON f.id = d.inspection_site_id
      JOIN airports.cargo_arrival a ON a.awb = d.awb
      JOIN airports.facility af ON af.id = a.facility_id
      WHERE i.hs_code LIKE '08%' OR i.hs_code LIKE '03%'
      ORDER BY 1`);
    expect(sites).toEqual([
      { goods: 'fruit', site: 'DESIGNATED_SITE_FRUIT', received: 'DESIGNATED_SITE_FRUIT' },
      {
        goods: 'seafood',
        site: 'DESIGNATED_SITE_CHILLED_AQUATIC',
        received: 'DESIGNATED_SITE_CHILLED_AQUATIC',
      },
    ]);
    await noBadRows(
      `FROM customs.declaration d
       JOIN customs.declaration_item i ON i.declaration_number = d.number
       WHERE i.hs_code LIKE '08%' OR i.hs_code LIKE '03%'`,
      `NOT d.inspection_required OR NOT EXISTS (
         SELECT 1 FROM customs.licence l WHERE l.declaration_number = d.number AND l.code = 'A')`,
      { some: [`i.hs_code LIKE '08%'`, `i.hs_code LIKE '03%'`] },
    );
    await noBadRows(
      `FROM customs.declaration d
       JOIN customs.declaration_item i ON i.declaration_number = d.number
       WHERE i.hs_code LIKE '0302%'`,
      `NOT EXISTS (SELECT 1 FROM customs.licence l WHERE l.declaration_number = d.number AND l.code = 'U')`,
    );
    // The PKX sites are used, and only from the days they were approved.
    const pkx = await rows<{ id: string; first: string }>(`
      SELECT facility_id AS id, min(arrived_at)::date::text AS first FROM airports.cargo_arrival
      WHERE facility_id IN ('PKX-FRUIT', 'PKX-AQUATIC') GROUP BY 1 ORDER BY 1`);
    expect(pkx.map((p) => p.id)).toEqual(['PKX-AQUATIC', 'PKX-FRUIT']);
    expect(pkx[0].first >= '2025-07-10').toBe(true);
    expect(pkx[1].first >= '2024-09-27').toBe(true);
  });

  test('remanufactured goods are supervised as new, in general trade', async () => {
    expect(
      await one(`
        SELECT count(*) > 0 AS present,
               count(*) FILTER (WHERE NOT i.supervised_as_new OR d.supervision_mode_code <> '0110')::int AS wrong
        FROM customs.declaration_item i JOIN customs.declaration d ON d.number = i.declaration_number
        WHERE i.remanufactured`),
    ).toEqual({ present: true, wrong: 0 });
  });

  test('cell therapy comes through a qualified agent with a consolidated import and an approved special-goods application', async () => {
    const found = await rows(`
      SELECT s.awb FROM customs.shipment s
      JOIN customs.declaration d ON d.awb = s.awb
      JOIN customs.declaration_item i ON i.declaration_number = d.number
      JOIN drugs.drug_approval a ON a.number = i.drug_approval_number AND a.category = 'CELL_THERAPY'
      JOIN customs.licence l ON l.declaration_number = d.number AND l.code = 'Q'
      JOIN drugs.consolidated_import_shipment cis ON cis.awb = s.awb
      JOIN drugs.consolidated_import c ON c.id = cis.consolidated_import_id
      JOIN drugs.agent_qualification q ON q.uscc = c.agent_uscc AND 'CELL_THERAPY' = ANY (q.categories)
      JOIN customs.special_goods_shipment sgs ON sgs.awb = s.awb
      JOIN customs.special_goods_application sga ON sga.number = sgs.application_number
      WHERE sga.status = 'APPROVED' AND sga.risk_level = 'D' AND sga.category = 'HUMAN_TISSUE'
        AND sga.valid_until >= s.manifested_at::date AND sga.decided_at < s.manifested_at`);
    expect(found.length).toBeGreaterThan(0);
    // Every drug item is a need of a hospital in the shipment's consolidated import.
    await noBadRows(
      `FROM customs.declaration_item i
       JOIN customs.declaration d ON d.number = i.declaration_number
       WHERE i.drug_approval_number IS NOT NULL`,
      `NOT EXISTS (SELECT 1 FROM drugs.consolidated_import_shipment cis
         JOIN drugs.consolidated_line cl ON cl.consolidated_import_id = cis.consolidated_import_id
         WHERE cis.awb = d.awb AND cl.approval_number = i.drug_approval_number)`,
      { rows: await countOf('customs.declaration_item WHERE drug_approval_number IS NOT NULL') },
    );
  });

  test('transshipments have two or more legs; rejected declarations carry a reason', async () => {
    expect(
      await one(`
        SELECT count(*) FILTER (WHERE s.destination_iata NOT IN ('PEK', 'PKX'))::int > 0 AS onward,
               count(*) FILTER (WHERE s.destination_iata IN ('PEK', 'PKX'))::int > 0 AS via_foreign_hub
        FROM customs.shipment s
        WHERE (SELECT count(*) FROM routes.shipment_leg l WHERE l.awb = s.awb) >= 2`),
    ).toEqual({ onward: true, via_foreign_hub: true });
    // Transshipments tallied a week before the demo's "now" have been transferred on.
    await noBadRows(
      `FROM customs.shipment s JOIN airports.cargo_arrival a ON a.awb = s.awb
       WHERE s.destination_iata NOT IN ('PEK', 'PKX') AND s.origin_iata NOT IN ('PEK', 'PKX')
         AND a.arrived_at < '2026-11-20'`,
      `NOT EXISTS (SELECT 1 FROM airports.handling_event e
         WHERE e.awb = s.awb AND e.type = 'TRANSFERRED_FOR_TRANSSHIPMENT')`,
    );
    expect(
      await one(`SELECT count(*)::int > 0 AS present FROM customs.declaration
                 WHERE status = 'REJECTED' AND length(rejection_reason) > 10`),
    ).toEqual({ present: true });
  });

  test('routes: active, suspended, resumed and planned, with flights only while flying', async () => {
    const statuses = await rows<{ status: string }>(
      'SELECT DISTINCT status FROM routes.route ORDER BY 1',
    );
    expect(statuses.map((s) => s.status)).toEqual(['ACTIVE', 'PLANNED', 'RESUMED', 'SUSPENDED']);
    await noBadRows(
      `FROM routes.flight f JOIN routes.route r ON r.id = f.route_id`,
      `r.opened_on IS NULL OR f.date < r.opened_on
       OR (f.date >= r.suspended_on AND (r.resumed_on IS NULL OR f.date < r.resumed_on))`,
      {
        rows: await countOf('routes.flight'),
        some: [`r.suspended_on IS NOT NULL`, `r.resumed_on IS NOT NULL AND f.date >= r.resumed_on`],
      },
    );
    const named = await rows(`
      SELECT r.id, r.status, min(f.date)::text AS first, max(f.date)::text AS last
      FROM routes.route r LEFT JOIN routes.flight f ON f.route_id = r.id
      WHERE r.id IN ('CA-PEK-FRA', 'CZ-PKX-LHR', 'CA-PEK-IAD', 'LH-FRA-PEK', 'UA-SFO-PEK')
      GROUP BY 1, 2 ORDER BY 1`);
    expect(named).toEqual([
      { id: 'CA-PEK-FRA', status: 'ACTIVE', first: '2022-12-22', last: '2026-12-11' },
      {
        id: 'CA-PEK-IAD',
        status: 'RESUMED',
        first: expect.stringMatching(/^2023-11-/),
        last: expect.any(String),
      },
      {
        id: 'CZ-PKX-LHR',
        status: 'ACTIVE',
        first: expect.stringMatching(/^2023-06-/),
        last: '2026-12-11',
      },
      { id: 'LH-FRA-PEK', status: 'SUSPENDED', first: expect.any(String), last: '2024-10-26' },
      { id: 'UA-SFO-PEK', status: 'RESUMED', first: '2023-08-31', last: '2026-12-11' },
    ]);
  });
});

describe('showcase shipments', () => {
  const legs = (awb: string) =>
    rows<{ from_iata: string; to_iata: string; flight_number: string }>(
      'SELECT from_iata, to_iata, flight_number FROM routes.shipment_leg WHERE awb = $1 ORDER BY sequence',
      [awb],
    );
  const declarations = (awb: string) =>
    rows(
      `SELECT d.*, (SELECT array_agg(code ORDER BY code) FROM customs.licence l
                    WHERE l.declaration_number = d.number) AS licences
       FROM customs.declaration d WHERE awb = $1 ORDER BY filed_at`,
      [awb],
    );
  const shipment = (awb: string) => one('SELECT * FROM customs.shipment WHERE awb = $1', [awb]);
  const arrival = (awb: string) =>
    rows(
      `SELECT facility_id, (arrived_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day, weight_kg
       FROM airports.cargo_arrival WHERE awb = $1`,
      [awb],
    );

  test('all exist', async () => {
    const found = await rows<{ awb: string }>(
      'SELECT awb FROM customs.shipment WHERE awb = ANY ($1) ORDER BY awb',
      [Object.values(SHOWCASE)],
    );
    expect(found.map((r) => r.awb)).toEqual([...Object.values(SHOWCASE)].sort());
  });

  test('transshipment, fruit, seafood', async () => {
    expect((await legs(SHOWCASE.transshipment)).map((l) => l.to_iata)).toEqual(['PEK', 'ICN']);
    expect(await shipment(SHOWCASE.transshipment)).toMatchObject({
      clearance_status: 'NOT_DECLARED',
      port_of_entry_iata: 'PEK',
    });

    expect((await legs(SHOWCASE.fruit)).map((l) => l.flight_number)).toEqual(['QR8161', 'QR892']);
    expect(await arrival(SHOWCASE.fruit)).toEqual([
      { facility_id: 'PKX-FRUIT', day: '2024-12-04', weight_kg: 3833 },
    ]);

    expect((await declarations(SHOWCASE.chilledSeafood))[0]).toMatchObject({
      inspection_site_id: 'PKX-AQUATIC',
      status: 'RELEASED',
      licences: ['A', 'U'],
    });
    expect(await arrival(SHOWCASE.seaUrchin)).toEqual([
      { facility_id: 'PKX-AQUATIC', day: '2025-10-17', weight_kg: 270 },
    ]);
  });

  test('bonded e-commerce, remanufactured, drugs', async () => {
    expect((await declarations(SHOWCASE.bondedEcommerce1210))[0]).toMatchObject({
      supervision_mode_code: '1210',
      bonded_zone_code: 'BJ-DAXING-CBZ',
    });
    expect(
      await one(
        `SELECT bool_and(remanufactured AND supervised_as_new) AS ok, count(*) > 0 AS present
         FROM customs.declaration_item i JOIN customs.declaration d ON d.number = i.declaration_number
         WHERE d.awb = $1 AND i.hs_code IN ('8408200000', '8407340000', '8708400000', '8511400000')`,
        [SHOWCASE.remanufactured],
      ),
    ).toEqual({ ok: true, present: true });

    for (const [awb, category] of [
      [SHOWCASE.cellTherapy, 'CELL_THERAPY'],
      [SHOWCASE.geneTherapy, 'GENE_THERAPY'],
      [SHOWCASE.urgentDrug, 'CLINICALLY_URGENT_DRUG'],
    ]) {
      expect(
        await one(
          `SELECT a.category, sga.status, sga.risk_level, c.status AS ci, l.code
           FROM customs.declaration d
           JOIN customs.declaration_item i ON i.declaration_number = d.number AND i.line = 1
           JOIN drugs.drug_approval a ON a.number = i.drug_approval_number
           JOIN customs.licence l ON l.declaration_number = d.number
           JOIN drugs.consolidated_import_shipment cis ON cis.awb = d.awb
           JOIN drugs.consolidated_import c ON c.id = cis.consolidated_import_id
           JOIN customs.special_goods_application sga ON sga.consolidated_import_id = c.id
           WHERE d.awb = $1`,
          [awb],
        ),
      ).toEqual({ category, status: 'APPROVED', risk_level: 'D', ci: 'DELIVERED', code: 'Q' });
    }
  });

  test('rejected, re-filed, held, under review, not arrived, not declared', async () => {
    expect((await declarations(SHOWCASE.rejected)).map((d) => d.status)).toEqual(['REJECTED']);
    expect(await shipment(SHOWCASE.rejected)).toMatchObject({
      clearance_status: 'REJECTED',
      released_at: null,
    });
    expect((await declarations(SHOWCASE.refiled)).map((d) => d.status)).toEqual([
      'REJECTED',
      'RELEASED',
    ]);
    expect(await shipment(SHOWCASE.refiled)).toMatchObject({ clearance_status: 'RELEASED' });
    expect(await shipment(SHOWCASE.heldForInspection)).toMatchObject({
      clearance_status: 'INSPECTION',
      port_of_entry_iata: 'PKX',
    });
    expect((await declarations(SHOWCASE.heldPerishable))[0]).toMatchObject({
      status: 'INSPECTION_REQUIRED',
      inspection_result: 'PENDING',
      inspection_site_id: 'PKX-AQUATIC',
    });
    expect(await shipment(SHOWCASE.underReview)).toMatchObject({ clearance_status: 'IN_PROGRESS' });
    expect(await shipment(SHOWCASE.notYetArrived)).toMatchObject({
      clearance_status: 'NOT_DECLARED',
    });
    expect(await arrival(SHOWCASE.notYetArrived)).toEqual([]);
    expect(await shipment(SHOWCASE.notDeclared)).toMatchObject({
      clearance_status: 'NOT_DECLARED',
    });
    expect(await arrival(SHOWCASE.notDeclared)).toHaveLength(1);
  });

  test('one per supervision mode and zone; a resumed route', async () => {
    const modes: [string, string, string | null, string][] = [
      [SHOWCASE.generalTradePek, '0110', null, 'PEK'],
      [SHOWCASE.generalTradePkx, '0110', null, 'PKX'],
      [SHOWCASE.cbecDirectMail9610, '9610', null, 'PEK'],
      [SHOWCASE.zoneLogistics5034, '5034', 'BJ-DAXING-CBZ', 'PKX'],
      [SHOWCASE.zgcRnd5000, '5000', 'BJ-ZGC-CBZ', 'PEK'],
      [SHOWCASE.zgcExport5100, '5100', 'BJ-ZGC-CBZ', 'PEK'],
      [SHOWCASE.cbecExportB2b9710, '9710', null, 'PKX'],
      [SHOWCASE.overseasWarehouse9810, '9810', null, 'PEK'],
    ];
    for (const [awb, mode, zone, port] of modes) {
      expect(
        await one(
          `SELECT d.supervision_mode_code AS mode, d.bonded_zone_code AS zone,
                  s.port_of_entry_iata AS port, d.status
           FROM customs.declaration d JOIN customs.shipment s USING (awb) WHERE awb = $1`,
          [awb],
        ),
      ).toEqual({ mode, zone, port, status: 'RELEASED' });
    }
    expect((await legs(SHOWCASE.resumedRoute))[0]).toMatchObject({
      from_iata: 'IAD',
      flight_number: 'CA818',
    });
  });
});

/**
 * The state machines of the records with a history, as the writes enforce them (the agencies' own
 * machines), and which statuses a record may be created in (what the create mutations set).
 */
const MACHINES: Record<string, { initial: string[]; machine: StateMachine<string> }> = {
  Declaration: { initial: ['FILED'], machine: declarationLifecycle },
  SpecialGoodsApplication: { initial: ['SUBMITTED'], machine: specialGoodsLifecycle },
  ConsolidatedImport: { initial: ['COLLECTING'], machine: consolidatedImportMachine },
  DrugApproval: { initial: ['VALID'], machine: approvalMachine },
  Route: { initial: ['PLANNED', 'ACTIVE'], machine: routeLifecycle },
  Flight: { initial: ['SCHEDULED'], machine: flightLifecycle },
  Facility: { initial: ['PLANNED'], machine: FACILITY_LIFECYCLE },
} as Record<string, { initial: string[]; machine: StateMachine<string> }>;

/** Every record with a history: where it is, its entity id and its current status. */
const HISTORIED = [
  { type: 'Declaration', agency: 'customs', table: 'customs.declaration', id: 'r.number' },
  {
    type: 'SpecialGoodsApplication',
    agency: 'customs',
    table: 'customs.special_goods_application',
    id: 'r.number',
  },
  { type: 'ConsolidatedImport', agency: 'drugs', table: 'drugs.consolidated_import', id: 'r.id' },
  { type: 'DrugApproval', agency: 'drugs', table: 'drugs.drug_approval', id: 'r.number' },
  { type: 'Route', agency: 'routes', table: 'routes.route', id: 'r.id' },
  {
    type: 'Flight',
    agency: 'routes',
    table: 'routes.flight',
    id: `r.number || '/' || to_char(r.date, 'YYYY-MM-DD')`,
  },
  { type: 'Facility', agency: 'airports', table: 'airports.facility', id: 'r.id' },
] as const;

const DEMO_NOW = '2026-11-27T04:00:00Z';

describe('status history', () => {
  test('every record has a history ending in its current status; no history without a record', async () => {
    for (const e of HISTORIED) {
      const [counts] = await rows<{ records: number; with_history: number }>(`
        SELECT count(*)::int AS records, count(h.entity_id)::int AS with_history
        FROM ${e.table} r
        LEFT JOIN LATERAL (
          SELECT c.entity_id, c.to_status FROM ${e.agency}.status_change c
          WHERE c.entity_type = '${e.type}' AND c.entity_id = ${e.id}
          ORDER BY c.at DESC, c.id DESC LIMIT 1) h ON true
        WHERE h.to_status IS NOT DISTINCT FROM r.status`);
      const [total] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${e.table}`);
      expect({ type: e.type, ...counts }).toEqual({
        type: e.type,
        records: total.n,
        with_history: total.n,
      });
      expect(total.n).toBeGreaterThan(0);
      await noBadRows(
        `FROM ${e.agency}.status_change c WHERE c.entity_type = '${e.type}'`,
        `NOT EXISTS (SELECT 1 FROM ${e.table} r WHERE ${e.id} = c.entity_id)`,
      );
    }
    for (const agency of HISTORY_AGENCIES) {
      const types = HISTORIED.filter((e) => e.agency === agency).map((e) => e.type);
      await noBadRows(
        `FROM ${agency}.status_change`,
        `entity_type <> ALL ('{${types.join(',')}}'::text[])`,
        { rows: await countOf(`${agency}.status_change`) },
      );
    }
  });

  test('each history is a chain from creation (from NULL), in time order, by the seeding actor', async () => {
    for (const agency of HISTORY_AGENCIES) {
      // The loader's order (at, id) is the insertion order: times never go back.
      await noBadRows(
        `FROM (SELECT entity_type, entity_id, id, at, from_status, to_status,
                      row_number() OVER w AS n, lag(to_status) OVER w AS previous,
                      lag(at) OVER (PARTITION BY entity_type, entity_id ORDER BY id) AS previous_at,
                      lag(id) OVER w AS previous_id
               FROM ${agency}.status_change
               WINDOW w AS (PARTITION BY entity_type, entity_id ORDER BY at, id)) c`,
        `(n = 1 AND from_status IS NOT NULL)
         OR (n > 1 AND from_status IS DISTINCT FROM previous)
         OR previous_at > at OR previous_id > id`,
        // Creations and later moves alike.
        { rows: await countOf(`${agency}.status_change`), some: ['n = 1', 'n > 1'] },
      );
      await noBadRows(
        `FROM ${agency}.status_change`,
        `actor <> 'system:demo-seed' OR at > '${DEMO_NOW}'`,
        { rows: await countOf(`${agency}.status_change`) },
      );
    }
  });

  test('every transition is legal for its state machine, and every machine is exercised', async () => {
    const seen = new Map<string, Set<string>>();
    for (const agency of HISTORY_AGENCIES) {
      const moves = await rows<{
        entity_type: string;
        from_status: string | null;
        to_status: string;
      }>(`SELECT DISTINCT entity_type, from_status, to_status FROM ${agency}.status_change`);
      for (const m of moves) {
        const machine = MACHINES[m.entity_type];
        expect(machine).toBeDefined();
        const legal =
          m.from_status === null
            ? machine.initial.includes(m.to_status)
            : machine.machine.can(m.from_status, m.to_status);
        if (!legal) throw new Error(`illegal: ${m.entity_type} ${m.from_status} → ${m.to_status}`);
        const key = m.entity_type;
        if (!seen.has(key)) seen.set(key, new Set());
        seen.get(key)!.add(`${m.from_status ?? '∅'}→${m.to_status}`);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(MACHINES).sort());
    // The interesting paths are there.
    expect([...seen.get('Declaration')!]).toEqual(
      expect.arrayContaining([
        '∅→FILED',
        'FILED→ACCEPTED',
        'FILED→REJECTED',
        'ACCEPTED→RELEASED',
        'ACCEPTED→INSPECTION_REQUIRED',
        'INSPECTION_REQUIRED→RELEASED',
        'ACCEPTED→UNDER_REVIEW',
        'UNDER_REVIEW→RELEASED',
      ]),
    );
    expect([...seen.get('Flight')!]).toEqual(
      expect.arrayContaining(['SCHEDULED→DEPARTED', 'DEPARTED→ARRIVED', 'SCHEDULED→CANCELLED']),
    );
    expect([...seen.get('Route')!]).toEqual(
      expect.arrayContaining(['∅→PLANNED', '∅→ACTIVE', 'ACTIVE→SUSPENDED', 'SUSPENDED→RESUMED']),
    );
    expect([...seen.get('Facility')!]).toEqual(
      expect.arrayContaining(['UNDER_CONSTRUCTION→OPERATIONAL']),
    );
    expect([...seen.get('DrugApproval')!]).toEqual(
      expect.arrayContaining(['VALID→SUSPENDED', 'VALID→EXPIRED']),
    );
  });

  test('the changes happen at the times the records hold', async () => {
    // Declarations: filed at filed_at, released at released_at, rejected with their reason.
    await noBadRows(
      `FROM customs.declaration d
       JOIN customs.status_change c ON c.entity_type = 'Declaration' AND c.entity_id = d.number`,
      `(c.from_status IS NULL AND c.at <> d.filed_at)
       OR (c.to_status = 'RELEASED' AND c.at IS DISTINCT FROM d.released_at)
       OR (c.to_status = 'REJECTED' AND c.reason IS DISTINCT FROM d.rejection_reason)
       OR c.at < d.filed_at OR c.at > coalesce(d.released_at, '${DEMO_NOW}')
       OR (c.to_status = 'INSPECTION_REQUIRED' AND NOT d.inspection_required)
       OR (c.to_status = 'INSPECTION_REQUIRED' AND c.at > d.inspection_completed_at)`,
      {
        rows: await countOf(`customs.status_change WHERE entity_type = 'Declaration'`),
        some: [
          'c.from_status IS NULL',
          `c.to_status = 'RELEASED'`,
          `c.to_status = 'REJECTED'`,
          `c.to_status = 'INSPECTION_REQUIRED' AND d.inspection_completed_at IS NOT NULL`,
        ],
      },
    );
    // Applications: submitted, decided at decided_at, expired the day after valid_until.
    await noBadRows(
      `FROM customs.special_goods_application a
       JOIN customs.status_change c
         ON c.entity_type = 'SpecialGoodsApplication' AND c.entity_id = a.number`,
      `(c.to_status = 'SUBMITTED' AND c.at <> a.submitted_at)
       OR (c.to_status = 'APPROVED' AND c.at IS DISTINCT FROM a.decided_at)
       OR (c.to_status = 'EXPIRED' AND (c.at AT TIME ZONE 'Asia/Shanghai')::date <> a.valid_until + 1)
       OR c.at < a.submitted_at`,
      {
        rows: await countOf(`customs.status_change WHERE entity_type = 'SpecialGoodsApplication'`),
        some: [`c.to_status = 'SUBMITTED'`, `c.to_status = 'APPROVED'`, `c.to_status = 'EXPIRED'`],
      },
    );
    // Consolidated imports: created, submitted, approved as their application, then shipped.
    await noBadRows(
      `FROM drugs.consolidated_import i
       JOIN drugs.status_change c ON c.entity_type = 'ConsolidatedImport' AND c.entity_id = i.id
       LEFT JOIN customs.special_goods_application a ON a.consolidated_import_id = i.id`,
      `(c.to_status = 'COLLECTING' AND c.at <> i.created_at)
       OR (c.to_status = 'SUBMITTED' AND c.at IS DISTINCT FROM i.submitted_at)
       OR (c.to_status = 'APPROVED' AND c.at IS DISTINCT FROM a.decided_at)`,
      {
        rows: await countOf(`drugs.status_change WHERE entity_type = 'ConsolidatedImport'`),
        some: [
          `c.to_status = 'COLLECTING'`,
          `c.to_status = 'SUBMITTED'`,
          `c.to_status = 'APPROVED'`,
        ],
      },
    );
    // Flights: departed and arrived at their actual times.
    await noBadRows(
      `FROM routes.flight f
       JOIN routes.status_change c ON c.entity_type = 'Flight'
        AND c.entity_id = f.number || '/' || to_char(f.date, 'YYYY-MM-DD')`,
      `(c.to_status = 'DEPARTED' AND c.at IS DISTINCT FROM f.actual_departure)
       OR (c.to_status = 'ARRIVED' AND c.at IS DISTINCT FROM f.actual_arrival)
       OR (c.to_status IN ('SCHEDULED', 'CANCELLED') AND c.at > f.scheduled_departure)`,
      {
        rows: await countOf(`routes.status_change WHERE entity_type = 'Flight'`),
        some: [
          `c.to_status = 'DEPARTED'`,
          `c.to_status = 'ARRIVED'`,
          `c.to_status = 'SCHEDULED'`,
          `c.to_status = 'CANCELLED'`,
        ],
      },
    );
    // Routes and facilities: on the dates they hold (Beijing time).
    const beijingDay = `(c.at AT TIME ZONE 'Asia/Shanghai')::date`;
    await noBadRows(
      `FROM routes.route r
       JOIN routes.status_change c ON c.entity_type = 'Route' AND c.entity_id = r.id`,
      `(c.to_status = 'ACTIVE' AND ${beijingDay} IS DISTINCT FROM r.opened_on)
       OR (c.to_status = 'SUSPENDED' AND ${beijingDay} IS DISTINCT FROM r.suspended_on)
       OR (c.to_status = 'RESUMED' AND ${beijingDay} IS DISTINCT FROM r.resumed_on)`,
      {
        rows: await countOf(`routes.status_change WHERE entity_type = 'Route'`),
        some: [`c.to_status = 'ACTIVE'`, `c.to_status = 'SUSPENDED'`, `c.to_status = 'RESUMED'`],
      },
    );
    await noBadRows(
      `FROM airports.facility f
       JOIN airports.status_change c ON c.entity_type = 'Facility' AND c.entity_id = f.id
       WHERE c.to_status = 'OPERATIONAL'`,
      `${beijingDay} IS DISTINCT FROM f.commissioned_on`,
    );
    // A showcase: the rejected declaration says why, the re-filed one was released after.
    const history = await rows<{ from: string | null; to: string; reason: string | null }>(
      `SELECT c.from_status AS from, c.to_status AS to, c.reason
       FROM customs.declaration d
       JOIN customs.status_change c ON c.entity_type = 'Declaration' AND c.entity_id = d.number
       WHERE d.awb = $1 ORDER BY c.at, c.id`,
      [SHOWCASE.rejected],
    );
    expect(history[0]).toEqual({ from: null, to: 'FILED', reason: null });
    expect(history[history.length - 1]).toEqual({
      from: expect.any(String),
      to: 'REJECTED',
      reason: expect.stringMatching(/.{10}/),
    });
  });
});
