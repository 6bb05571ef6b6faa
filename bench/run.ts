import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { projectRoot, runMain } from '../subgraphs/kit';
import { benchServerUrl, withServer } from './database';
import { Measurement, measure } from './measure';
import { BENCH_USAGE, BenchOptions, benchOptions, TargetName } from './options';
import { markdownTable, Row, summarise } from './report';
import { buildScenarios, SampleData, Scenario } from './scenarios';
import { Stack, startStack } from './stack';
import { directTarget, gatewayTarget, startPeer, Target } from './targets';
import { buildRevision, BuiltTree, ensurePeersInstalled } from './tree';
import { benchIdentity } from './identity';
import pg from 'pg';

/**
 * `npm run bench`: tradegraph's gateway against stock `@apollo/gateway` (the baseline) and Hive
 * Gateway, on the same subgraphs and data, each part in a process of its own. See BENCHMARKS.md.
 */

const log = (msg: string) => console.log(`[bench] ${msg}`);

async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ data?: unknown; errors?: unknown[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

/** AWBs spread over the data set and the airports: what the scenarios' variables are drawn from. */
async function sampleData(
  gatewayUrl: string,
  headers: Record<string, string>,
): Promise<SampleData> {
  const shipments = (await post(
    gatewayUrl,
    JSON.stringify({ query: '{ shipments(first: 1000) { nodes { awb } } }' }),
    headers,
  )) as { data?: { shipments: { nodes: { awb: string }[] } } };
  const airports = (await post(
    gatewayUrl,
    JSON.stringify({ query: '{ airports { iataCode } }' }),
    headers,
  )) as {
    data?: { airports: { iataCode: string }[] };
  };
  const awbs = shipments.data?.shipments.nodes.map((n) => n.awb) ?? [];
  if (!awbs.length) throw new Error(`no shipments to sample: ${JSON.stringify(shipments)}`);
  return { awbs, airports: airports.data?.airports.map((a) => a.iataCode) ?? ['PEK', 'PKX'] };
}

/** Each scenario's fixed request to every gateway: the answers must be the same data. */
async function checkAnswers(
  scenarios: Scenario[],
  targets: Target[],
): Promise<Record<string, { equal: boolean; differing: string[] }>> {
  const result: Record<string, { equal: boolean; differing: string[] }> = {};
  for (const scenario of scenarios) {
    const answers = new Map<string, string>();
    for (const target of targets) {
      if (!target.gateway) continue;
      const res = await post(target.gateway.url, scenario.check, target.headers);
      answers.set(target.name, JSON.stringify({ data: res.data, errors: res.errors?.length ?? 0 }));
    }
    const reference = answers.get('tradegraph') ?? [...answers.values()][0];
    const differing = [...answers].filter(([, a]) => a !== reference).map(([name]) => name);
    result[scenario.name] = { equal: differing.length === 0, differing };
    if (differing.length) log(`answers differ for ${scenario.name}: ${differing.join(', ')}`);
  }
  return result;
}

function machine(): Record<string, unknown> {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

function headCommit(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Markdown as the project's Prettier formats it, so that `npm run lint` stays green. */
async function formatted(file: string, text: string): Promise<string> {
  const prettier = await import('prettier');
  const config = await prettier.resolveConfig(file);
  return prettier.format(text, { ...config, filepath: file });
}

/** Replaces the table between the markers in BENCHMARKS.md with the latest. */
async function updateBenchmarksMd(root: string, table: string, header: string): Promise<void> {
  const file = join(root, 'BENCHMARKS.md');
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const start = '<!-- bench:latest -->';
  const end = '<!-- /bench:latest -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return;
  const updated = `${text.slice(0, i + start.length)}\n\n${header}\n\n${table}\n\n${text.slice(j)}`;
  writeFileSync(file, await formatted(file, updated));
}

function plan(options: BenchOptions): string {
  const perTarget = options.scenarios.length * options.rounds * options.durationS;
  return [
    `scenarios ${options.scenarios.join(', ')}; targets ${options.targets.join(', ')}${options.compare ? ` and tradegraph@${options.compare}` : ''}`,
    `${options.rounds} round(s) × ${options.durationS} s per target and scenario, ${options.connections} connection(s)${options.callers > 1 ? `, tradegraph's load from ${options.callers} callers` : ''}: about ${perTarget} s of load per target`,
    `${options.shipments} shipments in tradegraph_bench_* on ${new URL(benchServerUrl()).host}${options.keep ? ' (kept)' : ' (dropped after)'}`,
  ].join('\n');
}

async function bench(options: BenchOptions): Promise<void> {
  const root = projectRoot();
  log(plan(options));
  if (options.dryRun) return;
  const wantsHive = options.targets.some((t) => t.startsWith('hive'));
  if (wantsHive) ensurePeersInstalled(root, log);

  const serverUrl = benchServerUrl();
  const identity = benchIdentity(options.callers);
  const bearer = { authorization: identity.authorization };
  /** Each request of tradegraph's load from the next caller, when there are several. */
  const nextCaller = () => {
    let turn = 0;
    const all = identity.authorizations;
    return all.length > 1 ? () => ({ authorization: all[turn++ % all.length] }) : undefined;
  };
  const stacks: Stack[] = [];
  const targets: Target[] = [];
  let compared: BuiltTree | undefined;
  let cleaning: Promise<void> | undefined;
  // Once: on the way out, or on Ctrl-C, which must not leave gateways, subgraphs or databases.
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const target of targets) await target.stop();
      for (const stack of stacks) {
        await stack.stop();
        if (!options.keep) await stack.database.drop();
        else log(`kept ${stack.database.name}`);
      }
      compared?.remove();
      identity.remove();
    })());
  const interrupted = () => {
    log('interrupted: stopping what the benchmark started');
    void cleanUp().finally(() => process.exit(130));
  };
  process.on('SIGINT', interrupted).on('SIGTERM', interrupted);
  try {
    const stack = await startStack({
      label: 'tradegraph',
      root,
      serverUrl,
      shipments: options.shipments,
      cpuProfDir: options.cpuProfDir,
      identity,
      log,
    });
    stacks.push(stack);
    const peers: Record<TargetName, () => Promise<Target>> = {
      tradegraph: async () =>
        gatewayTarget('tradegraph', stack, stack.gateway, bearer, true, nextCaller()),
      stock: () => startPeer('stock', root, stack, identity),
      hive: () => startPeer('hive', root, stack, identity),
      'hive-dedup': () => startPeer('hive-dedup', root, stack, identity),
      direct: async () => directTarget(stack),
    };
    for (const name of options.targets) targets.push(await peers[name]());
    if (options.compare) {
      compared = buildRevision(root, options.compare, log);
      const other = await startStack({
        label: `tradegraph@${options.compare}`,
        root: compared.root,
        serverUrl,
        shipments: options.shipments,
        identity,
        log,
      });
      stacks.push(other);
      targets.push(gatewayTarget(other.label, other, other.gateway, bearer, true, nextCaller()));
    }

    const scenarios = buildScenarios(await sampleData(stack.gateway.url, bearer));
    const chosen = options.scenarios.map((s) => scenarios[s]);
    const answers = await checkAnswers(chosen, targets);

    const measurements: Measurement[] = [];
    const quiet = [
      ...stacks.flatMap((s) => [...s.subgraphs, s.gateway].map((p) => p.pid)),
      ...targets.flatMap((t) => (t.gateway ? [t.gateway.pid] : [])),
    ];
    await withServer(serverUrl, async (admin: pg.Client) => {
      // Warm-up: caches filled and code optimised before anything is counted.
      for (const scenario of chosen) {
        for (const target of targets) {
          await measure({
            target,
            scenario,
            round: 0,
            connections: options.connections,
            durationS: 1,
            admin,
            quiet,
          });
        }
      }
      for (let round = 1; round <= options.rounds; round++) {
        for (const scenario of chosen) {
          // Alternating: every target has its turn in each round, so drift hits them alike.
          for (const target of round % 2 ? targets : [...targets].reverse()) {
            const m = await measure({
              target,
              scenario,
              round,
              connections: options.connections,
              durationS: options.durationS,
              admin,
              quiet,
            });
            if (!m) continue;
            if (m.firstError) log(`${target.name} ${scenario.name}: first error: ${m.firstError}`);
            measurements.push(m);
            log(
              `round ${round} ${scenario.name} ${target.name}: ${m.reqPerS.toFixed(1)} req/s, p50 ${m.p50Ms} ms, ` +
                `gateway ${m.gatewayCpuMsPerReq?.toFixed(2) ?? '–'} ms CPU/req, subgraphs+DB ${m.subgraphDbCpuMsPerReq.toFixed(2)} (DB ${m.dbCpuMsPerReq.toFixed(2)}) ms CPU/req, ${m.errors} errors`,
            );
          }
        }
      }
    });

    const rows: Row[] = summarise(measurements);
    const table = markdownTable(rows);
    const at = new Date().toISOString();
    const commit = headCommit(root);
    const header =
      `${at}, commit ${commit.slice(0, 10)}${compared ? ` vs ${options.compare} (${compared.commit.slice(0, 10)})` : ''}; ` +
      `${machine().cpus} CPUs, ${options.shipments} shipments, ${options.connections} connections, ` +
      (options.callers > 1 ? `${options.callers} callers, ` : '') +
      `${options.rounds} round(s) × ${options.durationS} s; medians of the rounds`;
    console.log(`\n${header}\n\n${table}\n`);
    const result = {
      at,
      commit,
      compare: compared && { rev: options.compare, commit: compared.commit },
      options,
      machine: machine(),
      answers,
      rows,
      measurements,
    };
    const dir = join(root, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest.json'), JSON.stringify(result, null, 2));
    writeFileSync(join(dir, `${at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
    const latestMd = join(dir, 'latest.md');
    writeFileSync(latestMd, await formatted(latestMd, `${header}\n\n${table}\n`));
    await updateBenchmarksMd(root, table, header);
    log(`results in bench/results/latest.json and latest.md`);
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await cleanUp();
  }
}

runMain(async () => {
  const options = benchOptions(process.argv.slice(2));
  if (!options) {
    console.log(BENCH_USAGE);
    return;
  }
  await bench(options);
});
