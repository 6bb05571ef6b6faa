import Redis from 'ioredis';

/**
 * The Redis that gateway replicas share (REDIS_URL): the persisted-query cache and the rate
 * limits live there, so that every replica knows what one was told. Each plugin that needs it
 * opens its own connection and closes it when the gateway stops.
 *
 * A command while Redis is away fails at once instead of waiting in ioredis's offline queue for a
 * reconnect: the callers have a fallback (a cache miss, the replica's own limit), and a request
 * must not hang on a store that is down.
 */
export function connectRedis(url: string, name: string, log: (msg: string) => void): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectionName: `tradegraph-gateway-${name}`,
  });
  // ioredis reports every failed reconnect: one line when Redis goes away, one when it is back.
  let reachable = true;
  redis.on('error', (err: Error) => {
    if (!reachable) return;
    reachable = false;
    log(`${name}: Redis unreachable (${err.message}); falling back to this replica's memory`);
  });
  redis.on('ready', () => {
    if (reachable) return;
    reachable = true;
    log(`${name}: Redis reachable again`);
  });
  return redis;
}

/**
 * Resolves once the connection is ready, or has failed once (the gateway then starts anyway, on
 * its fallbacks, and ioredis keeps reconnecting): so that the first requests of a gateway that
 * can reach Redis already share its state.
 */
export function firstConnection(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      redis.off('ready', done);
      redis.off('error', done);
      resolve();
    };
    redis.once('ready', done);
    redis.once('error', done);
  });
}

/** Closes the connection, whatever state it is in. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  await redis.quit().catch(() => redis.disconnect());
}
