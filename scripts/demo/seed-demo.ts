import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DEFAULT_SEED, MIN_SHIPMENTS } from './config';
import { FlightTable } from './flights';
import { skipRowByRowChecks, verifyForeignKeys } from './foreign-keys';
import { flightHistory, HistoryWriter, writeReferenceHistory } from './history';
import { demoEnterprises } from './reference';
import { writeReferenceRows } from './reference-rows';
import { Rng, subSeed } from './rng';
import { ShipmentGenerator } from './shipments';
import { SHOWCASE, SHOWCASE_SEED, SHOWCASE_SPECS, ShowcaseName } from './showcase';
import {
  Agency,
  AGENCIES,
  clearedTables,
  qualified,
  RowSink,
  TableName,
  TABLE_ORDER,
  TABLES,
} from './tables';

export interface SeedOptions {
  /** Each agency's database (they may all be the same database). Migrations must be applied. */
  urls: Record<Agency, string>;
  /** Number of shipments, showcase shipments included (at least MIN_SHIPMENTS). */
  shipments: number;
  /** Seed of the random streams (default 20261127): same seed and count, same rows. */
  seed?: number;
  log?: (msg: string) => void;
}

export interface SeedResult {
  shipments: number;
  rows: Record<string, number>;
  ms: number;
}

/** Shipments generated per chunk: loaded with one COPY per table while the next is generated. */
const CHUNK = 10_000;

/** Flights whose status histories are loaded with one COPY. */
const FLIGHT_HISTORY_CHUNK = 20_000;

function checkOptions(options: SeedOptions): number {
  const { shipments } = options;
  if (!Number.isSafeInteger(shipments) || shipments < MIN_SHIPMENTS) {
    throw new Error(
      `the number of shipments must be an integer of at least ${MIN_SHIPMENTS}, got ${shipments}`,
    );
  }
  if (shipments > 50_000_000) {
    throw new Error(`the number of shipments must be at most 50000000, got ${shipments}`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`the seed must be an integer from 0 to 4294967295, got ${seed}`);
  }
  for (const agency of AGENCIES) {
    if (!options.urls[agency]) throw new Error(`no database URL for the ${agency} agency`);
  }
  return seed;
}

async function copyInto(client: pg.Client, table: TableName, text: string): Promise<void> {
  const def = TABLES[table];
  const stream = client.query(
    copyFrom(`COPY ${qualified(def)} (${def.columns.join(', ')}) FROM STDIN`),
  );
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(text);
  });
}

/**
 * Drops the plain (non-unique, non-constraint) indexes of the tables inside the open transaction
 * and returns the statements that build them again: building an index once after a bulk load is
 * several times faster than maintaining it row by row. Unique indexes and keys stay.
 */
async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT format('%I.%I', n.nspname, ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_namespace n ON n.oid = ic.relnamespace
     WHERE i.indrelid = ANY ($1::regclass[]) AND NOT i.indisunique
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [tables],
  );
  for (const r of rows) await client.query(`DROP INDEX ${r.name}`);
  return rows.map((r) => r.definition);
}

/** `load` started now and awaited later, while the next chunk is generated. */
function startLoad(
  clients: Record<Agency, pg.Client>,
  data: Map<TableName, string>,
): Promise<void> {
  const loading = load(clients, data);
  loading.catch(() => undefined); // awaited later; keeps an early failure from being "unhandled"
  return loading;
}

/** Loads one chunk: each agency's tables in foreign-key order, the agencies in parallel. */
async function load(
  clients: Record<Agency, pg.Client>,
  data: Map<TableName, string>,
): Promise<void> {
  await Promise.all(
    AGENCIES.map(async (agency) => {
      for (const table of TABLE_ORDER) {
        const text = data.get(table);
        if (text && TABLES[table].agency === agency) await copyInto(clients[agency], table, text);
      }
    }),
  );
}

/**
 * Replaces the demo data in all four agencies' schemas with a deterministic data set of
 * `shipments` shipments (the SHOWCASE ones among them), streamed with COPY in chunks so memory
 * stays bounded. Truncates the agencies' tables first; assumes the migrations were applied.
 */
