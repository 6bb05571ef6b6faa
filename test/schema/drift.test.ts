import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, GENERATED_HEADER } from '../../schema/compose-supergraph';
import { projectRoot } from '../../subgraphs/kit';
import { SUBGRAPHS } from '../../subgraphs/registry';

const read = (name: string) => readFileSync(join(projectRoot(), 'schema', name), 'utf8');

describe('schema/ (generated, committed)', () => {
  it("matches what the subgraphs' code composes to: run `npm run compose` when this fails", async () => {
    const { subgraphs, supergraphSdl } = await composeSupergraph(SUBGRAPHS);
    for (const s of subgraphs) {
      expect({ file: `${s.name}.graphql`, sdl: read(`${s.name}.graphql`) }).toEqual({
        file: `${s.name}.graphql`,
        sdl: GENERATED_HEADER + s.sdl + '\n',
      });
    }
    expect(read('supergraph.graphql')).toBe(GENERATED_HEADER + supergraphSdl + '\n');
  });
});
