import { Database } from '../kit';
import { createLoaders, Loaders } from './loaders';

/** Per-request context: fresh loaders, so no cache is shared across requests or callers. */
export interface Context {
  db: Database;
  loaders: Loaders;
}

export function createContext(db: Database): Context {
  return { db, loaders: createLoaders(db) };
}
