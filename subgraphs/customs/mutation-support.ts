import { GraphQLError } from 'graphql';
import { ErrorCode, notFound, runMutation, Tx, versionConflict } from '../kit';
import type { Context } from './context';
import { CustomsWriteRepository, Reference } from './write-repository';

/** The customs schema: home of its `idempotency_key` and `status_change` tables. */
export const AGENCY = 'customs';

/**
 * One customs mutation: one transaction (kit `runMutation`, which claims `input.idempotencyKey`),
 * with the write repository over it. `work` returns the key of the record to return.
 */
export function customsMutation<K>(
  ctx: Context,
  operation: string,
  input: { idempotencyKey?: string | null },
  work: (repo: CustomsWriteRepository, tx: Tx) => Promise<K>,
): Promise<K> {
  // The key is not part of the request: a retry sends the same input under the same key.
  const { idempotencyKey, ...request } = input;
  return runMutation(
    { db: ctx.db, agency: AGENCY, operation, idempotencyKey, input: request },
    (tx) => work(new CustomsWriteRepository(tx), tx),
  );
}

/**
 * True when this idempotency key already holds a committed result: the call is a retry, which
 * `runMutation` answers with the first result, so the checks against other agencies are skipped
 * (a retry succeeds even while the gateway is down, and sees the same answer as the first call).
 */
export async function isReplay(
  ctx: Context,
  operation: string,
  idempotencyKey: string | null | undefined,
): Promise<boolean> {
  if (idempotencyKey == null) return false;
  const rows = await ctx.db.query(
    `SELECT 1 FROM ${AGENCY}.idempotency_key
      WHERE operation = $1 AND key = $2 AND result IS NOT NULL`,
    [operation, idempotencyKey],
  );
  return rows.length > 0;
}

/** Every referenced record exists; otherwise NOT_FOUND naming the first missing one's field. */
export async function requireReferences(
  repo: CustomsWriteRepository,
  refs: { table: Reference; key: string | null; field: string; what: string }[],
): Promise<void> {
  for (const ref of refs) {
    if (ref.key === null) continue;
    const [missing] = await repo.missing(ref.table, [ref.key]);
    if (missing !== undefined) throw notFound(`no ${ref.what} ${ref.key} is registered`, ref.field);
  }
}

/** The record is at the version the caller read, when the caller said which. */
export function checkVersion(
  entity: string,
  id: string,
  expected: number | null | undefined,
  actual: number,
): void {
  if (expected != null && expected !== actual) throw versionConflict(entity, id, expected, actual);
}

/** A create whose key is taken: CONFLICT, naming the field. */
export function alreadyExists(entity: string, id: string, field: string): GraphQLError {
  return new GraphQLError(`${entity} ${id} already exists`, {
    extensions: { code: ErrorCode.CONFLICT, entity, id, field },
  });
}
