import pg from 'pg';
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { Database } from '../../subgraphs/kit';
import { Federation, startFederation } from '../support/federation';
import { expectData } from '../support/graphql';

/**
 * Every lookup a loader or a filter does has an index. The test records every statement the
 * subgraphs run for a broad workload (with its parameters), then has PostgreSQL plan each one
 * with sequential scans, hash joins and merge joins disabled, so that wherever an index can
 * serve a table's rows the planner takes it, joins included (the inner side of a nested loop is
 * looked up per outer row). EXPLAIN answers from the catalogue at once: unlike the cumulative
 * statistics, which a backend publishes at most once a second, nothing can go uncounted.
 *
 * A table's scan is unindexed when it is a Seq Scan; when it reads an index without a condition
 * on the index's first column (a whole-index read: a condition on a later column only saves
 * fetching the rows) while it filters or sits on a nested loop's inner side; a read of every
 * row with no filter is a listing or a count of the whole table, and needs no index.
 */
const AGENCY_SCHEMAS = ['airports', 'customs', 'drugs', 'routes'];
const PLANNER = ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin'];

interface Statement {
  text: string;
  values?: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Parent Relationship'?: string;
  Schema?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

/** The unindexed scans of agency tables in the plan of `statement`, described. */
async function unindexedScans(admin: pg.Client, statement: Statement): Promise<string[]> {
  const { rows: indexes } = await admin.query<{ name: string; first: string | null }>(
    `SELECT c.relname AS name, a.attname AS first
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
      WHERE n.nspname = ANY ($1)`,
    [AGENCY_SCHEMAS],
  );
  const firstColumns = new Map<string, (string | null)[]>();
  for (const { name, first } of indexes) {
    firstColumns.set(name, [...(firstColumns.get(name) ?? []), first]);
  }
  /** Whether `cond` constrains the first column of `index` (an expression index: trusted). */
  const leads = (index: string, cond: string | undefined) =>
    cond !== undefined &&
    (firstColumns.get(index) ?? [null]).some(
      (column) => column === null || new RegExp(`(^|\\W)${column}\\b`).test(cond),
    );

  const { rows } = await admin.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
    `EXPLAIN (FORMAT JSON, VERBOSE) ${statement.text}`,
    statement.values,
  );
  const found: string[] = [];
  const walk = (node: PlanNode, table: string | null, inner: boolean) => {
    const type = node['Node Type'];
    const own = AGENCY_SCHEMAS.includes(node.Schema ?? '')
      ? `${node.Schema}.${node['Relation Name']}`
      : null;
    if (type === 'Seq Scan' && own) found.push(`${own}: Seq Scan`);
    const index = node['Index Name'];
    // A bitmap index scan belongs to the table of the Bitmap Heap Scan above it.
    const scanned = own ?? table;
    if (index && scanned && !leads(index, node['Index Cond'])) {
      const filtered = node.Filter !== undefined || node['Index Cond'] !== undefined;
      if (filtered || inner) found.push(`${scanned}: whole index ${index}`);
    }
    for (const child of node.Plans ?? []) {
      const innerSide =
        inner || (type === 'Nested Loop' && child['Parent Relationship'] === 'Inner');
      walk(child, type === 'Bitmap Heap Scan' ? own : null, innerSide);
    }
  };
  walk(rows[0]['QUERY PLAN'][0].Plan, null, false);
  return found;
}

