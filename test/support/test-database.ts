import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { seedDemo } from '../../scripts/demo/seed-demo';
import { AGENCY_NAMES, AgencyName } from '../../subgraphs/agencies';
import { migrateAgency } from '../../subgraphs/kit/migrations';

/**
 * The size of the demo world the tests share: seeding costs about the same whatever the size
 * (the year of flights is most of it), so one size serves every file that needs no bigger one.
 */
export const DEMO_WORLD_SHIPMENTS = 300;
/** The world of the tests that export a thousand shipments at once. */
export const EXPORT_WORLD_SHIPMENTS = 1000;

export const DEFAULT_TEST_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The PostgreSQL server the tests run against: TEST_DATABASE_URL (any database on it; used to
 * create and drop throwaway databases), as the global setup chose it: by default the machine's
 * server on 127.0.0.1:5432, or the embedded one where there is none.
 */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER_URL;
}

/**
 * Every database the tests create is named after the run (`jest` invocation) that made it, so a
 * run drops what it made, and what a crashed run left behind can be told apart from what a run
 * going on beside it (another checkout's, on the same server) still uses.
 */
const PREFIX = 'tradegraph_';
const TEMPLATE = `${PREFIX}tpl_`;
const THROWAWAY = `${PREFIX}test_`;
/** A run id: its start as base-36 milliseconds (8 characters), then 4 random hex digits. */
const RUN_NAME = /^tradegraph_(?:tpl|test)_([0-9a-z]{8})[0-9a-f]{4}_/;
/** A run's databases older than this are a crashed run's (a run takes minutes). */
const STALE_AFTER_MS = 3 * 60 * 60 * 1000;

/** Names the run: the global setup calls it once, and the workers inherit the environment. */
export function startTestRun(): string {
  process.env.TRADEGRAPH_TEST_RUN ??= `${Date.now().toString(36).padStart(8, '0')}${randomBytes(2).toString('hex')}`;
  return process.env.TRADEGRAPH_TEST_RUN;
}

