import DataLoader from 'dataloader';

/**
 * DataLoader factories. Loaders are created per request (never shared across callers, so one
 * caller's cache cannot leak into another's) and batch every key asked for in one tick into one
 * repository call, which is one SQL statement.
 */

function keyString(key: unknown): string {
  return typeof key === 'string' ? key : JSON.stringify(key);
}

/** One row per key (an entity lookup); a key with no row resolves to null. */
export function keyedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null, string> {
  return new DataLoader<K, V | null, string>(
    async (keys) => {
      const rows = await fetch(keys);
      const byKey = new Map(rows.map((row) => [keyString(keyOf(row)), row]));
      return keys.map((key) => byKey.get(keyString(key)) ?? null);
    },
    { cacheKeyFn: keyString, maxBatchSize: 1000 },
  );
}

/** Many rows per key (a per-parent list); a key with no rows resolves to []. Row order is kept. */
export function groupedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[], string> {
  return new DataLoader<K, V[], string>(
    async (keys) => {
      const rows = await fetch(keys);
      const groups = new Map<string, V[]>();
      for (const row of rows) {
        const k = keyString(keyOf(row));
        const group = groups.get(k);
        if (group) group.push(row);
        else groups.set(k, [row]);
      }
      return keys.map((key) => groups.get(keyString(key)) ?? []);
    },
    { cacheKeyFn: keyString, maxBatchSize: 1000 },
  );
}
