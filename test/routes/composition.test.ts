import { printSchema } from 'graphql';
import { routesSubgraph } from '../../subgraphs/routes';
import { composeWithCommittedNeighbours } from '../support/composition';

/**
 * The routes SDL, as its code prints it, composes with the other agencies' committed SDL: the
 * airports subgraph owning Airport, customs owning Shipment.
 */
describe('routes subgraph composition', () => {
  it('composes into a supergraph with the airports and customs entities', async () => {
    const result = await composeWithCommittedNeighbours(routesSubgraph);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    const api = printSchema(result.schema!.toAPISchema().toGraphQLJSSchema());
    expect(api).toMatch(/type Shipment \{[^}]*manifest: Manifest![^}]*carrier: Airline!/s);
    expect(api).toMatch(/type Airport \{[^}]*isBeijingHub: Boolean![^}]*routes\(/s);
    expect(api).toContain('routeRecovery(');
    expect(result.supergraphSdl).toMatch(/carrier: Airline!.*@join__field\(graph: ROUTES/);
  });
});
