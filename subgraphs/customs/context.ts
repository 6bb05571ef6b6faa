import type express from 'express';
import { createSubgraphContext, Database, SubgraphContext, SubgraphServices } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { CustomsRepository } from './repository';

/** What every customs resolver receives: the kit's per-request context over customs' data. */
export type Context = SubgraphContext<CustomsRepository, Loaders>;

export function createContext(
  db: Database,
  req?: express.Request,
  services?: SubgraphServices,
): Context {
  return createSubgraphContext(
    {
      agency: 'customs',
      repository: (database) => new CustomsRepository(database),
      loaders: createLoaders,
    },
    db,
    req,
    services,
  );
}
