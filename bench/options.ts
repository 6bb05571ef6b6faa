import { parseArgs } from 'node:util';

export const SCENARIO_NAMES = ['picture', 'page', 'export', 'public', 'mixed'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/**
 * What can be measured: tradegraph's gateway, stock `@apollo/gateway` on `@apollo/server` (the
 * baseline), Hive Gateway with inbound in-flight deduplication off and on, and the subgraphs
 * called directly (the floor, only where a scenario is served by one subgraph).
 */
export const TARGET_NAMES = ['tradegraph', 'stock', 'hive', 'hive-dedup', 'direct'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export interface BenchOptions {
  scenarios: ScenarioName[];
  /** Seconds of load per target, per scenario, per round. */
  durationS: number;
  connections: number;
  /** Distinct callers (bearer tokens) tradegraph's load comes from, request by request in turn. */
  callers: number;
  targets: TargetName[];
  shipments: number;
  rounds: number;
  /** A git revision whose gateway and subgraphs are measured beside this tree's. */
  compare?: string;
  /** Keep the benchmark databases instead of dropping them. */
  keep: boolean;
  /** Write `node --cpu-prof` profiles of tradegraph's gateway and subgraph processes into this folder. */
  cpuProfDir?: string;
  /** Print the plan and stop: nothing is started. */
  dryRun: boolean;
}

export const BENCH_USAGE = `usage: npm run bench -- [options]

Load (autocannon) against tradegraph's gateway and its peers, side by side on the same subgraphs
and data, each part in its own process so its CPU can be read from /proc.
  --scenario S      ${SCENARIO_NAMES.join('|')}|all, comma-separated (default picture,page,public)
  --duration N      seconds of load per target, scenario and round (default 10)
  --connections N   concurrent connections (default 16)
  --callers N       tradegraph's load comes from N analysts, each request the next one's token
                    (default 1; the peers authenticate no one)
  --targets T       ${TARGET_NAMES.join(',')} or all, comma-separated (default all)
  --shipments N     shipments in the benchmark database (default 5000)
  --rounds N        rounds; targets alternate within each round, medians are reported (default 2)
  --compare REV     also build REV in a temporary git worktree and measure its gateway and
                    subgraphs side by side (target "tradegraph@REV")
  --cpu-prof DIR    write a CPU profile of tradegraph's gateway and each subgraph into DIR (node --cpu-prof)
  --keep            keep the benchmark databases (tradegraph_bench_*)
  --dry-run         print what would run, start nothing
Database server: DATABASE_URL (a database on it is used only to create tradegraph_bench_*),
else postgres://postgres@127.0.0.1:5432/postgres.`;

function positiveInt(name: string, raw: string, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new Error(
      `--${name} must be a whole number from 1 to ${max}, got "${raw}"\n${BENCH_USAGE}`,
    );
  }
  return n;
}

function listOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T[] {
  const items = raw === 'all' ? [...allowed] : raw.split(',').map((s) => s.trim());
  for (const item of items) {
    if (!allowed.includes(item as T)) {
      throw new Error(
        `--${name}: unknown "${item}", expected one of ${allowed.join(', ')} or all\n${BENCH_USAGE}`,
      );
    }
  }
  return [...new Set(items as T[])];
}

/** The command line, checked; `undefined` when only the usage was asked for. */
export function benchOptions(argv: string[]): BenchOptions | undefined {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string', default: 'picture,page,public' },
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '16' },
        callers: { type: 'string', default: '1' },
        targets: { type: 'string', default: 'all' },
        shipments: { type: 'string', default: '5000' },
        rounds: { type: 'string', default: '2' },
        compare: { type: 'string' },
        'cpu-prof': { type: 'string' },
        keep: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${BENCH_USAGE}`);
  }
  if (values.help) return undefined;
  return {
    scenarios: listOf('scenario', values.scenario, SCENARIO_NAMES),
    durationS: positiveInt('duration', values.duration, 3600),
    connections: positiveInt('connections', values.connections, 1000),
    callers: positiveInt('callers', values.callers, 10_000),
    targets: listOf('targets', values.targets, TARGET_NAMES),
    shipments: positiveInt('shipments', values.shipments.replace(/_/g, ''), 50_000_000),
    rounds: positiveInt('rounds', values.rounds, 100),
    compare: values.compare,
    keep: values.keep,
    cpuProfDir: values['cpu-prof'],
    dryRun: values['dry-run'],
  };
}
