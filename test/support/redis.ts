import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { startTestRun } from './test-database';

/** The Redis the tests share gateway state through: the machine's, unless TEST_REDIS_URL names another. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A key prefix of one's own: the run's id, the worker and a random part, so that files running
 * side by side (and other runs on the same Redis) never share a key, and a file can forget its
 * keys without touching anyone else's.
 */
export function testRedisPrefix(): string {
  return `tradegraph-test:${startTestRun()}:${process.pid}:${randomBytes(3).toString('hex')}:`;
}

/**
 * Whether the run has a Redis: the global setup looks once. Without one (a fresh machine, as the
 * README's `npm test` allows) the Redis-backed cases are skipped and say so; CI starts one.
 */
export const REDIS_AVAILABLE = process.env.TRADEGRAPH_TEST_REDIS !== 'absent';

/** Reaches Redis at `url` within two seconds, or says it cannot. */
export async function redisReachable(url = TEST_REDIS_URL): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function withRedis<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new Error(`no Redis at ${TEST_REDIS_URL} (TEST_REDIS_URL): ${(err as Error).message}`);
  }
  try {
    return await work(redis);
  } finally {
    await redis.quit();
  }
}

/** Every key under `prefix`. */
export function redisKeysOf(prefix: string): Promise<string[]> {
  return withRedis(async (redis) => {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return keys.sort();
  });
}

/** Deletes every key under `prefix`: what a test file wrote there. */
export async function forgetRedisKeys(prefix: string): Promise<void> {
  const keys = await redisKeysOf(prefix);
  if (keys.length > 0) await withRedis((redis) => redis.del(...keys));
}

/** Seconds before `key` expires; -1 without an expiry, -2 when there is no such key. */
export function redisTtlOf(key: string): Promise<number> {
  return withRedis((redis) => redis.ttl(key));
}
