import { contextFactory, SubgraphContext } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { DrugsRepository } from './repository';

/**
 * What every resolver of the drugs subgraph receives: the kit's per-request context (fresh loaders
 * every request) over the drugs repository.
 */
export type Context = SubgraphContext<DrugsRepository, Loaders>;

export const createContext = contextFactory({
  agency: 'drugs',
  repository: (db) => new DrugsRepository(db),
  loaders: createLoaders,
});
