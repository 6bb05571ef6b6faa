import { contextFactory, SubgraphContext } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { CustomsRepository } from './repository';

/**
 * What every resolver of the customs subgraph receives: the kit's per-request context (fresh loaders
 * every request) over the customs repository.
 */
export type Context = SubgraphContext<CustomsRepository, Loaders>;

export const createContext = contextFactory({
  agency: 'customs',
  repository: (db) => new CustomsRepository(db),
  loaders: createLoaders,
});
