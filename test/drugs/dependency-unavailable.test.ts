import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunningGateway, startGateway } from '../../gateway/server';
import { drugsSubgraph } from '../../subgraphs/drugs';
import { Database, projectRoot, RunningSubgraph, startSubgraph } from '../../subgraphs/kit';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { AGENT_CART, consolidatedImports, insertFixtures, NOT_AN_AGENT } from './fixtures';
import {
  approvalInput,
  CREATE_IMPORT,
  dataOf,
  errorOf,
  LINK_SHIPMENT,
  post,
  QUALIFY,
  REGISTER,
} from './mutation-support';

/**
 * Fail closed: when the gateway (or customs behind it) cannot answer, the mutations whose rules
 * need customs' register are refused with DEPENDENCY_UNAVAILABLE and nothing at all is written,
 * idempotency keys included. Mutations that need no other agency keep working.
 */

let testDb: TestDatabase;
let db: Database;
/** Its gateway URL is a port nothing listens on. */
let noGateway: RunningSubgraph;
/** Its gateway is up, but the gateway's customs subgraph is not. */
let noCustoms: RunningSubgraph;
let gateway: RunningGateway;

beforeAll(async () => {
  testDb = await createTestDatabase(['drugs']);
  await insertFixtures(testDb.url);
  db = new Database(testDb.url, { max: 4 });
  noGateway = await startSubgraph(drugsSubgraph, {
    db,
    port: 0,
    log: () => undefined,
    gatewayUrl: () => 'http://127.0.0.1:9/graphql',
  });
  const supergraphSdl = readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8');
  gateway = await startGateway({
    supergraphSdl,
    port: 0,
    subgraphUrls: {
      airports: 'http://127.0.0.1:9/graphql',
      customs: 'http://127.0.0.1:9/graphql',
      drugs: noGateway.url,
      routes: 'http://127.0.0.1:9/graphql',
    },
    log: () => undefined,
  });
  noCustoms = await startSubgraph(drugsSubgraph, {
    db,
    port: 0,
    log: () => undefined,
    gatewayUrl: () => gateway.url,
  });
});
afterAll(async () => {
  await noCustoms?.stop();
  await gateway?.stop();
  await noGateway?.stop();
  await db?.close();
  await testDb?.drop();
});

/** Row counts of every table a drugs mutation writes. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = [
    'agent_qualification',
    'consolidated_import',
    'consolidated_import_shipment',
    'status_change',
    'idempotency_key',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM drugs.${t}`);
    out[t] = row.n;
  }
  return out;
}

/** Shipments are linked to submitted imports: the refusal must come from the dependency. */
const submitted = consolidatedImports.find((c) => c.status === 'SUBMITTED')!;

describe.each([
  ['the gateway is unreachable', () => noGateway.url],
  ['customs does not answer behind the gateway', () => noCustoms.url],
])('when %s', (_what, url) => {
  it.each([
    [
      'qualifyAgent',
      QUALIFY,
      { uscc: NOT_AN_AGENT, qualifiedSince: '2025-01-01', categories: ['CELL_THERAPY'] },
    ],
    ['createConsolidatedImport', CREATE_IMPORT, { agentUscc: AGENT_CART }],
    [
      'linkConsolidatedShipment',
      LINK_SHIPMENT,
      { consolidatedImportId: submitted.id, awb: '999-31415926' },
    ],
  ])('%s is refused with DEPENDENCY_UNAVAILABLE and writes nothing', async (_op, query, input) => {
    const before = await snapshot();
    const res = await post(url(), query, {
      input: { ...input, idempotencyKey: `key-${Math.random()}` },
    });
    expect(errorOf(res).code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(res.data ?? null).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('still registers drug approvals, which need no other agency', async () => {
    const a = dataOf(await post(url(), REGISTER, { input: approvalInput() })).registerDrugApproval;
    expect(a.status).toBe('VALID');
  });
});
