import { composeServices } from '@apollo/composition';
import { graphql, parse } from 'graphql';
import { drugsSubgraph } from '../../subgraphs/drugs';
import { schemaOf } from '../../subgraphs/kit';

/**
 * The drugs subgraph must compose with the owner of the entities it only references. A minimal
 * stand-in for customs (owner of Enterprise, Shipment, SpecialGoodsApplication; contributor of
 * `ConsolidatedImport.specialGoodsApplication`) is enough to prove the keys, stubs and shared
 * PageInfo agree with federation's rules.
 */
const CUSTOMS_STAND_IN = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
type Enterprise @key(fields: "uscc") { uscc: ID! name: String! }
type Shipment @key(fields: "awb") { awb: ID! pieces: Int! }
type SpecialGoodsApplication @key(fields: "number") {
  number: ID!
  consolidatedImport: ConsolidatedImport
}
type ConsolidatedImport @key(fields: "id") {
  id: ID!
  specialGoodsApplication: SpecialGoodsApplication
}
type PageInfo @shareable { hasNextPage: Boolean! endCursor: String }
type Query { enterprise(uscc: ID!): Enterprise shipment(awb: ID!): Shipment }
`;

describe('composition', () => {
  it('composes with the owner of the referenced entities', async () => {
    const schema = await schemaOf(drugsSubgraph);
    const res = await graphql({ schema, source: '{ _service { sdl } }' });
    const sdl = (res.data as { _service: { sdl: string } })._service.sdl;
    const result = composeServices([
      { name: 'drugs', url: 'http://drugs/graphql', typeDefs: parse(sdl) },
      { name: 'customs', url: 'http://customs/graphql', typeDefs: parse(CUSTOMS_STAND_IN) },
    ]);
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
