import pg from 'pg';
import { Database } from '../../subgraphs/kit';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The kit's pool of connections to an agency's database. */
let testDb: TestDatabase;
let admin: pg.Client;

beforeAll(async () => {
  testDb = await createTestDatabase(['customs']);
  admin = new pg.Client({ connectionString: testDb.url });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await testDb?.drop();
});

const sessionsOf = async (applicationName: string) =>
  (
    await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    )
  ).rows[0].n;

describe('close', () => {
  it('returns once every connection of the pool has closed', async () => {
    const name = `tradegraph-close-${process.pid}`;
    const errors: string[] = [];
    const db = new Database(testDb.url, {
      max: 4,
      applicationName: name,
      log: (m) => errors.push(m),
    });
    // Four connections, idle when the pool is told to close.
    await Promise.all([1, 2, 3, 4].map(() => db.query('SELECT pg_sleep(0.05)')));
    expect(await sessionsOf(name)).toBe(4);
    let disconnected = 0;
    db.pool.on('remove', () => disconnected++);

    await db.close();
    // Counted synchronously: each connection had closed (its socket ended) before close returned.
    expect(disconnected).toBe(4);
    expect(await sessionsOf(name)).toBe(0);
    // A database dropped now meets no session of the pool, so no client reports an error.
    expect(errors).toEqual([]);
  });

  it('returns at once for a pool that never connected', async () => {
    const db = new Database(testDb.url);
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(/after calling end/);
  });
});
