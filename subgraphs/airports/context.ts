import { Database } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { AirportsRepository } from './repository';

/** What every resolver of the airports subgraph receives: fresh loaders for every request. */
export interface Context {
  /** For root lists that are not per-key lookups (e.g. all airports, a page of facilities). */
  repo: AirportsRepository;
  loaders: Loaders;
}

export function createContext(db: Database): Context {
  const repo = new AirportsRepository(db);
  return { repo, loaders: createLoaders(repo) };
}
