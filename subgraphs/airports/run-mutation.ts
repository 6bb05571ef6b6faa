import { GraphQLError } from 'graphql';
import { badUserInput, ErrorCode, runMutation, Tx } from '../kit';
import { Context } from './context';

const MAX_KEY_LENGTH = 200;

/**
 * The kit's `runMutation` for the airports schema, with errors naming the input field as clients
 * send it (`input.idempotencyKey`). `input` is the mutation's input less its idempotency key.
 */
export async function runAirportsMutation<K>(
  ctx: Context,
  operation: string,
  idempotencyKey: string | null | undefined,
  input: unknown,
  work: (tx: Tx) => Promise<K>,
): Promise<K> {
  if (
    idempotencyKey != null &&
    (idempotencyKey.length === 0 || idempotencyKey.length > MAX_KEY_LENGTH)
  ) {
    throw badUserInput(
      `\`idempotencyKey\` must be 1 to ${MAX_KEY_LENGTH} characters`,
      'input.idempotencyKey',
    );
  }
  try {
    return await runMutation(
      { db: ctx.db, agency: 'airports', operation, idempotencyKey, input },
      work,
    );
  } catch (err) {
    if (err instanceof GraphQLError && err.extensions.code === ErrorCode.IDEMPOTENCY_CONFLICT) {
      throw new GraphQLError(err.message, {
        extensions: { ...err.extensions, field: 'input.idempotencyKey' },
      });
    }
    throw err;
  }
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
