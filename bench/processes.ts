import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** One program the benchmark started: a subgraph or a gateway, in a process of its own. */
export interface BenchProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  url: string;
  /** What it printed last, for the error when it dies. */
  output(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on now (the OS's choice), for a child to bind. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Ready when `{ __typename }` is answered: the same probe for our programs and the peers'. */
async function waitReady(proc: BenchProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null) {
      throw new Error(`${proc.name} exited with ${proc.child.exitCode}:\n${proc.output()}`);
    }
    try {
      const res = await fetch(proc.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`${proc.name} not ready after ${timeoutMs / 1000} s:\n${proc.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Every process the benchmark starts runs as the project's image runs them (`Dockerfile`): in
 * production mode. Libraries read it: graphql-js, for one, checks every `instanceof` of its
 * execution for a second copy of itself outside production (7 % of a subgraph's CPU on a page).
 */
const PRODUCTION = { NODE_ENV: 'production' };

export async function startProcess(spec: {
  name: string;
  script: string;
  args?: string[];
  nodeArgs?: string[];
  env: NodeJS.ProcessEnv;
  url: string;
  cwd?: string;
}): Promise<BenchProcess> {
  const child = spawn(
    process.execPath,
    [...(spec.nodeArgs ?? []), spec.script, ...(spec.args ?? [])],
    {
      cwd: spec.cwd,
      env: { ...process.env, ...PRODUCTION, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const proc: BenchProcess = {
    name: spec.name,
    child,
    pid: child.pid!,
    url: spec.url,
    output: () => tail,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        // SIGINT: our programs stop cleanly on it, and a --cpu-prof profile is written on exit.
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
  try {
    await waitReady(proc, 90_000);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return proc;
}

const CLOCK_TICKS_PER_S = 100;

/** CPU milliseconds a process has used so far (user + system), or undefined once it is gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: fields count from after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return undefined;
  }
}

/** Peak resident set size of a process in MiB (VmHWM), or undefined once it is gone. */
export function peakRssMiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU used by a changing set of processes over a window. Sampled as it goes, so a process that
 * ends during the window (an idle PostgreSQL backend closed by its pool) still counts up to its
 * last sample, and one that starts during it counts from zero.
 */
export class CpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();

  constructor(private readonly pids: () => Promise<number[]> | number[]) {}

  async sample(initial = false): Promise<void> {
    for (const pid of await this.pids()) {
      const ms = cpuMs(pid);
      if (ms === undefined) continue;
      if (!this.first.has(pid)) this.first.set(pid, initial ? ms : 0);
      this.last.set(pid, ms);
    }
  }

  totalMs(): number {
    let total = 0;
    for (const [pid, ms] of this.last) total += ms - (this.first.get(pid) ?? 0);
    return total;
  }
}

/** Below this share of one core, a process counts as idle. */
const QUIET_SHARE = 0.05;

/**
 * Waits until the processes are idle (each under 5 % of a core over half a second), at most
 * `maxMs`: requests a load generator gave up on at the end of a window are still being worked on
 * by the gateways and subgraphs, and must not be counted in the next target's window.
 */
export async function quiesce(pids: number[], maxMs = 60_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const before = pids.map((pid) => cpuMs(pid) ?? 0);
    await new Promise((r) => setTimeout(r, 500));
    const busy = pids.some((pid, i) => (cpuMs(pid) ?? 0) - before[i] > 500 * QUIET_SHARE);
    if (!busy || Date.now() > deadline) return;
  }
}
