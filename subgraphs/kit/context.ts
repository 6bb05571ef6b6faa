import type express from 'express';
import { Actor, actorOf } from './actor';
import type { Database } from './database';
import { GatewayClient } from './gateway-client';
import { Identity } from './identity';
import { identityOfRequest } from './identity-header';
import { MutationRunner } from './mutation';

/** What a subgraph may use beyond its own database. */
export interface SubgraphServices {
  /** Reads another agency's data for a rule, through the gateway. */
  gateway: GatewayClient;
}

/**
 * What every resolver of every agency receives, under the same names: one per request, so no
 * loader cache is shared across requests or callers.
 */
export interface SubgraphContext<Repository, Loaders> {
  /** The agency's database. */
  db: Database;
  /** Statements that are not per-key lookups (root lists, pages, counts, aggregates). */
  repository: Repository;
  /** Fresh DataLoaders for this request: every entity lookup and per-parent list. */
  loaders: Loaders;
  /** Other agencies' facts for cross-agency rules, read through the gateway. */
  gateway: GatewayClient;
  /** Who is asking, as the gateway signed it: row rules, scope checks and the access log read it. */
  identity: Identity;
  /** Who is making the request: recorded in the history of every status change. */
  actor: Actor;
  /** The write pipeline: one transaction per mutation, idempotency keys, history under `actor`. */
  mutations: MutationRunner;
}

export interface ContextParts<Repository, Loaders> {
  agency: string;
  repository: (db: Database) => Repository;
  loaders: (repository: Repository, db: Database) => Loaders;
}

/**
 * Builds an agency's per-request context from its repository and loader factories. Without
 * services (a bare context, e.g. in a script) there is no gateway: cross-agency rules fail closed.
 */
export function createSubgraphContext<Repository, Loaders>(
  parts: ContextParts<Repository, Loaders>,
  db: Database,
  req?: express.Request,
  services: SubgraphServices = { gateway: new GatewayClient(parts.agency, () => undefined) },
): SubgraphContext<Repository, Loaders> {
  const repository = parts.repository(db);
  const identity = identityOfRequest(req);
  const actor = actorOf(identity);
  return {
    db,
    repository,
    loaders: parts.loaders(repository, db),
    gateway: services.gateway,
    identity,
    actor,
    mutations: new MutationRunner(db, parts.agency, actor),
  };
}

/** An agency's `createContext`: its parts bound, one call per request. */
export function contextFactory<Repository, Loaders>(
  parts: ContextParts<Repository, Loaders>,
): (
  db: Database,
  req?: express.Request,
  services?: SubgraphServices,
) => SubgraphContext<Repository, Loaders> {
  return (db, req, services) => createSubgraphContext(parts, db, req, services);
}
