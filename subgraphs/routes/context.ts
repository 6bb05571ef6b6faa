import { Database } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { RoutesRepository } from './repository';

/** Per-request context of the routes subgraph. */
export interface Context {
  /** Fresh DataLoaders for this request: every entity lookup and per-parent list. */
  loaders: Loaders;
  /** Statements that are not lookups (pages, counts, aggregates). */
  repository: RoutesRepository;
}

export function createContext(db: Database): Context {
  return { loaders: createLoaders(db), repository: new RoutesRepository(db) };
}
