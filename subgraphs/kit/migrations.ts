import { join } from 'node:path';
import pg from 'pg';
import { projectRoot } from './project-root';

/**
 * The migrations every agency shares (the write side's history and idempotency tables), written
 * once here and applied to each agency's schema under the same file name it was released with.
 */
const SHARED_MIGRATIONS = join(projectRoot(), 'subgraphs', 'kit', 'shared-migrations');

/**
 * Applies an agency's versioned SQL migrations (`subgraphs/<agency>/migrations/*.sql`, merged in
 * timestamp order with the kit's shared ones) to its own PostgreSQL schema. node-pg-migrate records each applied file in `<agency>.pgmigrations`, runs
 * each file in a transaction, and refuses to run when an applied file is missing or out of order.
 * A released migration is never edited: a change is a new file.
 *
 * Replicas of one subgraph may start together: they queue on an advisory lock of their agency
 * (node-pg-migrate's own lock fails instead of waiting, and is one lock for every schema).
 */
export async function migrateAgency(
  databaseUrl: string,
  agency: string,
  log: (msg: string) => void = () => undefined,
): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`tradegraph.migrate.${agency}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${agency}`);
    // Loaded when a migration runs, not with the kit: it is the kit's heaviest dependency (a
    // quarter of a second), and a server or a test that migrates nothing has no use for it.
    const { runner } = await import('node-pg-migrate');
    const applied = await runner({
      dbClient: client,
      dir: [
        join(projectRoot(), 'subgraphs', agency, 'migrations', '*.sql'),
        join(SHARED_MIGRATIONS, '*.sql'),
      ],
      useGlob: true,
      direction: 'up',
      count: Infinity,
      migrationsTable: 'pgmigrations',
      migrationsSchema: agency,
      schema: agency,
      checkOrder: true,
      noLock: true,
      verbose: false,
      log: () => undefined,
      logger: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    });
    return applied.map((m) => m.name);
  } finally {
    // Ending the session releases the advisory lock.
    await client.end();
  }
}
