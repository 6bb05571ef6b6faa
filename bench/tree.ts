import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A revision checked out and built in a temporary git worktree, for `--compare`. */
export interface BuiltTree {
  root: string;
  commit: string;
  remove(): void;
}

export function buildRevision(root: string, rev: string, log: (msg: string) => void): BuiltTree {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  const commit = git('rev-parse', '--verify', `${rev}^{commit}`);
  const dir = join(mkdtempSync(join(tmpdir(), 'tradegraph-compare-')), 'tree');
  git('worktree', 'add', '--detach', dir, commit);
  const remove = () => {
    try {
      git('worktree', 'remove', '--force', dir);
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
    rmSync(dirname(dir), { recursive: true, force: true });
  };
  try {
    // The same installed packages: only the project's own code differs between the two.
    symlinkSync(realpathSync(join(root, 'node_modules')), join(dir, 'node_modules'));
    log(`building ${rev} (${commit.slice(0, 10)}) in ${dir}`);
    execFileSync(
      process.execPath,
      [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (err) {
    remove();
    throw err;
  }
  return { root: dir, commit, remove };
}

/** Hive Gateway lives in bench/node_modules, from bench/package-lock.json: installed when missing. */
export function ensurePeersInstalled(root: string, log: (msg: string) => void): void {
  const bench = join(root, 'bench');
  if (existsSync(join(bench, 'node_modules', '@graphql-hive', 'gateway', 'package.json'))) return;
  log('installing the peer gateways: npm --prefix bench ci');
  execFileSync('npm', ['--prefix', bench, 'ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
