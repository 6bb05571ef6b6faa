import { airportsSubgraph } from './airports';
import { customsSubgraph } from './customs';
import { drugsSubgraph } from './drugs';
import { routesSubgraph } from './routes';
import type { SubgraphDefinition } from './kit';

/**
 * The four agency subgraphs, for the programs that run or compose them all (launcher, compose,
 * tests). No subgraph imports this file: each stands alone with the kit.
 */
export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  airportsSubgraph,
  customsSubgraph,
  drugsSubgraph,
  routesSubgraph,
] as SubgraphDefinition[];

export { AGENCY_NAMES } from './agencies';
export type { AgencyName } from './agencies';
