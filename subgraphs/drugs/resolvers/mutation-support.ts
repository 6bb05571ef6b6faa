import type DataLoader from 'dataloader';

/**
 * What the idempotency hash covers: the mutation's input less the idempotency key itself (a retry
 * must send the same input; the key is how it says it is a retry).
 */
export function mutationInput<T extends { idempotencyKey?: string | null }>(
  input: T,
): Omit<T, 'idempotencyKey'> {
  const rest: Omit<T, 'idempotencyKey'> & { idempotencyKey?: unknown } = { ...input };
  delete rest.idempotencyKey;
  return rest;
}

/** The record as committed, read through the request's loader (never a cached earlier read). */
export async function reread<V>(
  loader: DataLoader<string, V | null, string>,
  key: string,
  what: string,
): Promise<V> {
  const value = await loader.clear(key).load(key);
  // The transaction committed it, so it exists; say so plainly if it ever does not.
  if (value === null) throw new Error(`${what} ${key} was written but cannot be read back`);
  return value;
}
