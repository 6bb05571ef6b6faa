import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../subgraphs/kit';
import { freePort, withEnv } from './ports';

/**
 * The embedded default works wherever it is started, as root too, and each of its failures is one
 * line with the fix. PostgreSQL refuses to run as root: as root it runs as the `postgres` user,
 * which cannot enter a mode-700 home (a container's or CI runner's /root).
 */
const asRoot = process.getuid?.() === 0;
const rootOnly = asRoot ? it : it.skip;

/** A folder of the test's own, reachable by every user (mkdtemp makes them mode 700). */
function openFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

async function selectOne(url: string): Promise<{ one: number; dataDir: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const [{ one }] = (await client.query('SELECT 1 AS one')).rows;
    const [{ data_directory }] = (await client.query('SHOW data_directory')).rows;
    return { one, dataDir: data_directory };
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL server', () => {
  const cleanup: string[] = [];
  afterAll(() => {
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  if (!asRoot) {
    it('(the root cases are skipped: these tests do not run as root)', () => {
      expect(asRoot).toBe(false);
    });
  }

  rootOnly(
    'as root, with its data directory under a mode-700 home, runs where the postgres user reaches, says where, and keeps using it',
    async () => {
      const home = mkdtempSync(join(tmpdir(), 'tradegraph-home-'));
      const shared = openFolder('tradegraph-shared-');
      cleanup.push(home, shared);
      expect(statSync(home).mode & 0o777).toBe(0o700);
      const asked = join(home, 'tradegraph', '.data', 'postgres');
      const env = {
        EMBEDDED_PG_DIR: asked,
        EMBEDDED_PG_SHARED_DIR: join(shared, 'pg'),
        EMBEDDED_PG_PORT: String(await freePort()),
      };
      await withEnv(env, async () => {
        const logs: string[] = [];
        const first = await startEmbeddedPostgres((m) => logs.push(m));
        try {
          expect(first.fresh).toBe(true);
          expect(first.dataDir.startsWith(join(shared, 'pg'))).toBe(true);
          expect(logs.join('\n')).toContain(
            `cannot reach ${asked} (PostgreSQL refuses to run as root): its data directory is ${first.dataDir}`,
          );
          expect(await selectOne(first.url)).toEqual({ one: 1, dataDir: first.dataDir });
        } finally {
          await first.stop();
        }
        await expect(selectOne(first.url)).rejects.toThrow();

        // The next start finds the same stand-in: the data is kept.
        const again = await startEmbeddedPostgres(() => undefined);
        try {
          expect(again.fresh).toBe(false);
          expect(again.dataDir).toBe(first.dataDir);
          expect((await selectOne(again.url)).one).toBe(1);
        } finally {
          await again.stop();
        }
      });
    },
    120_000,
  );

  it('on a port another program holds, fails with one line naming the port and the fix', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    const folder = openFolder('tradegraph-port-');
    cleanup.push(folder);
    try {
      const env = { EMBEDDED_PG_DIR: join(folder, 'postgres'), EMBEDDED_PG_PORT: String(port) };
      const error: Error = await withEnv(env, () =>
        startEmbeddedPostgres(() => undefined).then(
          () => new Error('it started'),
          (err: Error) => err,
        ),
      );
      expect(error.message).not.toContain('\n');
      expect(error.message).toContain(`another program holds port ${port}`);
      expect(error.message).toContain('Set EMBEDDED_PG_PORT to a free port');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 120_000);

  rootOnly(
    'as root, refuses a shared folder others could write, in one line with the fix',
    async () => {
      const home = mkdtempSync(join(tmpdir(), 'tradegraph-home-'));
      const open = openFolder('tradegraph-shared-');
      chmodSync(open, 0o777);
      cleanup.push(home, open);
      const env = {
        EMBEDDED_PG_DIR: join(home, 'postgres'),
        EMBEDDED_PG_SHARED_DIR: open,
        EMBEDDED_PG_PORT: String(await freePort()),
      };
      const error: Error = await withEnv(env, () =>
        startEmbeddedPostgres(() => undefined).then(
          () => new Error('it started'),
          (err: Error) => err,
        ),
      );
      expect(error.message).not.toContain('\n');
      expect(error.message).toContain(`will not use ${open}`);
      expect(error.message).toContain('set EMBEDDED_PG_SHARED_DIR');
    },
  );
});
