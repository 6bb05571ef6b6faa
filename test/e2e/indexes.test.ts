import pg from 'pg';
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { seedDemo } from '../../scripts/demo/seed-demo';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { InProcessFederation, startInProcessFederation } from '../../scripts/in-process-federation';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Every lookup a loader or a filter does has an index. The subgraphs run with sequential scans
 * disabled in the planner, so a lookup without a usable index still scans (the planner has no
 * other way) and shows in pg_stat_user_tables; with an index, none does.
 */
describe('indexes behind every loader and filter', () => {
  let db: TestDatabase;
  let fed: InProcessFederation;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    const urls = { airports: db.url, customs: db.url, drugs: db.url, routes: db.url };
    await seedDemo({ urls, shipments: 300 });
    const noSeqScan = `${db.url}?options=${encodeURIComponent('-c enable_seqscan=off')}`;
    fed = await startInProcessFederation({
      airports: noSeqScan,
      customs: noSeqScan,
      drugs: noSeqScan,
      routes: noSeqScan,
    });
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await fed?.stop();
    await db?.drop();
  });

  async function seqScans(): Promise<Record<string, number>> {
    // Backends flush their table statistics when idle; give them the moment they need.
    await new Promise((r) => setTimeout(r, 1500));
    const { rows } = await admin.query(
      `SELECT schemaname || '.' || relname AS t, seq_scan::int AS n FROM pg_stat_user_tables
        WHERE schemaname IN ('airports', 'customs', 'drugs', 'routes')`,
    );
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  }

  it('reads the full picture, pages, filters and statistics without a sequential scan', async () => {
    // Warm the schema caches of every pool connection before counting.
    await fed.query(FULL_PICTURE_QUERY, { awb: SHOWCASE.cellTherapy });
    const before = await seqScans();

    for (const awb of Object.values(SHOWCASE)) {
      const res = await fed.query(FULL_PICTURE_QUERY, { awb });
      expect(res.errors).toBeUndefined();
    }
    const filters = [
      {},
      { arrivalAirport: 'PKX' },
      { destinationAirport: 'PEK' },
      { supervisionMode: '1210' },
      { clearanceStatus: 'RELEASED' },
      { manifestedFrom: '2025-01-01T00:00:00Z', manifestedTo: '2025-06-30T00:00:00Z' },
      { awbs: [SHOWCASE.fruit, SHOWCASE.rejected] },
    ];
    for (const filter of filters) {
      const res = await fed.query(
        'query($f: ShipmentFilter) { shipments(filter: $f, first: 50) { totalCount nodes { awb } } }',
        { f: filter },
      );
      expect(res.errors).toBeUndefined();
    }
    const others = await fed.query(`{
      routes(first: 50, region: EUROPE) { totalCount nodes { id flights(from: "2025-03-01", to: "2025-03-31") { number } } }
      drugApprovals(first: 50, category: CELL_THERAPY) { totalCount nodes { number approvedUnits { name } } }
      consolidatedImports(first: 50) { totalCount nodes { id lines { quantity } shipments { awb } } }
      airport(iataCode: "PKX") { facilities { id } routes { id } }
      cargoThroughput(airport: "PKX", from: "2025-01-01", to: "2025-12-31", interval: MONTH) { shipments }
      clearanceStats(from: "2025-01-01", to: "2025-12-31", groupBy: SUPERVISION_MODE) { key }
    }`);
    expect(others.errors).toBeUndefined();

    const after = await seqScans();
    const scanned = Object.keys(after).filter((t) => after[t] > (before[t] ?? 0));
    expect(scanned).toEqual([]);
  });
});