describe('indexes behind every loader and filter', () => {
  let fed: Federation;
  let admin: pg.Client;
  const recorded: Statement[] = [];

  beforeAll(async () => {
    fed = await startFederation();
    // Every read of every subgraph goes through its Database: record it, then run it as is.
    for (const db of Object.values(fed.databases)) {
      const run = db.query.bind(db);
      db.query = ((text: string, values?: unknown[]) => {
        recorded.push({ text, values });
        return run(text, values);
      }) as Database['query'];
    }
    admin = new pg.Client({ connectionString: fed.databaseUrl });
    await admin.connect();
    for (const setting of PLANNER) await admin.query(`SET ${setting} = off`);
  });
  afterAll(async () => {
    await admin?.end();
    await fed?.stop();
  });

  it('tells an unindexed scan from an indexed one (the probe can fail)', async () => {
    await admin.query('BEGIN');
    try {
      await admin.query(`CREATE TABLE customs.probe (a int, b int, c int)`);
      await admin.query(`CREATE INDEX probe_a_b ON customs.probe (a, b)`);
      await admin.query(`CREATE TABLE customs.probe_child (a int, d int)`);
      const scans = (text: string) =>
        unindexedScans(admin, { text, values: text.includes('$1') ? [1] : [] });
      expect(await scans('SELECT * FROM customs.probe WHERE a = $1')).toEqual([]);
      expect(await scans('SELECT * FROM customs.probe WHERE a = $1 AND c > 0')).toEqual([]);
      expect(await scans('SELECT count(*) FROM customs.probe')).toEqual([]);
      expect(await scans('SELECT * FROM customs.probe WHERE b = $1')).toEqual([
        'customs.probe: whole index probe_a_b',
      ]);
      // No index at all for the filter: a Seq Scan or a whole-index read, as the planner likes.
      const probeScanned = [expect.stringMatching(/^customs\.probe: (Seq Scan|whole index)/)];
      expect(await scans('SELECT * FROM customs.probe WHERE c = $1')).toEqual(probeScanned);
      expect(await scans('SELECT * FROM customs.probe_child WHERE d = $1')).toEqual([
        'customs.probe_child: Seq Scan',
      ]);
      // A join looks its inner rows up by index, or scans them whole for every outer row.
      expect(
        await scans(
          'SELECT * FROM customs.probe p JOIN customs.probe_child k ON k.d = p.c WHERE p.a = $1',
        ),
      ).toEqual(['customs.probe_child: Seq Scan']);
      await admin.query(`CREATE INDEX probe_child_d ON customs.probe_child (d)`);
      expect(
        await scans(
          'SELECT * FROM customs.probe p JOIN customs.probe_child k ON k.d = p.c WHERE p.a = $1',
        ),
      ).toEqual([]);
      expect(
        await scans(
          'SELECT * FROM customs.probe_child k JOIN customs.probe p ON p.c = k.d WHERE k.d = $1',
        ),
      ).toEqual(probeScanned);
    } finally {
      await admin.query('ROLLBACK');
    }
  });

  it('plans the full picture, pages, filters and statistics without a sequential scan', async () => {
    for (const awb of Object.values(SHOWCASE)) {
      expectData(await fed.graphql(FULL_PICTURE_QUERY, { awb }));
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
      const page = expectData(
        await fed.graphql(
          'query($f: ShipmentFilter) { shipments(filter: $f, first: 50) { totalCount nodes { awb } } }',
          { f: filter },
        ),
      );
      expect(page.shipments.totalCount).toBeGreaterThan(0);
    }
    expectData(
      await fed.graphql(`{
        routes(first: 50, region: EUROPE) { totalCount nodes { id flights(from: "2025-03-01", to: "2025-03-31") { number } } }
        drugApprovals(first: 50, category: CELL_THERAPY) { totalCount nodes { number approvedUnits { name } } }
        consolidatedImports(first: 50) { totalCount nodes { id lines { quantity } shipments { awb } } }
        airport(iataCode: "PKX") { facilities { id } routes { id } }
        cargoThroughput(airport: "PKX", from: "2025-01-01", to: "2025-12-31", interval: MONTH) { shipments }
        clearanceStats(from: "2025-01-01", to: "2025-12-31", groupBy: SUPERVISION_MODE) { key }
      }`),
    );

    const distinct = new Map(recorded.map((s) => [`${s.text}\n${JSON.stringify(s.values)}`, s]));
    // Each agency's statements were recorded (a broken recorder would prove nothing).
    for (const schema of AGENCY_SCHEMAS) {
      expect([...distinct.values()].some((s) => s.text.includes(`${schema}.`))).toBe(true);
    }
    const unindexed: { statement: string; scans: string[] }[] = [];
    for (const statement of distinct.values()) {
      const scans = await unindexedScans(admin, statement);
      if (scans.length) unindexed.push({ statement: statement.text, scans });
    }
    expect(unindexed).toEqual([]);
  });
});
