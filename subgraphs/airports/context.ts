import { contextFactory, SubgraphContext } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { AirportsRepository } from './repository';

/**
 * What every resolver of the airports subgraph receives: the kit's per-request context (fresh loaders
 * every request) over the airports repository.
 */
export type Context = SubgraphContext<AirportsRepository, Loaders>;

export const createContext = contextFactory({
  agency: 'airports',
  repository: (db) => new AirportsRepository(db),
  loaders: createLoaders,
});
