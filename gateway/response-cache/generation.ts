import type Redis from 'ioredis';

/**
 * The response cache's generation: part of every cache key, moved on by every mutation executed
 * through the gateway, so that what was cached before a write is never read after it (the old
 * entries are left to expire or be evicted). In Redis (REDIS_URL) the replicas share it: a write
 * through one invalidates all. Without Redis each replica has its own, and a write through one
 * leaves the others' entries until they expire (their maxAge).
 */
export interface CacheGeneration {
  /** The generation now; undefined when it cannot be known (Redis away): do not use the cache. */
  current(): Promise<string | undefined>;
  /** Moves the generation on: every entry cached so far is out of reach. */
  bump(): Promise<void>;
}

export function memoryGeneration(): CacheGeneration {
  let generation = 0;
  return {
    current: async () => String(generation),
    bump: async () => {
      generation += 1;
    },
  };
}

/**
 * The generation in Redis under `key`. A replica that cannot read it serves without the cache
 * rather than risk an entry from before a write it was not told of.
 */
export function redisGeneration(
  redis: Redis,
  key: string,
  log: (msg: string) => void,
): CacheGeneration {
  return {
    current: async () => {
      try {
        return (await redis.get(key)) ?? '0';
      } catch {
        return undefined;
      }
    },
    bump: async () => {
      try {
        await redis.incr(key);
      } catch (err) {
        // Entries cached in Redis before this write stay readable until their maxAge is up.
        log(`response cache: could not invalidate after a mutation (${(err as Error).message})`);
      }
    },
  };
}
