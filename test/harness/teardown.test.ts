import { createServer, Server } from 'node:net';
import { AddressInfo } from 'node:net';
import pg from 'pg';
import { startFederation } from '../support/federation';
import { dropRunDatabases, startTestRun, testServerUrl } from '../support/test-database';

/**
 * The harness cleans up after a test file whatever went wrong in it: a run's databases all go at
 * its end even when one refuses, and a federation that fails to start, or fails to stop
 * cleanly, leaves no server listening and no database behind.
 */
async function asAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

const databasesLike = (pattern: string) =>
  asAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname',
      [pattern],
    );
    return rows.map((r) => r.datname);
  });

/** This worker's own throwaway databases (the federation's among them). */
const myDatabases = () => databasesLike(`tradegraph_test_${startTestRun()}_${process.pid}_%`);

/** Servers listening in this process: the subgraphs' and gateways' HTTP servers among them. */
const listening = () =>
  process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;

/** A federation's start builds the run's demo template when no file before did: minutes on a busy machine. */
const STARTS_A_FEDERATION = 240_000;

describe('dropRunDatabases', () => {
  /** A run id as the harness makes them (start in base 36, then 4 hex digits), started now. */
  const runStartedNow = () =>
    `${Date.now().toString(36).padStart(8, '0')}${Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, '0')}`;
  const run = runStartedNow();
  const beside = runStartedNow();
  const name = (r: string, suffix: string) => `tradegraph_test_${r}_${suffix}`;
  const stuck = name(run, 'a_stuck');

  afterAll(() =>
    asAdmin(async (admin) => {
      for (const db of [stuck, ...(await databasesLike(`tradegraph_test_${run}_%`))]) {
        await admin.query(`ALTER DATABASE ${db} IS_TEMPLATE false`).catch(() => undefined);
      }
      for (const db of await databasesLike(`tradegraph_test_${run}_%`)) {
        await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name(beside, 'x')} WITH (FORCE)`);
    }),
  );

  it("drops all of a run's databases when one of them refuses, then names the one left", async () => {
    await asAdmin(async (admin) => {
      // PostgreSQL refuses to drop a database marked as a template; it sorts first, so a loop
      // that stops at the first failure would leave the other two behind.
      await admin.query(`CREATE DATABASE ${stuck}`);
      await admin.query(`ALTER DATABASE ${stuck} IS_TEMPLATE true`);
      await admin.query(`CREATE DATABASE ${name(run, 'b')}`);
      await admin.query(`CREATE DATABASE ${name(run, 'c')}`);
      await admin.query(`CREATE DATABASE ${name(beside, 'x')}`);
    });

    const dropping = dropRunDatabases(run);
    await expect(dropping).rejects.toThrow(AggregateError);
    await expect(dropping).rejects.toThrow(new RegExp(`could not drop 1 test database.*${stuck}`));

    expect(await databasesLike(`tradegraph_test_${run}_%`)).toEqual([stuck]);
    // A run going on beside this one keeps its databases.
    expect(await databasesLike(`tradegraph_test_${beside}_%`)).toEqual([name(beside, 'x')]);
  });
});

describe('a federation that does not start', () => {
  let taken: Server;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => taken.close(resolve)));

  it(
    'stops the subgraphs it started and drops its database when the gateway cannot listen',
    async () => {
      const databases = await myDatabases();
      const servers = listening();

      const { port } = taken.address() as AddressInfo;
      await expect(startFederation({ gateway: { port } })).rejects.toThrow(/EADDRINUSE/);

      expect(listening()).toBe(servers);
      expect(await myDatabases()).toEqual(databases);
    },
    STARTS_A_FEDERATION,
  );
});

describe('a federation whose database cannot be made', () => {
  it(
    'stops the servers it started meanwhile and leaves no database',
    async () => {
      const databases = await myDatabases();
      const servers = listening();
      // The servers start while the database is copied; a world too small to seed fails the copy.
      await expect(startFederation({ shipments: 1 })).rejects.toThrow(/number of shipments/);
      expect(listening()).toBe(servers);
      expect(await myDatabases()).toEqual(databases);
    },
    STARTS_A_FEDERATION,
  );
});

describe('a federation whose stop fails halfway', () => {
  it(
    'still stops every server, closes every pool and drops its database',
    async () => {
      const databases = await myDatabases();
      const servers = listening();
      const fed = await startFederation();
      expect(listening()).toBe(servers + 5);

      // Closing a pool twice fails: the first pool the stop closes fails it halfway.
      await fed.databases.airports.close();
      await expect(fed.stop()).rejects.toThrow(/more than once/);

      expect(listening()).toBe(servers);
      for (const [agency, db] of Object.entries(fed.databases)) {
        expect({ agency, ended: db.pool.ended }).toEqual({ agency, ended: true });
      }
      expect(await myDatabases()).toEqual(databases);
    },
    STARTS_A_FEDERATION,
  );
});
