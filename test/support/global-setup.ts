import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedServer, startEmbeddedPostgres } from '../../subgraphs/kit/embedded-postgres';
import { projectRoot } from '../../subgraphs/kit/project-root';
import { redisReachable, TEST_REDIS_URL } from './redis';
import {
  DEFAULT_TEST_SERVER_URL,
  dropRunDatabases,
  startBuildingTemplates,
  startTestRun,
} from './test-database';

/**
 * The tests need a PostgreSQL server on which to create and drop their own databases:
 * TEST_DATABASE_URL, else the machine's on 127.0.0.1:5432, else (a fresh machine with no
 * PostgreSQL) the embedded server, started here for the run in a data directory of its own.
 */
async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A run of one or a few named files builds only what they use, when they first use it. */
/** The part of jest's global configuration read here (jest exports no type for the whole). */
interface RunConfig {
  testPathPatterns: { patterns: readonly string[] };
}

function runsManyFiles(globalConfig: RunConfig): boolean {
  const named = globalConfig.testPathPatterns.patterns.length;
  return named === 0 || named > 4;
}

export default async function globalSetup(globalConfig: RunConfig): Promise<void> {
  await findServer();
  if (!(await redisReachable())) {
    console.log(`\nno Redis at ${TEST_REDIS_URL}: the Redis-backed cases are skipped this run`);
    process.env.TRADEGRAPH_TEST_REDIS = 'absent';
  }
  startTestRun();
  // Crashed runs' leftovers: one that will not go is worth a warning, not a run that cannot start.
  await dropRunDatabases().catch((err: Error) => console.warn(`\n${err.message}`));
  if (runsManyFiles(globalConfig)) {
    // The workers start while the templates are built in this process: the files that need one
    // wait for it (on its lock), the others run meanwhile.
    const { built } = await startBuildingTemplates();
    const building = built.catch((err: Error) => {
      // Each file that needs a template then tries to build it itself, and fails with the reason.
      console.warn(`\nthe test templates could not be built: ${err.message}`);
    });
    (globalThis as { tradegraphTemplates?: Promise<void> }).tradegraphTemplates = building;
  }
}

async function findServer(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  if (await reachable(DEFAULT_TEST_SERVER_URL)) {
    process.env.TEST_DATABASE_URL = DEFAULT_TEST_SERVER_URL;
    return;
  }
  process.env.EMBEDDED_PG_DIR ??= join(projectRoot(), '.data', 'test-postgres');
  process.env.EMBEDDED_PG_PORT ??= '54330';
  console.log(`\nno PostgreSQL on 127.0.0.1:5432: starting the embedded server for the tests`);
  const server = await startEmbeddedPostgres((m) => console.log(`[test-postgres] ${m}`));
  // Workers inherit the environment: they create their databases on this server.
  process.env.TEST_DATABASE_URL = server.url.replace(/\/[^/]*$/, '/postgres');
  (globalThis as { tradegraphTestServer?: EmbeddedServer }).tradegraphTestServer = server;
}