function runId(): string {
  // Without the global setup (a test run by other means) the process is the run: its templates
  // are left behind, and the next run's global setup drops them once they are stale.
  return startTestRun();
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

function urlOf(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

const dropDatabase = (admin: pg.Client, name: string) =>
  admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);

/**
 * Migrating four agencies and seeding the demo world takes seconds; copying a database that
 * holds the result takes a fraction of one. So each distinct starting state is built once per
 * run, into a template database, by whichever worker first needs it (the others wait on an
 * advisory lock), and every test file gets a copy of its own.
 */
const built = new Map<string, Promise<string>>();

function template(
  key: string,
  build: (admin: pg.Client, name: string) => Promise<void>,
  onLocked?: () => void,
): Promise<string> {
  const name = `${TEMPLATE}${runId()}_${key}`;
  let ready = built.get(name);
  if (!ready) {
    ready = withAdmin(async (admin) => {
      await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      onLocked?.();
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return name;
      // Built under another name and renamed when complete: a worker that dies halfway leaves
      // no template that looks ready (and its lock goes with its session).
      const partial = `${name}_b`;
      await dropDatabase(admin, partial);
      await build(admin, partial);
      // Copying needs the template free of sessions: every builder has closed its own by now.
      await admin.query(`ALTER DATABASE ${partial} RENAME TO ${name}`);
      return name;
    });
    built.set(name, ready);
    ready.catch(() => built.delete(name));
  } else {
    onLocked?.();
  }
  return ready;
}

/** An empty database with the agencies' schemas migrated. */
function migratedTemplate(agencies: readonly AgencyName[], onLocked?: () => void): Promise<string> {
  const key = agencies.length === AGENCY_NAMES.length ? 'all' : [...agencies].sort().join('_');
  return template(
    `m_${key}`,
    async (admin, name) => {
      await admin.query(`CREATE DATABASE ${name}`);
      for (const agency of agencies) await migrateAgency(urlOf(name), agency);
    },
    onLocked,
  );
}

/**
 * The demo world of `shipments` shipments (default seed) in every agency's schema. `after`: a
 * build to let finish first (seeding is mostly this process's own work: two at once finish
 * together, later than the first would alone).
 */
function demoTemplate(
  shipments: number,
  onLocked?: () => void,
  after?: Promise<unknown>,
): Promise<string> {
  return template(
    `demo_${shipments}`,
    async (admin, name) => {
      await after?.catch(() => undefined);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${await migratedTemplate(AGENCY_NAMES)}`);
      const url = urlOf(name);
      await seedDemo({ urls: { airports: url, customs: url, drugs: url, routes: url }, shipments });
    },
    onLocked,
  );
}

/** A database being copied: its URL is known at once, so servers can start while it is made. */
export interface PendingTestDatabase extends TestDatabase {
  /** Settles when the copy is made (or could not be). */
  ready: Promise<void>;
}

/**
 * Copied file by file, not page by page through the write-ahead log (PostgreSQL 15's default): a
 * demo world is about 60 MB, which the default would log in full for every copy, and its pages
 * would then crowd the server's buffers until the copy is dropped. Measured on this server:
 * about half the CPU per copy and a third per drop.
 */
const COPY_STRATEGY = 'STRATEGY FILE_COPY';

function copyOf(template: Promise<string>): PendingTestDatabase {
  const name = `${THROWAWAY}${runId()}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const ready = template.then((from) =>
    withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${from} ${COPY_STRATEGY}`)).then(
      () => undefined,
    ),
  );
  ready.catch(() => undefined); // awaited by the caller; keeps a failure from being "unhandled"
  return {
    url: urlOf(name),
    name,
    ready,
    // A drop that ran before the copy was made would leave the copy behind.
    drop: () =>
      ready
        .catch(() => undefined)
        .then(() => withAdmin((c) => dropDatabase(c, name)))
        .then(() => undefined),
  };
}

/** Creates an empty database of its own for one test file, with the agencies' schemas migrated. */
export async function createTestDatabase(
  agencies: readonly AgencyName[] = AGENCY_NAMES,
): Promise<TestDatabase> {
  const db = copyOf(migratedTemplate(agencies));
  await db.ready;
  return db;
}

/** Creates a database of its own for one test file, seeded with the demo world. */
export async function createDemoDatabase(shipments = DEMO_WORLD_SHIPMENTS): Promise<TestDatabase> {
  const db = startDemoDatabase(shipments);
  await db.ready;
  return db;
}

/** `createDemoDatabase` that returns at once, its URL known, with the copy still being made. */
export function startDemoDatabase(shipments = DEMO_WORLD_SHIPMENTS): PendingTestDatabase {
  return copyOf(demoTemplate(shipments));
}

/**
 * Starts building the templates most files start from before any file needs them (the global
 * setup does, for a whole-suite run): the migrated schemas and the shared demo world side by side,
 * the bigger world after it, so no worker sits waiting for another to seed. Resolves with the build once this process holds
 * the lock of every template: from then on a worker that needs one waits for this build instead
 * of starting its own, and the workers can start the files that need none.
 */
export async function startBuildingTemplates(): Promise<{ built: Promise<void> }> {
  const locks: Array<Promise<void>> = [];
  const lock = () => {
    let locked!: () => void;
    locks.push(new Promise<void>((resolve) => (locked = resolve)));
    return locked;
  };
  const migrated = migratedTemplate(AGENCY_NAMES, lock());
  const demo = demoTemplate(DEMO_WORLD_SHIPMENTS, lock());
  // The world most files use first; the bigger one, which few use, after it.
  const bigger = demoTemplate(EXPORT_WORLD_SHIPMENTS, lock(), demo);
  const built = Promise.all([migrated, demo, bigger]).then(() => undefined);
  // A build that fails before its lock must not leave the caller waiting for the lock.
  await Promise.race([Promise.all(locks), built]);
  return { built };
}

/**
 * Drops the databases of this run (at its end), and those of runs that started more than a few
 * hours ago (crashed ones: a run drops its own), leaving those of runs still going on beside it.
 * One database that will not go (a session holding it, a template flag set by hand) must not
 * leave the others behind: each is tried, and the failures are reported together at the end.
 */
export async function dropRunDatabases(run = process.env.TRADEGRAPH_TEST_RUN): Promise<void> {
  const failures = await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%' ORDER BY datname`,
    );
    const failed: Error[] = [];
    for (const { datname } of rows) {
      const started = RUN_NAME.exec(datname);
      if (!started) continue;
      const mine = run !== undefined && datname.includes(`_${run}_`);
      const stale = Date.now() - parseInt(started[1], 36) > STALE_AFTER_MS;
      if (!mine && !stale) continue;
      try {
        await dropDatabase(admin, datname);
      } catch (err) {
        failed.push(new Error(`${datname}: ${(err as Error).message}`));
      }
    }
    return failed;
  });
  if (failures.length > 0) {
    throw new AggregateError(
      failures,
      `could not drop ${failures.length} test database(s): ${failures.map((e) => e.message).join('; ')}`,
    );
  }
}