export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const seed = checkOptions(options);
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const clients = {} as Record<Agency, pg.Client>;
  const keysToVerify = new Set<Agency>();
  const tablesOf = (agency: Agency) =>
    TABLE_ORDER.filter((t) => TABLES[t].agency === agency).map((t) => qualified(TABLES[t]));
  try {
    for (const agency of AGENCIES) {
      const client = new pg.Client({
        connectionString: options.urls[agency],
        application_name: `tradegraph-seed-${agency}`,
      });
      await client.connect();
      clients[agency] = client;
      await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '256MB'");
      if (await skipRowByRowChecks(client)) keysToVerify.add(agency);
      else log(`${agency}: foreign keys checked row by row (the role may not skip them)`);
    }

    // Each agency is replaced in one transaction: readers see the old data set or the new one,
    // and a failure leaves the old one (with its indexes) in place.
    const deferred = {} as Record<Agency, string[]>;
    for (const agency of AGENCIES) {
      const client = clients[agency];
      const tables = tablesOf(agency);
      await client.query('BEGIN');
      const cleared = [...tables, ...clearedTables(agency)];
      await client.query(`TRUNCATE ${cleared.join(', ')} RESTART IDENTITY CASCADE`);
      deferred[agency] = await dropSecondaryIndexes(client, tables);
    }

    const sink = new RowSink();
    const flights = new FlightTable(subSeed(seed, 1));
    const enterprises = demoEnterprises();
    writeReferenceRows(sink, enterprises, flights);
    const history = new HistoryWriter(sink);
    writeReferenceHistory(history);
    // Each chunk is generated while the one before it loads.
    let pending = startLoad(clients, sink.drain());
    // The flights' histories (a few rows per flight), in chunks like the shipments.
    for (let i = 0; i < flights.all.length; i += FLIGHT_HISTORY_CHUNK) {
      const end = Math.min(flights.all.length, i + FLIGHT_HISTORY_CHUNK);
      for (let j = i; j < end; j++) flightHistory(history, flights.all[j]);
      const data = sink.drain();
      await pending;
      pending = startLoad(clients, data);
    }
    log(`reference data generated (${flights.all.length} flights)`);

    const generator = new ShipmentGenerator(flights, enterprises, sink, new Rng(subSeed(seed, 3)));
    const showcaseRng = new Rng(SHOWCASE_SEED);
    for (const name of Object.keys(SHOWCASE) as ShowcaseName[]) {
      const spec = { ...SHOWCASE_SPECS[name], awb: SHOWCASE[name] };
      if (!generator.build(spec, showcaseRng)) {
        throw new Error(`demo data: the showcase shipment ${name} found no flight`);
      }
    }
    const showcaseCount = Object.keys(SHOWCASE).length;

    const rng = new Rng(subSeed(seed, 2));
    const total = options.shipments;
    let done = showcaseCount;
    while (done < total) {
      const n = Math.min(CHUNK, total - done);
      for (let i = 0; i < n; i++) {
        generator.generateRandom(rng);
        if (i % 2000 === 1999) await yieldToEventLoop();
      }
      done += n;
      if (done >= total) generator.pendingConsolidatedImports(3 + Math.floor(total / 20_000), rng);
      const data = sink.drain();
      await pending;
      pending = startLoad(clients, data);
      if (total >= 100_000) log(`${done} / ${total} shipments generated`);
    }
    if (done === showcaseCount) generator.pendingConsolidatedImports(3, rng);
    await pending;
    await load(clients, sink.drain());

    log('proving foreign keys, building indexes');
    await Promise.all(
      AGENCIES.map(async (agency) => {
        if (keysToVerify.has(agency)) await verifyForeignKeys(clients[agency], tablesOf(agency));
        for (const statement of deferred[agency]) await clients[agency].query(statement);
        await clients[agency].query('COMMIT');
      }),
    );
    log('analyzing tables');
    await Promise.all(
      AGENCIES.map(async (agency) => {
        for (const table of TABLE_ORDER) {
          if (TABLES[table].agency === agency)
            await clients[agency].query(`ANALYZE ${qualified(TABLES[table])}`);
        }
      }),
    );
    return { shipments: total, rows: { ...sink.counts }, ms: Date.now() - started };
  } finally {
    // A transaction left open by a failure is rolled back when its connection ends.
    await Promise.all(Object.values(clients).map((c) => c.end().catch(() => undefined)));
  }
}

/** True when the customs database holds shipments (false when empty or not migrated). */
export async function isSeeded(customsUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: customsUrl });
  await client.connect();
  try {
    const exists = await client.query<{ present: boolean }>(
      "SELECT to_regclass('customs.shipment') IS NOT NULL AS present",
    );
    if (!exists.rows[0].present) return false;
    const seeded = await client.query<{ seeded: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM customs.shipment) AS seeded',
    );
    return seeded.rows[0].seeded;
  } finally {
    await client.end();
  }
}
