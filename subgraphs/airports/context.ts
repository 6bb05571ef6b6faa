import type express from 'express';
import { Actor, actorOf, Database, GatewayClient, SubgraphServices } from '../kit';
import { createLoaders, Loaders } from './loaders';
import { AirportsRepository } from './repository';

/** What every resolver of the airports subgraph receives: fresh loaders for every request. */
export interface Context {
  /** The agency's database, for mutations (`runMutation` opens the transaction on it). */
  db: Database;
  /** For root lists that are not per-key lookups (e.g. all airports, a page of facilities). */
  repo: AirportsRepository;
  loaders: Loaders;
  /** Other agencies' facts, read through the gateway for cross-agency rules. */
  services: { gateway: GatewayClient };
  /** Who is acting: written into every status change's history. */
  actor: Actor;
}

export function createContext(
  db: Database,
  req?: express.Request,
  services?: SubgraphServices,
): Context {
  const repo = new AirportsRepository(db);
  return {
    db,
    repo,
    loaders: createLoaders(repo, db),
    services: {
      gateway:
        services?.gateway ??
        // No gateway wired (a bare context, e.g. in a script): cross-agency rules fail closed.
        new GatewayClient('airports', () => undefined),
    },
    actor: actorOf(req),
  };
}
