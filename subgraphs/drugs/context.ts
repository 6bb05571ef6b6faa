import type express from 'express';
import { createSubgraphContext, Database, SubgraphContext, SubgraphServices } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { DrugsRepository } from './repository';

export type Context = SubgraphContext<DrugsRepository, Loaders>;

export function createContext(
  db: Database,
  req?: express.Request,
  services?: SubgraphServices,
): Context {
  return createSubgraphContext(
    {
      agency: 'drugs',
      repository: (database) => new DrugsRepository(database),
      loaders: createLoaders,
    },
    db,
    req,
    services,
  );
}
