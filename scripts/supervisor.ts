import { ChildProcess, spawn } from 'node:child_process';

/** A Node program the launcher runs and keeps running. */
export interface ChildSpec {
  name: string;
  script: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Answers 2xx once the child serves. */
  healthUrl: string;
}

export interface SupervisorOptions {
  log: (msg: string) => void;
  /** Delay before the first restart of a crashed child; it doubles with each crash in a row. */
  restartDelayMs?: number;
  /** The longest delay between restarts. */
  maxRestartDelayMs?: number;
  /** A child that served this long before it crashed starts again from the first delay. */
  stableAfterMs?: number;
  /** How long a child may take, from its start, to answer its health check. */
  startTimeoutMs?: number;
  /** How long a child may take to finish its work in flight and exit once told to stop. */
  stopTimeoutMs?: number;
}

interface Supervised {
  spec: ChildSpec;
  proc?: ChildProcess;
  /** Restarts so far, and those since the child last served for `stableAfterMs`. */
  restarts: number;
  crashesInRow: number;
  /** When the child last answered its health check after a (re)start. */
  servingSince?: number;
  restartTimer?: NodeJS.Timeout;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function howItEnded(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

function ended(proc: ChildProcess): boolean {
  return proc.exitCode !== null || proc.signalCode !== null;
}

function exitOf(proc: ChildProcess): Promise<void> {
  return ended(proc) ? Promise.resolve() : new Promise((r) => proc.once('exit', () => r()));
}

/**
 * Runs the federation's processes and keeps them running: a child that exits without being told
 * to is started again after a delay that doubles while it keeps crashing, and every exit and
 * restart is logged; the others go on serving meanwhile. Children are started in groups (the
 * subgraphs, then the gateway that needs them) and stopped group by group in the reverse order,
 * each allowed to finish its work in flight.
 */
export class Supervisor {
  private readonly groups: Supervised[][] = [];
  private stopping = false;
  private readonly options: Required<SupervisorOptions>;

  constructor(options: SupervisorOptions) {
    this.options = {
      restartDelayMs: 1000,
      maxRestartDelayMs: 30_000,
      stableAfterMs: 60_000,
      startTimeoutMs: 60_000,
      stopTimeoutMs: 20_000,
      ...options,
    };
  }

  /**
   * Starts the children of a group together; resolves once each answers its health check. A
   * child that exits or stays silent on its first start fails the start: nothing is restarted
   * before it ever served, so a wrong port or configuration shows at once rather than in a loop.
   */
  async startGroup(specs: ChildSpec[]): Promise<void> {
    if (this.stopping) throw new Error('the launcher is stopping');
    const group = specs.map((spec): Supervised => ({ spec, restarts: 0, crashesInRow: 0 }));
    this.groups.push(group);
    await Promise.all(
      group.map(async (child) => {
        const proc = this.spawn(child);
        const problem = await this.serving(child, proc);
        if (problem) throw new Error(`${child.spec.name} ${problem} while starting`);
        child.servingSince = Date.now();
      }),
    );
  }

  /** The process id of each running child, by name. */
  pids(): Record<string, number | undefined> {
    return Object.fromEntries(this.groups.flat().map((c) => [c.spec.name, c.proc?.pid]));
  }

  /** Stops every group, the last started first; restarts pending are called off. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const child of this.groups.flat()) clearTimeout(child.restartTimer);
    for (const group of [...this.groups].reverse()) {
      const running = group.filter((c) => c.proc && !ended(c.proc));
      if (running.length === 0) continue;
      this.options.log(`stopping ${running.map((c) => c.spec.name).join(', ')}`);
      await Promise.all(running.map((c) => this.stopChild(c)));
    }
  }

  /** Last resort when the launcher exits abruptly: tells every child to stop, without waiting. */
  signalAll(signal: NodeJS.Signals = 'SIGTERM'): void {
    for (const child of this.groups.flat()) {
      if (child.proc && !ended(child.proc)) child.proc.kill(signal);
    }
  }

  private spawn(child: Supervised): ChildProcess {
    const { spec } = child;
    const proc = spawn(
      process.execPath,
      ['--enable-source-maps', spec.script, ...(spec.args ?? [])],
      {
        env: { ...process.env, ...spec.env },
        // The IPC channel tells the child when the launcher is gone, even killed: it stops then.
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        // A process group of its own: a Ctrl-C in the terminal reaches the launcher alone, which
        // stops the children in order (the gateway while the subgraphs still answer it).
        detached: true,
      },
    );
    child.proc = proc;
    child.servingSince = undefined;
    proc.once('error', (err) => {
      this.options.log(`${spec.name} could not run: ${err.message}`);
      // A process that never started emits no 'exit': handle it as one.
      if (proc.pid === undefined) this.exited(child, proc, 1, null);
    });
    proc.once('exit', (code, signal) => this.exited(child, proc, code, signal));
    if (proc.pid !== undefined) this.options.log(`${spec.name} running (pid ${proc.pid})`);
    return proc;
  }

  /** Waits until the child answers its health check; otherwise says what went wrong. */
  private async serving(child: Supervised, proc: ChildProcess): Promise<string | undefined> {
    const deadline = Date.now() + this.options.startTimeoutMs;
    while (Date.now() < deadline) {
      if (ended(proc) || proc.pid === undefined) {
        return `exited (${howItEnded(proc.exitCode, proc.signalCode)})`;
      }
      if (this.stopping) return 'was stopped';
      try {
        const res = await fetch(child.spec.healthUrl, { signal: AbortSignal.timeout(2000) });
        if (res.ok) return undefined;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return `did not answer ${child.spec.healthUrl} within ${seconds(this.options.startTimeoutMs)}`;
  }

  private exited(
    child: Supervised,
    proc: ChildProcess,
    code: number | null,
    signal: NodeJS.Signals | null,
  ): void {
    if (child.proc !== proc) return;
    // During a stop, or a first start (whose failure startGroup reports), nothing restarts.
    if (this.stopping || (child.restarts === 0 && child.servingSince === undefined)) return;
    const { restartDelayMs, maxRestartDelayMs, stableAfterMs } = this.options;
    if (child.servingSince !== undefined && Date.now() - child.servingSince >= stableAfterMs) {
      child.crashesInRow = 0;
    }
    const delay = Math.min(restartDelayMs * 2 ** child.crashesInRow, maxRestartDelayMs);
    child.crashesInRow++;
    child.restarts++;
    child.servingSince = undefined;
    this.options.log(
      `${child.spec.name} exited (${howItEnded(code, signal)}): restarting it in ${seconds(delay)} ` +
        `(restart ${child.restarts}); the others go on serving`,
    );
    child.restartTimer = setTimeout(() => void this.restart(child), delay);
  }

  private async restart(child: Supervised): Promise<void> {
    if (this.stopping) return;
    const proc = this.spawn(child);
    const problem = await this.serving(child, proc);
    if (this.stopping || child.proc !== proc) return;
    if (problem === undefined) {
      child.servingSince = Date.now();
      this.options.log(`${child.spec.name} is back (pid ${proc.pid}, restart ${child.restarts})`);
    } else if (!ended(proc)) {
      // Alive but not serving: end it, and its exit schedules the next attempt.
      this.options.log(`${child.spec.name} ${problem}: killing it`);
      proc.kill('SIGKILL');
    }
  }

  private async stopChild(child: Supervised): Promise<void> {
    const proc = child.proc!;
    const exit = exitOf(proc);
    proc.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((r) => {
      timer = setTimeout(() => r('late'), this.options.stopTimeoutMs);
    });
    if ((await Promise.race([exit, late])) === 'late') {
      this.options.log(
        `${child.spec.name} did not stop within ${seconds(this.options.stopTimeoutMs)}: killing it`,
      );
      proc.kill('SIGKILL');
      await exit;
    }
    clearTimeout(timer);
    if (proc.exitCode !== 0 && proc.exitCode !== null) {
      this.options.log(`${child.spec.name} stopped with code ${proc.exitCode}`);
    }
  }
}
