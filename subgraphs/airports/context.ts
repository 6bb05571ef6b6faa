import type express from 'express';
import { createSubgraphContext, Database, SubgraphContext, SubgraphServices } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { AirportsRepository } from './repository';

/** What every resolver of the airports subgraph receives: fresh loaders for every request. */
export type Context = SubgraphContext<AirportsRepository, Loaders>;

export function createContext(
  db: Database,
  req?: express.Request,
  services?: SubgraphServices,
): Context {
  return createSubgraphContext(
    {
      agency: 'airports',
      repository: (database) => new AirportsRepository(database),
      loaders: createLoaders,
    },
    db,
    req,
    services,
  );
}
