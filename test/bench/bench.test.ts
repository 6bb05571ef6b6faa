import { cpuMs, CpuMeter } from '../../bench/processes';
import { benchIdentity } from '../../bench/identity';
import { benchOptions } from '../../bench/options';
import { summarise } from '../../bench/report';
import type { Measurement } from '../../bench/measure';
import { buildScenarios, PAGE_QUERY } from '../../bench/scenarios';
import { parse } from 'graphql';

describe('npm run bench options', () => {
  it('expands "all" and keeps the defaults', () => {
    const options = benchOptions(['--scenario', 'all', '--dry-run'])!;
    expect(options.scenarios).toEqual(['picture', 'page', 'export', 'public', 'mixed']);
    expect(options.targets).toEqual(['tradegraph', 'stock', 'hive', 'hive-dedup', 'direct']);
    expect(options).toMatchObject({
      durationS: 10,
      rounds: 2,
      connections: 16,
      callers: 1,
      dryRun: true,
    });
    expect(benchOptions(['--callers', '8'])!.callers).toBe(8);
    expect(() => benchOptions(['--callers', '0'])).toThrow(/--callers must be a whole number/);
  });

  it('refuses an unknown scenario or target, and a duration that is not a whole number', () => {
    expect(() => benchOptions(['--scenario', 'pictures'])).toThrow(/unknown "pictures"/);
    expect(() => benchOptions(['--targets', 'tradegraph,router'])).toThrow(/unknown "router"/);
    expect(() => benchOptions(['--duration', '0.5'])).toThrow(/--duration must be a whole number/);
  });

  it('gives the usage for --help', () => {
    expect(benchOptions(['--help'])).toBeUndefined();
  });
});

describe("the benchmark's callers", () => {
  it('are analysts alike but their subject, one token each', () => {
    const identity = benchIdentity(3);
    try {
      const claims = identity.authorizations.map(
        (a) =>
          JSON.parse(Buffer.from(a.split('.')[1], 'base64url').toString()) as Record<
            string,
            unknown
          >,
      );
      expect(identity.authorization).toBe(identity.authorizations[0]);
      expect(claims.map((c) => c.sub)).toEqual([
        'bench-analyst',
        'bench-analyst-2',
        'bench-analyst-3',
      ]);
      expect(new Set(claims.map((c) => c.scope))).toEqual(new Set(['trade:read']));
    } finally {
      identity.remove();
    }
  });
});

describe('the scenarios', () => {
  const scenarios = buildScenarios({ awbs: ['999-00000011', '999-00000022'], airports: ['PEK'] });

  it('send valid GraphQL with varying variables', () => {
    expect(() => parse(PAGE_QUERY)).not.toThrow();
    const first = JSON.parse(scenarios.picture.next());
    const second = JSON.parse(scenarios.picture.next());
    expect(() => parse(first.query)).not.toThrow();
    expect(first.variables.awb).not.toEqual(second.variables.awb);
    expect(JSON.parse(scenarios.export.next()).variables.first).toBe(1000);
  });

  it('mix pictures, airports and pages', () => {
    const queries = new Set(
      Array.from({ length: 10 }, () => JSON.parse(scenarios.mixed.next()).query as string),
    );
    expect(queries.size).toBe(3);
  });
});

describe('the report', () => {
  const m = (target: string, round: number, reqPerS: number, gatewayCpu?: number): Measurement => ({
    target,
    scenario: 'picture',
    round,
    requests: reqPerS * 10,
    reqPerS,
    p50Ms: 10,
    p99Ms: 20,
    errors: 0,
    gatewayCpuMsPerReq: gatewayCpu,
    subgraphDbCpuMsPerReq: 4,
    subgraphCpuMsPerReq: 3,
    dbCpuMsPerReq: 1,
  });

  it('takes medians of the rounds and gives ratios to stock', () => {
    const rows = summarise([
      m('stock', 1, 100, 8),
      m('stock', 2, 120, 6),
      m('tradegraph', 1, 150, 4),
      m('tradegraph', 2, 180, 3),
    ]);
    const tradegraph = rows.find((r) => r.target === 'tradegraph')!;
    expect(tradegraph.reqPerS).toBe(165);
    expect(tradegraph.vsStock!.reqPerS).toBeCloseTo(165 / 110);
    expect(tradegraph.vsStock!.gatewayCpu).toBeCloseTo(3.5 / 7);
  });
});

describe('CPU accounting', () => {
  it('reads the CPU a process has used from /proc, and counts a window of it', async () => {
    const meter = new CpuMeter(() => [process.pid]);
    await meter.sample(true);
    const until = cpuMs(process.pid)! + 50;
    while (cpuMs(process.pid)! < until) Math.sqrt(Math.random());
    await meter.sample();
    expect(meter.totalMs()).toBeGreaterThanOrEqual(50);
    expect(cpuMs(2 ** 22 + 1)).toBeUndefined();
  });
});
