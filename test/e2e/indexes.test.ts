import pg from 'pg';
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { Federation, startFederation } from '../support/federation';
import { expectData } from '../support/graphql';

/**
 * Every lookup a loader or a filter does has an index. The subgraphs run with sequential scans
 * disabled in the planner, so a lookup without a usable index still scans (the planner has no
 * other way) and shows in pg_stat_user_tables; with an index, none does.
 */
describe('indexes behind every loader and filter', () => {
  let fed: Federation;
  let admin: pg.Client;

  beforeAll(async () => {
    fed = await startFederation({ shipments: 300, postgresOptions: '-c enable_seqscan=off' });
    admin = new pg.Client({ connectionString: fed.databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await fed?.stop();
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
    await fed.graphql(FULL_PICTURE_QUERY, { awb: SHOWCASE.cellTherapy });
    const before = await seqScans();

    for (const awb of Object.values(SHOWCASE)) {
      const res = await fed.graphql(FULL_PICTURE_QUERY, { awb });
      expectData(res);
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
      const res = await fed.graphql(
        'query($f: ShipmentFilter) { shipments(filter: $f, first: 50) { totalCount nodes { awb } } }',
        { f: filter },
      );
      expectData(res);
    }
    const others = await fed.graphql(`{
      routes(first: 50, region: EUROPE) { totalCount nodes { id flights(from: "2025-03-01", to: "2025-03-31") { number } } }
      drugApprovals(first: 50, category: CELL_THERAPY) { totalCount nodes { number approvedUnits { name } } }
      consolidatedImports(first: 50) { totalCount nodes { id lines { quantity } shipments { awb } } }
      airport(iataCode: "PKX") { facilities { id } routes { id } }
      cargoThroughput(airport: "PKX", from: "2025-01-01", to: "2025-12-31", interval: MONTH) { shipments }
      clearanceStats(from: "2025-01-01", to: "2025-12-31", groupBy: SUPERVISION_MODE) { key }
    }`);
    expectData(others);

    const after = await seqScans();
    const scanned = Object.keys(after).filter((t) => after[t] > (before[t] ?? 0));
    expect(scanned).toEqual([]);
  });
});
