import type express from 'express';
import {
  Actor,
  actorOf,
  Database,
  GatewayClient,
  statusHistoryLoader,
  SubgraphServices,
} from '../kit';
import { createLoaders, Loaders } from './loaders';
import { DrugsRepository } from './repository';
import { APPROVAL_ENTITY, CONSOLIDATED_IMPORT_ENTITY } from './state-machines';

/**
 * Per-request context: the database (for mutations' transactions), the repository (for pages),
 * fresh DataLoaders (for everything else), who is acting, and the gateway (for other agencies'
 * facts that a rule needs).
 */
export interface Context {
  db: Database;
  repository: DrugsRepository;
  loaders: Loaders & {
    approvalHistory: ReturnType<typeof statusHistoryLoader>;
    consolidatedImportHistory: ReturnType<typeof statusHistoryLoader>;
  };
  actor: Actor;
  gateway: GatewayClient;
}

export function createContext(
  db: Database,
  req: express.Request | undefined,
  services: SubgraphServices,
): Context {
  const repository = new DrugsRepository(db);
  return {
    db,
    repository,
    loaders: {
      ...createLoaders(repository),
      approvalHistory: statusHistoryLoader(db, 'drugs', APPROVAL_ENTITY),
      consolidatedImportHistory: statusHistoryLoader(db, 'drugs', CONSOLIDATED_IMPORT_ENTITY),
    },
    actor: actorOf(req),
    gateway: services.gateway,
  };
}
