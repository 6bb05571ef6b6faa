import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { AGENCY_NAMES } from '../subgraphs/agencies';

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The PostgreSQL server the benchmark creates its databases on. */
export function benchServerUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_SERVER_URL;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Every agency's variable of its own database unset: all four use the one given. */
function oneDatabaseEnv(url: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
  for (const agency of AGENCY_NAMES) delete env[`${agency.toUpperCase()}_DATABASE_URL`];
  return env;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * A database of the benchmark's own (`tradegraph_bench_<label>_<time>`), migrated and seeded by the
 * built tree under test (its `dist/scripts/seed.js`), so that a compared revision runs on its own
 * migrations over the same deterministic data.
 */
export async function createBenchDatabase(options: {
  serverUrl: string;
  label: string;
  distRoot: string;
  shipments: number;
  log: (msg: string) => void;
}): Promise<BenchDatabase> {
  const name = `tradegraph_bench_${options.label.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${Date.now().toString(36)}`;
  await withServer(options.serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(options.serverUrl, name);
  const drop = () =>
    withServer(options.serverUrl, (c) =>
      c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    ).then(() => undefined);
  try {
    const started = Date.now();
    await run(
      join(options.distRoot, 'scripts', 'seed.js'),
      ['--shipments', String(options.shipments)],
      oneDatabaseEnv(url),
    );
    options.log(
      `${name}: ${options.shipments} shipments seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (err) {
    await drop();
    throw err;
  }
  return { name, url, drop };
}

/** The PostgreSQL backends serving a database now: their CPU is the database's share. */
export async function backendPids(client: pg.Client, database: string): Promise<number[]> {
  const res = await client.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
  return res.rows.map((r) => r.pid);
}
