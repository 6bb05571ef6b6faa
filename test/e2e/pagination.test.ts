import { Federation, startFederation } from '../support/federation';
import { expectData, expectError } from '../support/graphql';
import { DEMO_WORLD_SHIPMENTS } from '../support/test-database';

interface Page {
  shipments: {
    nodes: { awb: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

const QUERY = `query($first: Int, $after: String, $filter: ShipmentFilter) {
  shipments(first: $first, after: $after, filter: $filter) {
    nodes { awb } pageInfo { hasNextPage endCursor } totalCount
  }
}`;

describe('paginating shipments through the gateway', () => {
  let fed: Federation;
  beforeAll(async () => {
    fed = await startFederation();
  });
  afterAll(() => fed?.stop());

  async function walk(
    first: number,
    filter?: Record<string, unknown>,
  ): Promise<{ awbs: string[]; total: number }> {
    const awbs: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let guard = 0; guard < 1000; guard++) {
      const page: Page['shipments'] = expectData(
        await fed.graphql<Page>(QUERY, { first, after, filter }),
      ).shipments;
      total = page.totalCount;
      awbs.push(...page.nodes.map((n) => n.awb));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { awbs, total };
  }

  it('visits every shipment exactly once, with no gaps, in pages of 37', async () => {
    const { awbs, total } = await walk(37);
    expect(total).toBe(DEMO_WORLD_SHIPMENTS);
    expect(awbs).toHaveLength(DEMO_WORLD_SHIPMENTS);
    expect(new Set(awbs).size).toBe(DEMO_WORLD_SHIPMENTS);
    const { awbs: oneShot } = await walk(1000);
    expect(awbs).toEqual(oneShot);
  });

  it('paginates a filtered list consistently with its totalCount', async () => {
    const { awbs, total } = await walk(7, { arrivalAirport: 'PKX' });
    expect(total).toBeGreaterThan(0);
    expect(awbs).toHaveLength(total);
    expect(new Set(awbs).size).toBe(total);
  });

  it('rejects a forged cursor and an oversized page with BAD_USER_INPUT', async () => {
    const forged = await fed.graphql(QUERY, { first: 5, after: 'not-a-cursor' });
    expectError(forged, 'BAD_USER_INPUT');
    const huge = await fed.graphql(QUERY, { first: 5000 });
    expectError(huge, 'BAD_USER_INPUT', { message: /1000/ });
  });
});
