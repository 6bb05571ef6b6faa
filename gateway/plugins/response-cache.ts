import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePluginOf from '@apollo/server-plugin-response-cache';
import { accessOf } from '../authorization/filtered-operations';
import { ANONYMOUS_IDENTITY } from '../identity';
import { CacheGeneration, memoryGeneration, redisGeneration } from '../response-cache/generation';
import { memoryResponseStore, redisResponseStore } from '../response-cache/store';
import { closeRedis, connectRedis, firstConnection } from '../shared-state';
import type { GatewayContext } from '../subgraph-data-source';
import type { GatewayPlugin } from './gateway-plugin';

export interface ResponseCacheOptions {
  /** Off: every operation is executed. */
  enabled: boolean;
  /** The longest a response is kept, whatever maxAge its subgraphs allow (seconds). */
  maxTtlSeconds: number;
  /** In this replica's memory (no Redis): the cached responses' total size bound (MiB). */
  maxMemoryMb: number;
  /** The Redis replicas share (REDIS_URL): entries and the generation live there. */
  redis?: { url: string; keyPrefix: string };
  log?: (msg: string) => void;
  /** Told each lookup (the metrics plugin's counter). */
  onLookup?: (result: 'hit' | 'miss') => void;
}

export const DEFAULT_RESPONSE_CACHE: Omit<ResponseCacheOptions, 'redis' | 'log' | 'onLookup'> = {
  enabled: true,
  maxTtlSeconds: 60,
  maxMemoryMb: 64,
};

/** Says whether a response came from the cache (`HIT`) or was executed (`MISS`). */
export const CACHE_STATUS_HEADER = 'x-cache';

/**
 * The gateway's response cache for public data, on Apollo's response-cache plugin: a query whose
 * every subgraph fetch said `Cache-Control: max-age=N, public` (the subgraphs' `@cacheControl`
 * hints, restricted fetch by fetch in SubgraphDataSource) is kept for the smallest such N (at most
 * `maxTtlSeconds`) and answered from the cache after that without planning or fetching. What keeps
 * one caller's data from another:
 * - only PUBLIC policies are stored (no session: a PRIVATE hint is never cached), and a fetch
 *   without a header, with an error or without an answer makes the whole response uncacheable;
 * - the key holds the operation, its variables, and the caller's access as field authorization
 *   sees it (authenticated or not, and the sorted scopes): callers the authorization filter
 *   treats alike share entries, the others never; never the token or the subject;
 * - mutations are never cached, nor responses with errors (the plugin's own rules), and every
 *   mutation executed here moves the cache's generation on (part of the key): nothing cached
 *   before a write is read after it. A write that bypasses the gateway is seen within maxAge.
 *
 * Hits carry `age` (the plugin's) and `x-cache: HIT`; looked-up misses `x-cache: MISS`.
 */
export function responseCachePlugin(options: ResponseCacheOptions): GatewayPlugin {
  if (!options.enabled) return { name: 'response-cache' };
  const log = options.log ?? ((msg: string) => console.log(msg));
  const redis = options.redis ? connectRedis(options.redis.url, 'response cache', log) : undefined;
  const prefix = `${options.redis?.keyPrefix ?? ''}rc:`;
  const store = redis
    ? redisResponseStore(redis, prefix)
    : memoryResponseStore(options.maxMemoryMb * 1024 * 1024);
  const generation: CacheGeneration = redis
    ? redisGeneration(redis, `${prefix}generation`, log)
    : memoryGeneration();
  // The generation each request's key was made with: undefined when it could not be read.
  const generationOf = new WeakMap<GatewayContext, string | undefined>();
  const known = (rc: GraphQLRequestContext<GatewayContext>) =>
    generationOf.get(rc.contextValue) !== undefined;

  const library = responseCachePluginOf<GatewayContext>({
    cache: store,
    async extraCacheKeyData(rc) {
      const current = await generation.current();
      generationOf.set(rc.contextValue, current);
      return {
        access: accessOf(rc.contextValue.identity ?? ANONYMOUS_IDENTITY),
        generation: current,
      };
    },
    shouldReadFromCache: async (rc) => known(rc),
    // Never a PRIVATE policy: there is no session to key it by (and the plugin would warn).
    shouldWriteToCache: async (rc) =>
      known(rc) && rc.overallCachePolicy.policyIfCacheable()?.scope === 'PUBLIC',
  });

  const around: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      let executedMutation = false;
      return {
        async executionDidStart(rc) {
          if (rc.operation.operation === 'mutation') executedMutation = true;
        },
        async willSendResponse(rc) {
          // Before the library's own hook (plugin order): what it stores is bounded too.
          rc.overallCachePolicy.restrict({ maxAge: options.maxTtlSeconds });
          if (executedMutation) {
            // Awaited: the caller's next read, once it has this answer, misses the old entries.
            await generation.bump();
            return;
          }
          if (rc.operation?.operation !== 'query' || !known(rc)) return;
          const hit = rc.metrics.responseCacheHit === true;
          rc.response.http.headers.set(CACHE_STATUS_HEADER, hit ? 'HIT' : 'MISS');
          options.onLookup?.(hit ? 'hit' : 'miss');
        },
      };
    },
    ...(redis
      ? {
          async serverWillStart() {
            await firstConnection(redis);
            return { serverWillStop: () => closeRedis(redis) };
          },
        }
      : {}),
  };
  return { name: 'response-cache', apolloPlugins: [around, library] };
}
