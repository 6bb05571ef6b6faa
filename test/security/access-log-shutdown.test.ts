import { drugsSubgraph } from '../../subgraphs/drugs';
import { Database } from '../../subgraphs/kit';
import { insertFixtures } from '../drugs/fixtures';
import { expectData } from '../support/graphql';
import { identityFor } from '../support/identities';
import { startSubgraphUnderTest } from '../support/subgraph';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * A subgraph's clean stop writes the access-log records of the requests it answered: with a
 * flush interval far longer than the test, only the stop can have written them.
 */
describe('the access log at a clean stop', () => {
  let testDb: TestDatabase;
  let db: Database;
  const interval = process.env.ACCESS_LOG_FLUSH_MS;
  beforeAll(async () => {
    testDb = await createTestDatabase(['drugs']);
    db = new Database(testDb.url, { max: 2 });
    await insertFixtures(db);
    process.env.ACCESS_LOG_FLUSH_MS = '3600000';
  });
  afterAll(async () => {
    if (interval === undefined) delete process.env.ACCESS_LOG_FLUSH_MS;
    else process.env.ACCESS_LOG_FLUSH_MS = interval;
    await db.close();
    await testDb.drop();
  });

  it('loses nothing: every read answered before the stop is in the table after it', async () => {
    const drugs = await startSubgraphUnderTest(drugsSubgraph, { database: testDb.url });
    const auditedOfficer = identityFor({ sub: 'officer-at-stop', scopes: ['trade:read'] });
    try {
      for (const id of ['CI-2025-0001', 'CI-2025-0002']) {
        const response = await drugs.graphql(
          `query ReadBeforeStop($id: ID!) { consolidatedImport(id: $id) { id } }`,
          { id },
          { identity: auditedOfficer },
        );
        expect(expectData(response).consolidatedImport).toEqual({ id });
      }
    } finally {
      await drugs.stop();
    }
    const rows = await db.query<{ keys: string[]; subject: string; operation: string }>(
      `SELECT keys, subject, operation FROM drugs.access_log ORDER BY at, keys`,
    );
    expect(rows).toEqual([
      { keys: ['CI-2025-0001'], subject: 'officer-at-stop', operation: 'ReadBeforeStop' },
      { keys: ['CI-2025-0002'], subject: 'officer-at-stop', operation: 'ReadBeforeStop' },
    ]);
  });
});
