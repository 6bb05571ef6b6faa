import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { COST_HEADER, DEFAULT_DEMAND_CONTROL } from '../../gateway/plugins/demand-control';
import { Federation, startFederation } from '../support/federation';
import { expectData, Json } from '../support/graphql';
import { tokenFor } from '../support/identities';
import { EXPORT_WORLD_SHIPMENTS } from '../support/test-database';

/**
 * The budgets by scope through the whole federation: the analysts' export of 1,000 full pictures
 * in one page passes every limit, at the gateway (cost within the budget of trade:read) and at each
 * subgraph (the gateway's `_entities` fetches for 1,000 shipments within the subgraphs' own
 * limits), while a caller without trade:read is refused it before any agency works.
 */
const EXPORT_QUERY = FULL_PICTURE_QUERY.replace(/^#.*\n/, '')
  .replace('query Picture($awb: ID!)', 'query Export($first: Int!, $after: String)')
  .replace(
    'shipment(awb: $awb) {',
    'shipments(first: $first, after: $after) { pageInfo { endCursor } nodes {',
  )
  .replace(/\n}\n$/, '\n} }\n');

const ANALYST = tokenFor({ sub: 'analyst-1', scopes: ['trade:read'] });
const ENTERPRISE = tokenFor({ sub: 'enterprise-1', scopes: [], uscc: '91110102MA93W83JUW' });

describe('demand control by scope, through the federation', () => {
  let fed: Federation;
  beforeAll(async () => {
    // What is under test is the limits, not the request deadline: on the shared 2-core test machine
    // the export of 1,000 pictures takes about 11 s, over REQUEST_DEADLINE_MS's default.
    fed = await startFederation({
      shipments: EXPORT_WORLD_SHIPMENTS,
      gateway: { requestDeadlineMs: 120_000 },
    });
  });
  afterAll(() => fed?.stop());

  it('exports 1,000 full pictures in one page for a caller with trade:read', async () => {
    const res = await fed.graphql<Json>(
      EXPORT_QUERY,
      { first: 1000 },
      { token: ANALYST, headers: { [COST_HEADER]: 'true' } },
    );
    const data = expectData(res);
    expect(data.shipments.nodes).toHaveLength(1000);
    for (const s of data.shipments.nodes) {
      expect(s.manifest.origin.iataCode).toEqual(expect.any(String));
      expect(s.carrier.name).toEqual(expect.any(String));
      expect(s.legs.length).toBeGreaterThan(0);
    }
  });

  it('tells a caller with trade:read its larger budget, and one without its own', async () => {
    const picture = (token: string) =>
      fed.graphql<Json>(
        FULL_PICTURE_QUERY,
        { awb: '999-31415926' },
        { token, headers: { [COST_HEADER]: 'true' } },
      );
    const analyst = (await picture(ANALYST)) as Json;
    expect(analyst.extensions.cost.max).toBe(DEFAULT_DEMAND_CONTROL.maxCostTradeRead);
    const enterprise = (await picture(ENTERPRISE)) as Json;
    expect(enterprise.extensions.cost).toEqual({
      estimated: analyst.extensions.cost.estimated,
      max: DEFAULT_DEMAND_CONTROL.maxCost,
    });
  });

  it('refuses the export to a caller without trade:read, before any agency works', async () => {
    for (const token of [ENTERPRISE, null]) {
      const { result, statements } = await fed.statementsOf(() =>
        fed.graphql(EXPORT_QUERY, { first: 1000 }, { token }),
      );
      expect(result.data ?? undefined).toBeUndefined();
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/use a token with trade:read/),
          extensions: expect.objectContaining({
            code: 'COST_ESTIMATED_TOO_EXPENSIVE',
            cost: { estimated: expect.any(Number), max: DEFAULT_DEMAND_CONTROL.maxCost },
          }),
        }),
      ]);
      expect(statements).toBe(0);
    }
    // The gateway goes on serving the export to whom it may.
    const after = await fed.graphql<Json>(EXPORT_QUERY, { first: 10 }, { token: ANALYST });
    expect(expectData(after).shipments.nodes).toHaveLength(10);
  });
});
