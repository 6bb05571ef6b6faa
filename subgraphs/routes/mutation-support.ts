import { GraphQLError } from 'graphql';
import { ErrorCode, runMutation, versionConflict } from '../kit';
import type { Context } from './context';
import { RoutesWriteRepository } from './write-repository';

/**
 * Runs one routes mutation as one transaction (kit `runMutation`): the idempotency key, when
 * given, is claimed in it, and a retry with the same input returns the first result's key.
 */
export function runRoutesMutation<K>(
  ctx: Context,
  operation: string,
  input: { idempotencyKey?: string | null },
  work: (repo: RoutesWriteRepository) => Promise<K>,
): Promise<K> {
  const { idempotencyKey, ...rest } = input;
  return runMutation(
    { db: ctx.db, agency: 'routes', operation, idempotencyKey, input: rest },
    (tx) => work(new RoutesWriteRepository(tx)),
  );
}

/** CONFLICT unless the record is at the version the caller read (when the caller gave one). */
export function assertVersion(
  entity: string,
  id: string,
  expected: number | null | undefined,
  actual: number,
): void {
  if (expected != null && expected !== actual) throw versionConflict(entity, id, expected, actual);
}

/** A record with this key exists already: CONFLICT naming the input field. */
export function alreadyExists(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.CONFLICT, ...(field ? { field } : {}) },
  });
}
