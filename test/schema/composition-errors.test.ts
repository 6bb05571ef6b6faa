import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { composeSupergraph, CompositionError } from '../../schema/compose-supergraph';
import { SubgraphDefinition } from '../../subgraphs/kit';

const subgraph = (name: string, sdl: string): SubgraphDefinition => ({
  name,
  defaultPort: 0,
  buildSchema: async () =>
    buildSubgraphSchema({
      typeDefs: parse(
        `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n${sdl}`,
      ),
    }),
  createContext: () => ({}),
});

describe('composition errors', () => {
  it('come back as one readable line each, with their code', async () => {
    const a = subgraph('customs', 'type Query { total: Int }');
    const b = subgraph('drugs', 'type Query { total: String }');
    const error = await composeSupergraph([a, b]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompositionError);
    const { message, problems } = error as CompositionError;
    expect(message).toMatch(/^the subgraphs do not compose:\n {2}- \[/);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^\[[A-Z_]+\] .*Query\.total/);
  });
});
