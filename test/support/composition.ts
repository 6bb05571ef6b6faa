import { composeServices, CompositionResult } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { AGENCY_NAMES, AgencyName } from '../../subgraphs/agencies';
import { projectRoot, schemaOf, SubgraphDefinition } from '../../subgraphs/kit';

/** An agency's SDL as committed in schema/<agency>.graphql (what `npm run compose` wrote). */
export function committedSubgraphSdl(agency: AgencyName): string {
  return readFileSync(join(projectRoot(), 'schema', `${agency}.graphql`), 'utf8');
}

/**
 * Composes one subgraph's SDL, printed from its code as it stands, with the other agencies'
 * committed SDL: the real neighbours it must compose with, never hand-written stand-ins that can
 * drift from them (test/schema/drift.test.ts keeps the committed files equal to the code).
 */
export async function composeWithCommittedNeighbours(
  def: SubgraphDefinition,
): Promise<CompositionResult> {
  const sdl = printSubgraphSchema(await schemaOf(def));
  const neighbours = AGENCY_NAMES.filter((a) => a !== def.name);
  return composeServices([
    { name: def.name, url: `http://${def.name}/graphql`, typeDefs: parse(sdl) },
    ...neighbours.map((agency) => ({
      name: agency,
      url: `http://${agency}/graphql`,
      typeDefs: parse(committedSubgraphSdl(agency)),
    })),
  ]);
}
