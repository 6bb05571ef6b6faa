import { Database } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { DrugsRepository } from './repository';

/** Per-request context: the repository (for pages) and fresh DataLoaders (for everything else). */
export interface Context {
  repository: DrugsRepository;
  loaders: Loaders;
}

export function createContext(db: Database): Context {
  const repository = new DrugsRepository(db);
  return { repository, loaders: createLoaders(repository) };
}
