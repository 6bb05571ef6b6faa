import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FULL_PICTURE_QUERY } from '../gateway/explorer/full-picture-query';
import { makeAwb, projectRoot, runMain } from '../subgraphs/kit';
import { prepareDatabases } from '../scripts/database-setup';
import { isSeeded, seedDemo } from '../scripts/demo/seed-demo';
import {
  GraphQLResponse,
  InProcessFederation,
  startInProcessFederation,
} from '../scripts/in-process-federation';

/**
 * `npm run bench`: latency and SQL cost of the full picture through the whole federation, and of a
 * write (a manifest, with its cross-agency check) and its idempotent retry, on the
 * configured database (DATABASE_URL, else the embedded one). Every figure is also given as a
 * ratio to a baseline measured in the same run — `{ __typename }` through the same gateway — since
 * absolute times on a shared 2-core machine are noise.
 */

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

async function timeEach(n: number, run: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await run(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

/** AWBs that no shipment of the data set has yet, from a serial upwards. */
async function unusedAwbs(
  fed: InProcessFederation,
  count: number,
  from: number,
): Promise<string[]> {
  const free: string[] = [];
  for (let serial = from; free.length < count; serial += 500) {
    const batch = Array.from({ length: 500 }, (_, i) => makeAwb('999', (serial + i) % 10_000_000));
    const res = await fed.query<{ shipments: { nodes: { awb: string }[] } }>(
      'query($a: [ID!]) { shipments(filter: { awbs: $a }, first: 1000) { nodes { awb } } }',
      { a: batch },
    );
    const taken = new Set(res.data!.shipments.nodes.map((n) => n.awb));
    free.push(...batch.filter((awb) => !taken.has(awb)));
  }
  return free.slice(0, count);
}

async function consigneeSample(fed: InProcessFederation): Promise<{ enterprises: string[] }> {
  const res = await fed.query<{
    shipments: { nodes: { manifest: { consignee: { uscc: string } } }[] };
  }>('{ shipments(first: 50) { nodes { manifest { consignee { uscc } } } } }');
  return {
    enterprises: [...new Set(res.data!.shipments.nodes.map((n) => n.manifest.consignee.uscc))],
  };
}

interface AwbPage {
  shipments: { nodes: { awb: string }[]; pageInfo: { endCursor: string | null } };
}

const PAGE_QUERY = FULL_PICTURE_QUERY.replace(/^#.*\n/, '')
  .replace('query Picture($awb: ID!)', 'query Page($first: Int!, $after: String)')
  .replace(
    'shipment(awb: $awb) {',
    'shipments(first: $first, after: $after) { pageInfo { endCursor } nodes {',
  )
  .replace(/\n}\n$/, '\n} }\n');

runMain(async () => {
  const { values } = parseArgs({
    options: {
      shipments: { type: 'string', default: '20000' },
      iterations: { type: 'string', default: '200' },
      reseed: { type: 'boolean', default: false },
    },
  });
  const shipments = Number(values.shipments);
  const iterations = Number(values.iterations);
  const log = (m: string) => console.log(`[bench] ${m}`);
  const { urls, embedded } = await prepareDatabases(log);
  if (values.reseed || !(await isSeeded(urls.customs))) {
    const report = await seedDemo({ urls, shipments, log });
    log(`seeded ${report.shipments} shipments in ${(report.ms / 1000).toFixed(1)} s`);
  }
  const fed = await startInProcessFederation(urls);
  try {
    // A sample of real AWBs spread over the data set.
    const sample: string[] = [];
    let after: string | null = null;
    while (sample.length < iterations) {
      const res: GraphQLResponse<AwbPage> = await fed.query<AwbPage>(
        'query($after: String) { shipments(first: 1000, after: $after) { nodes { awb } pageInfo { endCursor } } }',
        { after },
      );
      const page: AwbPage['shipments'] = res.data!.shipments;
      sample.push(...page.nodes.filter((_, i) => i % 7 === 0).map((n) => n.awb));
      if (!page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    sample.length = Math.min(sample.length, iterations);

    const warm = async () => {
      for (const awb of sample.slice(0, 20)) await fed.query(FULL_PICTURE_QUERY, { awb });
    };
    await warm();

    const baseline = await timeEach(iterations, async () => {
      await fed.query('{ __typename }');
    });
    let statements = 0;
    const picture = await timeEach(sample.length, async (i) => {
      const before = fed.statementCount();
      const res = await fed.query(FULL_PICTURE_QUERY, { awb: sample[i] });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      statements = Math.max(statements, fed.statementCount() - before);
    });
    let pageStatements = 0;
    const page = await timeEach(20, async () => {
      const before = fed.statementCount();
      const res = await fed.query(PAGE_QUERY, { first: 100 });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      pageStatements = fed.statementCount() - before;
    });

    // Writes: a manifest through the gateway (its airports are checked with the airports agency,
    // through the gateway again), then the same call retried with its idempotency key.
    const { enterprises } = await consigneeSample(fed);
    const awbs = await unusedAwbs(fed, iterations, 9_000_000 + (Date.now() % 900_000));
    const manifest = (i: number) => ({
      awb: awbs[i],
      origin: 'FRA',
      destination: 'PEK',
      portOfEntry: 'PEK',
      shipper: 'Bench Shipper GmbH',
      consignee: enterprises[i % enterprises.length],
      pieces: 1 + (i % 20),
      grossWeightKg: 10 + i,
      goodsDescription: 'Benchmark cargo',
      idempotencyKey: `bench-${awbs[i]}`,
    });
    const REGISTER =
      'mutation($i: RegisterManifestInput!) { registerManifest(input: $i) { awb version } }';
    const writes = await timeEach(iterations, async (i) => {
      const res = await fed.query(REGISTER, { i: manifest(i) });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    });
    const retries = await timeEach(iterations, async (i) => {
      const res = await fed.query(REGISTER, { i: manifest(i) });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    });

    const counted = await fed.query<{ shipments: { totalCount: number } }>(
      '{ shipments(first: 0) { totalCount } }',
    );
    const b50 = percentile(baseline, 50);
    const result = {
      at: new Date().toISOString(),
      shipmentsInDatabase: counted.data?.shipments.totalCount,
      iterations: sample.length,
      baselineTypenameMs: { p50: b50, p95: percentile(baseline, 95) },
      fullPictureMs: { p50: percentile(picture, 50), p95: percentile(picture, 95) },
      fullPictureP50VsBaseline: percentile(picture, 50) / b50,
      page100FullPicturesMs: { p50: percentile(page, 50), p95: percentile(page, 95) },
      page100P50VsBaseline: percentile(page, 50) / b50,
      sqlStatementsPerFullPicture: statements,
      sqlStatementsPer100ShipmentPage: pageStatements,
      registerManifestMs: { p50: percentile(writes, 50), p95: percentile(writes, 95) },
      registerManifestP50VsBaseline: percentile(writes, 50) / b50,
      idempotentRetryMs: { p50: percentile(retries, 50), p95: percentile(retries, 95) },
      idempotentRetryP50VsBaseline: percentile(retries, 50) / b50,
    };
    console.log(JSON.stringify(result, null, 2));
    const dir = join(projectRoot(), 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `full-picture-${Date.now()}.json`), JSON.stringify(result, null, 2));
  } finally {
    await fed.stop();
    await embedded?.stop();
  }
});
