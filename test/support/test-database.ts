import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { AGENCY_NAMES, AgencyName } from '../../subgraphs/agencies';
import { migrateAgency } from '../../subgraphs/kit';

export const DEFAULT_TEST_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The PostgreSQL server the tests run against: TEST_DATABASE_URL (any database on it; used to
 * create and drop throwaway databases), as the global setup chose it: by default the machine's
 * server on 127.0.0.1:5432, or the embedded one where there is none.
 */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER_URL;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database of its own for one test file, with every agency's schema migrated. */
export async function createTestDatabase(
  agencies: readonly AgencyName[] = AGENCY_NAMES,
): Promise<TestDatabase> {
  const name = `tradegraph_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  for (const agency of agencies) await migrateAgency(url.toString(), agency);
  return {
    url: url.toString(),
    name,
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
