import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { Federation, startFederation } from '../support/federation';
import { expectData } from '../support/graphql';

/** The full picture's selection, applied to a list of shipments instead of one. */
const LIST_QUERY = FULL_PICTURE_QUERY.replace(/^#.*\n/, '')
  .replace('query Picture($awb: ID!)', 'query List($awbs: [ID!]!, $first: Int!)')
  .replace('shipment(awb: $awb) {', 'shipments(filter: { awbs: $awbs }, first: $first) { nodes {')
  .replace(/\n}\n$/, '\n} }\n');

describe('batching across the federation', () => {
  let fed: Federation;
  let others: string[];
  beforeAll(async () => {
    fed = await startFederation();
    const { shipments } = expectData(
      await fed.graphql<{ shipments: { nodes: { awb: string }[] } }>(
        '{ shipments(first: 1000) { nodes { awb } } }',
      ),
    );
    const showcase = new Set<string>(Object.values(SHOWCASE));
    others = shipments.nodes.map((n) => n.awb).filter((awb) => !showcase.has(awb));
  });
  afterAll(() => fed?.stop());

  async function statementsFor(awbs: string[]): Promise<number> {
    const { result, statements } = await fed.statementsOf(() =>
      fed.graphql<{ shipments: { nodes: { awb: string }[] } }>(LIST_QUERY, {
        awbs,
        first: awbs.length,
      }),
    );
    expect(expectData(result).shipments.nodes).toHaveLength(awbs.length);
    return statements;
  }

  it('costs the same number of SQL statements for 10 and for 200 full pictures', async () => {
    // The ten showcases between them touch every part of the picture (legs, arrival, inspections,
    // drug approvals, consolidated imports, special goods, zones), so the 200 add rows, not kinds.
    const ten = Object.values(SHOWCASE).slice(0, 10);
    expect(ten).toHaveLength(10);
    const twoHundred = [...ten, ...others.slice(0, 190)];
    expect(twoHundred).toHaveLength(200);

    const forTen = await statementsFor(ten);
    const forTwoHundred = await statementsFor(twoHundred);
    expect(forTwoHundred).toBe(forTen);
    // One statement per entity type and per-parent list in each subgraph fetch, not per shipment.
    expect(forTen).toBeLessThan(40);
  });
});
