import type express from 'express';
import { Actor, actorOf, Database, GatewayClient, SubgraphServices } from '../kit';
import { createLoaders, Loaders } from './loaders';

/**
 * Per-request context: fresh loaders, so no cache is shared across requests or callers; who is
 * acting (recorded in history); and the gateway client for other agencies' facts.
 */
export interface Context {
  db: Database;
  loaders: Loaders;
  actor: Actor;
  services: SubgraphServices;
}

export function createContext(
  db: Database,
  req?: express.Request,
  services?: SubgraphServices,
): Context {
  return {
    db,
    loaders: createLoaders(db),
    actor: actorOf(req),
    services: services ?? { gateway: new GatewayClient('customs', () => undefined) },
  };
}
