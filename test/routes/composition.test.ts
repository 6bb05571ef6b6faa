import { composeServices } from '@apollo/composition';
import { graphql, parse, printSchema } from 'graphql';
import { schemaOf } from '../../subgraphs/kit';
import { routesSubgraph } from '../../subgraphs/routes';

/**
 * The routes SDL composes with the other agencies' entities as the contract shows them: the
 * airports subgraph owning Airport, customs owning Shipment. Stubs hold just enough of each.
 */
const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

const AIRPORTS_STUB = `${LINK}
  type Airport @key(fields: "iataCode") { iataCode: ID! name: String! isBeijingHub: Boolean! }
  type Query { airport(iataCode: ID!): Airport }`;

const CUSTOMS_STUB = `${LINK}
  type Shipment @key(fields: "awb") { awb: ID! goodsDescription: String! }
  type Query { shipment(awb: ID!): Shipment }`;

describe('routes subgraph composition', () => {
  it('composes into a supergraph with the airports and customs entities', async () => {
    const schema = await schemaOf(routesSubgraph);
    const sdl = (
      (await graphql({ schema, source: '{ _service { sdl } }' })).data as {
        _service: { sdl: string };
      }
    )._service.sdl;
    const result = composeServices([
      { name: 'routes', typeDefs: parse(sdl), url: 'http://routes' },
      { name: 'airports', typeDefs: parse(AIRPORTS_STUB), url: 'http://airports' },
      { name: 'customs', typeDefs: parse(CUSTOMS_STUB), url: 'http://customs' },
    ]);
    expect(result.errors).toBeUndefined();
    const api = printSchema(result.schema!.toAPISchema().toGraphQLJSSchema());
    expect(api).toMatch(/type Shipment \{[^}]*goodsDescription: String![^}]*carrier: Airline!/s);
    expect(api).toMatch(/type Airport \{[^}]*isBeijingHub: Boolean![^}]*routes\(/s);
    expect(api).toContain('routeRecovery(');
  });
});
