import { RunningGateway, startGateway } from '../../gateway/server';
import { drugsSubgraph } from '../../subgraphs/drugs';
import { committedSupergraph } from '../support/federation';
import { expectData, expectError, UNREACHABLE_URL } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { AGENT_CART, consolidatedImports, insertFixtures, NOT_AN_AGENT } from './fixtures';
import { approvalInput, CREATE_IMPORT, LINK_SHIPMENT, QUALIFY, REGISTER } from './operations';

/**
 * Fail closed: when the gateway (or customs behind it) cannot answer, the mutations whose rules
 * need customs' register are refused with DEPENDENCY_UNAVAILABLE and nothing at all is written,
 * idempotency keys included. Mutations that need no other agency keep working.
 */

/** Its gateway URL is a port nothing listens on. */
let noGateway: SubgraphUnderTest;
/** Its gateway is up, but the gateway's customs subgraph is not. */
let noCustoms: SubgraphUnderTest;
let gateway: RunningGateway;

beforeAll(async () => {
  noGateway = await startSubgraphUnderTest(drugsSubgraph, { fixtures: insertFixtures });
  gateway = await startGateway({
    supergraphSdl: committedSupergraph(),
    port: 0,
    subgraphUrls: {
      airports: UNREACHABLE_URL,
      customs: UNREACHABLE_URL,
      drugs: noGateway.url,
      routes: UNREACHABLE_URL,
    },
    log: () => undefined,
  });
  noCustoms = await startSubgraphUnderTest(drugsSubgraph, {
    database: noGateway.db.url,
    gatewayUrl: () => gateway.url,
  });
});
afterAll(async () => {
  await noCustoms?.stop();
  await gateway?.stop();
  await noGateway?.stop();
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
    const [row] = await noGateway.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM drugs.${t}`,
    );
    out[t] = row.n;
  }
  return out;
}

/** Shipments are linked to submitted imports: the refusal must come from the dependency. */
const submitted = consolidatedImports.find((c) => c.status === 'SUBMITTED')!;

describe.each([
  ['the gateway is unreachable', () => noGateway],
  ['customs does not answer behind the gateway', () => noCustoms],
])('when %s', (_what, drugs) => {
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
    const res = await drugs().graphql(query, {
      input: { ...input, idempotencyKey: `key-${Math.random()}` },
    });
    expectError(res, 'DEPENDENCY_UNAVAILABLE');
    expect(res.data ?? null).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('still registers drug approvals, which need no other agency', async () => {
    const a = expectData(
      await drugs().graphql(REGISTER, { input: approvalInput() }),
    ).registerDrugApproval;
    expect(a.status).toBe('VALID');
  });
});
