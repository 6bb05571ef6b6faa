import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The machine's PostgreSQL 15 (Debian's layout), which the tests' own server also is. */
const BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

export const postgresBinariesPresent = () => existsSync(join(BIN, 'pg_ctl'));

/** A PostgreSQL server of the test's own, which it may stop and start: never the shared one. */
export interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its data directory. */
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * initdb and pg_ctl of the machine's PostgreSQL 15, in a temporary folder, on a free port. As root
 * it runs as the `postgres` user (PostgreSQL refuses root), like the embedded server does.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'tradegraph-throwaway-pg-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  let runAs: { uid: number; gid: number } | undefined;
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    runAs = { uid: Number(stdout.trim()), gid: Number(gid.trim()) };
    chmodSync(dir, 0o755);
    chownSync(dataDir, runAs.uid, runAs.gid);
  }
  const as = { ...runAs, cwd: dir };
  await run(
    join(BIN, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'],
    as,
  );
  const port = await freePort();
  const pgCtl = (...args: string[]) => run(join(BIN, 'pg_ctl'), ['-D', dataDir, '-w', ...args], as);
  const start = async () => {
    await pgCtl(
      '-l',
      join(dataDir, 'server.log'),
      '-o',
      `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`,
      'start',
    );
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: async () => {
      await pgCtl('-m', 'fast', 'stop');
    },
    async destroy() {
      await pgCtl('-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
