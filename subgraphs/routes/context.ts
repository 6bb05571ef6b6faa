import type express from 'express';
import { createSubgraphContext, Database, SubgraphContext, SubgraphServices } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { RoutesRepository } from './repository';

/** Per-request context of the routes subgraph: the kit's, over the routes repository and loaders. */
export type Context = SubgraphContext<RoutesRepository, Loaders>;

export function createContext(
  db: Database,
  req?: express.Request,
  services?: SubgraphServices,
): Context {
  return createSubgraphContext(
    { agency: 'routes', repository: (db) => new RoutesRepository(db), loaders: createLoaders },
    db,
    req,
    services,
  );
}
