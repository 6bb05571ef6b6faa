import pg from 'pg';
import { migrateAgency } from '../../subgraphs/kit';
import { AGENCY_NAMES } from '../../subgraphs/agencies';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('creates each agency schema and records what it applied', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      for (const agency of AGENCY_NAMES) {
        const { rows } = await client.query(`SELECT name FROM ${agency}.pgmigrations`);
        expect(rows.map((r) => r.name)).toContain('1700000000001_initial');
      }
      const tables = await client.query(
        `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
         WHERE table_schema = ANY($1) ORDER BY 1`,
        [AGENCY_NAMES],
      );
      expect(tables.rows.map((r) => r.t)).toEqual(
        expect.arrayContaining([
          'customs.shipment',
          'airports.cargo_arrival',
          'routes.flight',
          'drugs.drug_approval',
        ]),
      );
    } finally {
      await client.end();
    }
  });

  it('is a no-op when run again', async () => {
    for (const agency of AGENCY_NAMES) {
      expect(await migrateAgency(db.url, agency)).toEqual([]);
    }
  });
});
