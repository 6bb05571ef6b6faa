import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { PersistedOperation } from '../persisted-operations/manifest';
import {
  memoryOperationStore,
  persistedOperationCache,
  redisOperationStore,
} from '../persisted-operations/operation-cache';
import { PersistedOperations, SafelistMode } from '../persisted-operations/safelist';
import { closeRedis, connectRedis, firstConnection } from '../shared-state';
import type { GatewayContext } from '../subgraph-data-source';
import type { GatewayPlugin } from './gateway-plugin';

export interface PersistedOperationsOptions {
  /** The persisted-query manifest's operations (PERSISTED_QUERIES_MANIFEST); none by default. */
  operations?: readonly PersistedOperation[];
  /** `enforce`: only the manifest's operations run. */
  safelist?: SafelistMode;
  /** Automatic persisted queries: clients register bodies by their SHA-256 hash. */
  apq?: boolean;
  /** How long a registered body is kept, in seconds. */
  apqTtlSeconds?: number;
  /** The Redis replicas share (REDIS_URL) and the prefix of this gateway's keys there. */
  redis?: { url: string; keyPrefix: string };
  log?: (msg: string) => void;
}

export const DEFAULT_APQ_TTL_SECONDS = 24 * 60 * 60;

/** The safelist's refusal: Apollo Router's code for the same case, so clients see one answer. */
export const QUERY_NOT_IN_SAFELIST = 'QUERY_NOT_IN_SAFELIST';

/**
 * Persisted operations, on Apollo Server's persisted-query protocol
 * (`extensions.persistedQuery.sha256Hash`):
 * - automatic persisted queries: a client sends a body's hash; on `PERSISTED_QUERY_NOT_FOUND` it
 *   sends the body with the hash once, and the hash alone from then on (kept in Redis when
 *   configured, shared by replicas; else in this replica's memory);
 * - a manifest in Apollo's format: its operations run by their id, with no registration;
 * - `safelist: 'enforce'`: only the manifest's operations run, sent by id or as a body; any other
 *   body is refused with `QUERY_NOT_IN_SAFELIST` before it is planned or run.
 */
export function persistedOperationsPlugin(options: PersistedOperationsOptions = {}): GatewayPlugin {
  const log = options.log ?? ((msg: string) => console.log(msg));
  const operations = new PersistedOperations(options.operations ?? []);
  const enforce = options.safelist === 'enforce';
  if (enforce && operations.size === 0) {
    throw new Error(
      'SAFELIST=enforce needs the operations it lets run: set PERSISTED_QUERIES_MANIFEST to a manifest that lists them',
    );
  }
  const apq = options.apq ?? true;
  const redis =
    apq && options.redis ? connectRedis(options.redis.url, 'persisted queries', log) : undefined;
  const store = !apq
    ? undefined
    : redis
      ? redisOperationStore(redis, options.redis!.keyPrefix, log)
      : memoryOperationStore();
  const protocol = store !== undefined || operations.size > 0;
  return {
    name: 'persisted-operations',
    persistedQueries: protocol
      ? {
          cache: persistedOperationCache({ operations, store, onlyListed: enforce }),
          ttl: options.apqTtlSeconds ?? DEFAULT_APQ_TTL_SECONDS,
        }
      : false,
    apolloPlugins: [
      ...(enforce ? [refuseUnlisted(operations)] : []),
      ...(redis
        ? [
            {
              async serverWillStart() {
                await firstConnection(redis);
                return { serverWillStop: () => closeRedis(redis) };
              },
            },
          ]
        : []),
    ],
  };
}

/**
 * Every operation runs only if its body is listed, whether the request carried the body or an id
 * or hash the cache resolved. Checked once the document is known and before it is planned or run,
 * and before APQ registers it (the document was parsed and validated by then, within the
 * request limits). The agencies' own services (their cross-agency rules, read through the
 * gateway with a service token) are not the clients a manifest is written for, and are not held
 * to it.
 */
function refuseUnlisted(operations: PersistedOperations): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source, contextValue }) {
          if (operations.lists(source)) return;
          if (contextValue.identity?.kind === 'SERVICE') return;
          throw new GraphQLError(
            'this gateway runs only the operations of its persisted-query manifest (SAFELIST=enforce): send a listed operation, or its id in extensions.persistedQuery.sha256Hash',
            { extensions: { code: QUERY_NOT_IN_SAFELIST, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
