import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type Redis from 'ioredis';

/** Where cached responses are kept: Apollo's key-value cache interface, values as JSON text. */
export type ResponseStore = KeyValueCache<string>;

/** This replica's memory, bounded by the responses' total size; least recently used out first. */
export function memoryResponseStore(maxBytes: number): ResponseStore {
  return new InMemoryLRUCache<string>({ maxSize: maxBytes });
}

/**
 * Redis under `prefix`, shared by the replicas, each entry expiring with its response's maxAge.
 * Redis being away costs the cache, not the request: a failed read is a miss, a failed write is
 * forgotten (the connection logs once that Redis is away, shared-state.ts).
 */
export function redisResponseStore(redis: Redis, prefix: string): ResponseStore {
  return {
    get: async (key) => (await redis.get(prefix + key).catch(() => null)) ?? undefined,
    set: async (key, value, options) => {
      const ttl = options?.ttl;
      // The plugin stores only cacheable responses, whose maxAge is at least 1 s.
      if (!ttl || ttl <= 0) return;
      await redis.set(prefix + key, value, 'EX', Math.ceil(ttl)).catch(() => undefined);
    },
    delete: async (key) => (await redis.del(prefix + key).catch(() => 0)) === 1,
  };
}
