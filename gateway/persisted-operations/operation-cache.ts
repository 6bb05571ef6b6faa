import type { PersistedQueryOptions } from '@apollo/server';
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { PersistedOperations } from './safelist';

/**
 * Where Apollo Server's automatic persisted queries (APQ) keep the bodies clients registered,
 * keyed by their SHA-256: this replica's memory, or the Redis all replicas share, so that a body
 * registered through one replica is found by the next one the load balancer picks.
 */
export type OperationStore = NonNullable<PersistedQueryOptions['cache']>;

/**
 * Apollo Server keys the persisted-query cache it is given as `apq:<hash>` (its own prefix, so
 * that the cache may be shared with other uses): the manifest is looked up by the hash part.
 */
const APOLLO_KEY_PREFIX = 'apq:';
const idOf = (key: string) =>
  key.startsWith(APOLLO_KEY_PREFIX) ? key.slice(APOLLO_KEY_PREFIX.length) : key;

/** Registered bodies kept in memory: bounded by their total size, least recently used out first. */
export function memoryOperationStore(maxBytes = 64 * 1024 * 1024): OperationStore {
  const lru = new LRUCache<string, string>({
    maxSize: maxBytes,
    sizeCalculation: (body) => Math.max(1, body.length),
  });
  return {
    get: async (key) => lru.get(key),
    set: async (key, value, options) => {
      const ttl = options?.ttl;
      lru.set(key, value, ttl ? { ttl: ttl * 1000 } : undefined);
    },
    delete: async (key) => lru.delete(key),
  };
}

/**
 * Registered bodies in Redis under `prefix`. Redis being away costs a round trip, not the request:
 * a failed read is a miss (the client sends the whole body again, as the APQ protocol has it),
 * a failed write is forgotten.
 */
export function redisOperationStore(
  redis: Redis,
  prefix: string,
  log: (msg: string) => void,
): OperationStore {
  const failed = (what: string) => (err: Error) => {
    log(`persisted queries: Redis ${what} failed (${err.message})`);
    return undefined;
  };
  return {
    get: async (key) => (await redis.get(prefix + key).catch(failed('read'))) ?? undefined,
    set: async (key, value, options) => {
      const ttl = options?.ttl;
      const write = ttl
        ? redis.set(prefix + key, value, 'EX', ttl)
        : redis.set(prefix + key, value);
      await write.catch(failed('write'));
    },
    delete: async (key) => (await redis.del(prefix + key).catch(failed('delete'))) === 1,
  };
}

export interface PersistedOperationCacheOptions {
  /** The manifest's operations, found by their id whatever the store holds. */
  operations: PersistedOperations;
  /** Bodies clients register (APQ); none: only the manifest's ids resolve. */
  store?: OperationStore;
  /** Safelist enforced: only listed bodies are kept, and only listed bodies are found. */
  onlyListed: boolean;
}

/**
 * The cache Apollo Server's persisted-query protocol reads and writes: an id resolves to the
 * manifest's body first (a pre-registered operation), then to what clients registered. With the
 * safelist enforced, a body that is not listed is neither kept nor found, even if another replica
 * (one not enforcing) put it in the shared store: every body the gateway runs was listed.
 *
 * Stored under Apollo's keys (`apq:<hash>`) behind the store's own prefix.
 */
export function persistedOperationCache(options: PersistedOperationCacheOptions): OperationStore {
  const { operations, store, onlyListed } = options;
  const admitted = (body: string | undefined) =>
    body !== undefined && (!onlyListed || operations.lists(body)) ? body : undefined;
  return {
    get: async (key) => operations.bodyOf(idOf(key)) ?? admitted(await store?.get(key)),
    set: async (key, value, setOptions) => {
      if (store && admitted(value) !== undefined) await store.set(key, value, setOptions);
    },
    delete: async (key) => (await store?.delete(key)) ?? false,
  };
}
