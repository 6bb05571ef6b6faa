import { GraphQLError } from 'graphql';
import { ErrorCode, runMutation, Tx } from '../kit';
import { Context } from './context';

/**
 * The kit's `runMutation` for the airports schema (it checks the key and names
 * `input.idempotencyKey` in its errors). `input` is the mutation's input less its key.
 */
export function runAirportsMutation<K>(
  ctx: Context,
  operation: string,
  idempotencyKey: string | null | undefined,
  input: unknown,
  work: (tx: Tx) => Promise<K>,
): Promise<K> {
  return runMutation({ db: ctx.db, agency: 'airports', operation, idempotencyKey, input }, work);
}

/** The input without its idempotency key: what a retry must repeat exactly. */
export function withoutKey<T extends { idempotencyKey?: string | null }>(
  input: T,
): Omit<T, 'idempotencyKey'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { idempotencyKey, ...rest } = input;
  return rest;
}

/** A record that already exists where the mutation would create it. */
export function alreadyExists(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, field } });
}
