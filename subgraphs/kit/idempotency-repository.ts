import type { Database } from './database';
import type { Tx } from './tx';

/** What an idempotency key holds: the hash of the first call's input and, once committed, its result. */
export interface IdempotencyRecord<K> {
  requestHash: string;
  /** Null while the first call's transaction is still open (a concurrent retry waits on it). */
  result: K | null;
}

/**
 * The SQL of `<agency>.idempotency_key` (the kit's shared write migration): a key is unique per
 * operation, claimed inside the mutation's transaction and given its result before the commit.
 */
export class IdempotencyRepository {
  constructor(private readonly agency: string) {}

  /** The committed record of a key, read outside any transaction; null when it holds none. */
  async committed<K>(
    db: Database,
    operation: string,
    key: string,
  ): Promise<IdempotencyRecord<K> | null> {
    const [row] = await db.query<IdempotencyRecord<K>>(
      `SELECT request_hash AS "requestHash", result FROM ${this.agency}.idempotency_key
        WHERE operation = $1 AND key = $2 AND result IS NOT NULL`,
      [operation, key],
    );
    return row ?? null;
  }

  /** Claims the key for this transaction; false when it is taken (after waiting for its claimant). */
  async claim(tx: Tx, operation: string, key: string, requestHash: string): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO ${this.agency}.idempotency_key (operation, key, request_hash)
       VALUES ($1, $2, $3) ON CONFLICT (operation, key) DO NOTHING RETURNING key`,
      [operation, key, requestHash],
    );
    return rows.length > 0;
  }

  async read<K>(tx: Tx, operation: string, key: string): Promise<IdempotencyRecord<K>> {
    const [row] = await tx.query<IdempotencyRecord<K>>(
      `SELECT request_hash AS "requestHash", result FROM ${this.agency}.idempotency_key
        WHERE operation = $1 AND key = $2`,
      [operation, key],
    );
    return row;
  }

  async storeResult(tx: Tx, operation: string, key: string, result: unknown): Promise<void> {
    await tx.query(
      `UPDATE ${this.agency}.idempotency_key SET result = $3 WHERE operation = $1 AND key = $2`,
      [operation, key, JSON.stringify(result)],
    );
  }
}
