import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, runMain } from '../subgraphs/kit';
import { SUBGRAPHS } from '../subgraphs/registry';
import { composeSupergraph, GENERATED_HEADER } from './compose-supergraph';

/** `npm run compose`: regenerates schema/<subgraph>.graphql and schema/supergraph.graphql. */
runMain(async () => {
  const dir = join(projectRoot(), 'schema');
  const { subgraphs, supergraphSdl } = await composeSupergraph(SUBGRAPHS);
  for (const s of subgraphs) {
    writeFileSync(join(dir, `${s.name}.graphql`), GENERATED_HEADER + s.sdl + '\n');
    console.log(`wrote schema/${s.name}.graphql`);
  }
  writeFileSync(join(dir, 'supergraph.graphql'), GENERATED_HEADER + supergraphSdl + '\n');
  console.log('wrote schema/supergraph.graphql');
});
