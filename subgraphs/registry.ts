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

export const AGENCY_NAMES = ['airports', 'customs', 'drugs', 'routes'] as const;
export type AgencyName = (typeof AGENCY_NAMES)[number];
