import type express from 'express';
import { Actor, actorOf, Database, GatewayClient, SubgraphServices } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { RoutesRepository } from './repository';

/** Per-request context of the routes subgraph. */
export interface Context {
  /** Fresh DataLoaders for this request: every entity lookup and per-parent list. */
  loaders: Loaders;
  /** Statements that are not lookups (pages, counts, aggregates). */
  repository: RoutesRepository;
  /** The agency's database: mutations open their transaction on it. */
  db: Database;
  /** Other agencies' facts for cross-agency rules, read through the gateway. */
  gateway: GatewayClient;
  /** Who is making the request: recorded in the history of every status change. */
  actor: Actor;
}

export function createContext(
  db: Database,
  req: express.Request | undefined,
  services: SubgraphServices,
): Context {
  return {
    loaders: createLoaders(db),
    repository: new RoutesRepository(db),
    db,
    gateway: services.gateway,
    actor: actorOf(req),
  };
}
