import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { Federation, startFederation } from '../support/federation';

/** The full picture's selection, applied to a page of shipments instead of one. */
const PAGE_QUERY = FULL_PICTURE_QUERY.replace(/^#.*\n/, '')
  .replace('query Picture($awb: ID!)', 'query Page($first: Int!)')
  .replace('shipment(awb: $awb) {', 'shipments(first: $first) { nodes {')
  .replace(/\n}\n$/, '\n} }\n');

describe('batching across the federation', () => {
  let fed: Federation;
  beforeAll(async () => {
    fed = await startFederation({ shipments: 300 });
  });
  afterAll(() => fed?.stop());

  async function statementsFor(first: number): Promise<number> {
    const before = fed.statementCount();
    const res = await fed.query<{ shipments: { nodes: unknown[] } }>(PAGE_QUERY, { first });
    expect(res.errors).toBeUndefined();
    expect(res.data?.shipments.nodes).toHaveLength(first);
    return fed.statementCount() - before;
  }

  it('costs the same number of SQL statements for 10 and for 200 shipments', async () => {
    const ten = await statementsFor(10);
    const twoHundred = await statementsFor(200);
    expect(twoHundred).toBe(ten);
    // One statement per entity type and per-parent list, not per shipment.
    expect(ten).toBeLessThan(60);
  });
});
