import type express from 'express';
import { AccessLogWriter, AccessRecorder, clientOperationName } from './access-log';
import { Actor, actorOf } from './actor';
import type { Database } from './database';
import { GatewayClient } from './gateway-client';
import { Identity } from './identity';
import { identityOfRequest } from './identity-header';
import { MutationRunner } from './mutation';
import { requestIdOf } from './request-id';

/** What a subgraph may use beyond its own database. */
export interface SubgraphServices {
  /** Reads another agency's data for a rule, through the gateway. */
  gateway: GatewayClient;
  /** The agency's access-log writer; without one (a script) reads are not logged. */
  accessLog?: AccessLogWriter;
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
  /** Records the restricted records this request reads (the agency's access log). */
  accessLog: AccessRecorder;
}

export interface ContextParts<Repository, Loaders> {
  agency: string;
  repository: (db: Database) => Repository;
  /** Per-request loaders; `identity` for those that apply a row rule in SQL. */
  loaders: (repository: Repository, db: Database, identity: Identity) => Loaders;
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
    loaders: parts.loaders(repository, db, identity),
    gateway: services.gateway.forRequest(requestIdOf(req)),
    identity,
    actor,
    mutations: new MutationRunner(db, parts.agency, actor, identity),
    accessLog: new AccessRecorder(services.accessLog, identity, clientOperationName(req?.body)),
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
