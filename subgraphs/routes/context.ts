import { contextFactory, SubgraphContext } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { RoutesRepository } from './repository';

/**
 * What every resolver of the routes subgraph receives: the kit's per-request context (fresh loaders
 * every request) over the routes repository.
 */
export type Context = SubgraphContext<RoutesRepository, Loaders>;

export const createContext = contextFactory({
  agency: 'routes',
  repository: (db) => new RoutesRepository(db),
  loaders: createLoaders,
});
