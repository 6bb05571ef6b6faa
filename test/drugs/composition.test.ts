import { drugsSubgraph } from '../../subgraphs/drugs';
import { composeWithCommittedNeighbours } from '../support/composition';

/**
 * The drugs subgraph, as its code prints it, composes with the other agencies' committed SDL:
 * customs owns Enterprise, Shipment and SpecialGoodsApplication and contributes
 * `ConsolidatedImport.specialGoodsApplication`; the keys, stubs and shared PageInfo must agree.
 */
describe('composition', () => {
  it('composes with the owner of the referenced entities', async () => {
    const result = await composeWithCommittedNeighbours(drugsSubgraph);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    const supergraph = result.supergraphSdl!;
    expect(supergraph).toMatch(/drugImportAgent: AgentQualification/);
    expect(supergraph).toMatch(/consolidatedImport: ConsolidatedImport/);
    expect(supergraph).toMatch(/drugApprovals\(/);
    // The application of a consolidated import comes from customs alone.
    expect(supergraph).toMatch(
      /specialGoodsApplication: SpecialGoodsApplication @join__field\(graph: CUSTOMS\)/,
    );
  });
});
