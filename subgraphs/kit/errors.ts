import { GraphQLError } from 'graphql';

/** Stable `extensions.code` values that clients can switch on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Invalid input from the caller. `field` names the offending argument (e.g. `awb` or
 * `filter.manifestedFrom`) so that a client can point at it.
 */
export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
  });
}

/** Throws a BAD_USER_INPUT error unless `check` returns null (valid) — the checkers below return a reason. */
export function assertValid(reason: string | null, field: string): void {
  if (reason !== null) throw badUserInput(reason, field);
}
