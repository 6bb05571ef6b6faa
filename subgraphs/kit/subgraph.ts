import type express from 'express';
import { AccessLogWriter } from './access-log';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphServices } from './context';
import { Database } from './database';
import {
  defaultGatewayUrl,
  GatewayClient,
  ServiceToken,
  serviceTokenFromEnv,
} from './gateway-client';
import { IdentityHeaderVerifier, IdentityKeySource, identityKeysFromEnv } from './identity-header';
import { RunningSubgraph, startSubgraphServer } from './server';

/**
 * What an agency's folder exports so that its own entry point, the `npm start` launcher and the
 * tests all run it the same way.
 */
export interface SubgraphDefinition<C extends object = object> {
  /** Agency name: also its PostgreSQL schema, its migrations folder and its env prefix. */
  name: string;
  /** Port when run by `npm start` or alone (override with PORT or <NAME>_PORT). */
  defaultPort: number;
  /** Builds the federated schema; memoised by `startSubgraph`. */
  buildSchema(): Promise<GraphQLSchema>;
  /**
   * The scopes its cross-agency rules need to read other agencies' data through the gateway: what
   * its service token carries, and nothing more. None: it has no rules that need any.
   */
  serviceScopes?: readonly string[];
  /** Per-request context: fresh DataLoaders over this agency's database. */
  createContext(db: Database, req: express.Request, services: SubgraphServices): C;
}

const schemas = new WeakMap<SubgraphDefinition, Promise<GraphQLSchema>>();

export function schemaOf(def: SubgraphDefinition): Promise<GraphQLSchema> {
  let schema = schemas.get(def);
  if (!schema) {
    schema = def.buildSchema();
    schemas.set(def, schema);
  }
  return schema;
}

export async function startSubgraph<C extends object>(
  def: SubgraphDefinition<C>,
  options: {
    db: Database;
    port?: number;
    host?: string;
    log?: (msg: string) => void;
    /** Where the gateway is (read at each call): GATEWAY_URL or :4000 by default. */
    gatewayUrl?: () => string | undefined;
    /**
     * The gateway's public key, which identity headers are verified with: GATEWAY_PUBLIC_KEY,
     * GATEWAY_JWKS_URL, or the JWKS of the gateway at `gatewayUrl` by default.
     */
    identityKeys?: IdentityKeySource;
    /** The token its rules read the gateway with: `<NAME>_SERVICE_TOKEN` by default. */
    serviceToken?: ServiceToken;
  },
): Promise<RunningSubgraph> {
  const gatewayUrl = options.gatewayUrl ?? defaultGatewayUrl;
  const accessLog = new AccessLogWriter(options.db, def.name, { log: options.log });
  const services: SubgraphServices = {
    gateway: new GatewayClient(
      def.name,
      gatewayUrl,
      undefined,
      options.serviceToken ?? serviceTokenFromEnv(def.name),
    ),
    accessLog,
  };
  const keys = options.identityKeys;
  const identity = new IdentityHeaderVerifier(
    def.name,
    keys ? () => keys : identityKeysFromEnv(gatewayUrl),
    options.log,
  );
  const running = await startSubgraphServer<C>({
    name: def.name,
    schema: await schemaOf(def),
    db: options.db,
    createContext: (req) => def.createContext(options.db, req, services),
    identity,
    port: options.port,
    host: options.host,
    log: options.log,
  });
  return {
    ...running,
    // After the requests in flight are answered, what they read is written: a clean stop loses
    // no access-log record (the database is closed after this).
    async stop() {
      try {
        await running.stop();
      } finally {
        await accessLog.close();
      }
    },
  };
}
