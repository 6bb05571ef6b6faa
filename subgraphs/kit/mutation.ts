import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type pg from 'pg';
import { Database, Row } from './database';
import { badUserInput, ErrorCode } from './errors';

/** One transaction's connection. Every statement is counted on the database, like reads. */
export class Tx {
  constructor(
    private readonly client: pg.PoolClient,
    private readonly db: Database,
  ) {}

  async query<T extends object = Row>(text: string, values?: unknown[]): Promise<T[]> {
    this.db.statementCount++;
    const result = await this.client.query(text, values);
    return result.rows as T[];
  }
}

export interface MutationOptions {
  db: Database;
  /** The agency's schema, which holds its `idempotency_key` table. */
  agency: string;
  /** The mutation's name: an idempotency key is unique per operation. */
  operation: string;
  idempotencyKey?: string | null;
  /** The mutation's arguments, less the idempotency key: a retry must send the same. */
  input: unknown;
  /** Where the key sits in the arguments, for errors (default `input.idempotencyKey`). */
  idempotencyKeyField?: string;
}

/** JSON with object keys sorted, so that the same input always hashes the same. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(input: unknown): string {
  return createHash('sha256').update(canonical(input)).digest('hex');
}

const MAX_KEY_LENGTH = 200;

/**
 * Runs one mutation as one transaction: all of it or none. With an idempotency key, the key is
 * claimed inside the same transaction, so a retry (even a concurrent one, which waits on the
 * claim) gets the first call's result without writing anything, and the same key with another
 * input gets IDEMPOTENCY_CONFLICT. `work` returns the result's key (e.g. the declaration number),
 * which is what is stored: a retry returns the same record.
 */
export async function runMutation<K>(
  options: MutationOptions,
  work: (tx: Tx) => Promise<K>,
): Promise<K> {
  const { db, agency, operation, idempotencyKey } = options;
  const keyField = options.idempotencyKeyField ?? 'input.idempotencyKey';
  if (
    idempotencyKey != null &&
    (idempotencyKey.length === 0 || idempotencyKey.length > MAX_KEY_LENGTH)
  ) {
    throw badUserInput(`\`idempotencyKey\` must be 1 to ${MAX_KEY_LENGTH} characters`, keyField);
  }
  const hash = requestHash(options.input);
  return db.transaction(async (client) => {
    const tx = new Tx(client, db);
    if (idempotencyKey != null) {
      const claimed = await tx.query(
        `INSERT INTO ${agency}.idempotency_key (operation, key, request_hash)
         VALUES ($1, $2, $3) ON CONFLICT (operation, key) DO NOTHING RETURNING key`,
        [operation, idempotencyKey, hash],
      );
      if (claimed.length === 0) {
        const [first] = await tx.query<{ requestHash: string; result: K }>(
          `SELECT request_hash AS "requestHash", result FROM ${agency}.idempotency_key
            WHERE operation = $1 AND key = $2`,
          [operation, idempotencyKey],
        );
        if (first.requestHash !== hash) {
          throw new GraphQLError(
            `idempotency key "${idempotencyKey}" was already used for ${operation} with a different input; use a new key for a new request`,
            { extensions: { code: ErrorCode.IDEMPOTENCY_CONFLICT, field: keyField } },
          );
        }
        return first.result;
      }
    }
    const result = await work(tx);
    if (idempotencyKey != null) {
      await tx.query(
        `UPDATE ${agency}.idempotency_key SET result = $3 WHERE operation = $1 AND key = $2`,
        [operation, idempotencyKey, JSON.stringify(result)],
      );
    }
    return result;
  });
}
