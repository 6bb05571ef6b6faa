import type pg from 'pg';
import { backendPids } from './database';
import { generateLoad, LoadResult } from './load';
import { CpuMeter, peakRssMiB, quiesce } from './processes';
import type { Scenario } from './scenarios';
import type { Target } from './targets';

export interface Measurement extends LoadResult {
  target: string;
  scenario: string;
  round: number;
  /** Gateway CPU milliseconds per request (user + system of its process). */
  gatewayCpuMsPerReq?: number;
  /** CPU milliseconds per request of the subgraph processes and their PostgreSQL backends. */
  subgraphDbCpuMsPerReq: number;
  /** The two parts of it: the subgraph processes, and the PostgreSQL backends. */
  subgraphCpuMsPerReq: number;
  dbCpuMsPerReq: number;
  gatewayPeakRssMiB?: number;
}

/** How often CPU is sampled during a run: often enough to catch a backend its pool closes. */
const SAMPLE_EVERY_MS = 500;

/** One target under one scenario's load, with the CPU of every process behind it. */
export async function measure(options: {
  target: Target;
  scenario: Scenario;
  round: number;
  connections: number;
  durationS: number;
  admin: pg.Client;
  /** Every process of the benchmark: all must be idle before a window opens. */
  quiet: number[];
}): Promise<Measurement | undefined> {
  const { target, scenario } = options;
  const endpoint = target.endpoint(scenario);
  if (!endpoint) return undefined;
  const { stack } = target;
  const subgraphPids = stack.subgraphs.map((s) => s.pid);
  // The previous window's unfinished requests drain first, whichever target they were sent to.
  await quiesce(options.quiet);
  const subgraphs = new CpuMeter(() => subgraphPids);
  const db = new CpuMeter(() => backendPids(options.admin, stack.database.name));
  const subgraphsAndDb = {
    sample: (initial?: boolean) => Promise.all([subgraphs.sample(initial), db.sample(initial)]),
    totalMs: () => subgraphs.totalMs() + db.totalMs(),
  };
  const gateway = target.gateway && new CpuMeter(() => [target.gateway!.pid]);
  await subgraphsAndDb.sample(true);
  await gateway?.sample(true);
  let sampling: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(() => subgraphsAndDb.sample()).then(() => gateway?.sample());
  }, SAMPLE_EVERY_MS);
  let load: LoadResult;
  try {
    load = await generateLoad({
      url: endpoint.url,
      next: endpoint.next,
      connections: options.connections,
      durationS: options.durationS,
      headers: target.headers,
      nextHeaders: target.nextHeaders,
    });
  } finally {
    clearInterval(timer);
    await sampling;
  }
  await subgraphsAndDb.sample();
  await gateway?.sample();
  const perRequest = (ms: number) => (load.requests ? ms / load.requests : NaN);
  return {
    target: target.name,
    scenario: scenario.name,
    round: options.round,
    ...load,
    gatewayCpuMsPerReq: gateway && perRequest(gateway.totalMs()),
    subgraphDbCpuMsPerReq: perRequest(subgraphsAndDb.totalMs()),
    subgraphCpuMsPerReq: perRequest(subgraphs.totalMs()),
    dbCpuMsPerReq: perRequest(db.totalMs()),
    gatewayPeakRssMiB: target.gateway && peakRssMiB(target.gateway.pid),
  };
}
