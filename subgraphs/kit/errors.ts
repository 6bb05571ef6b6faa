import { GraphQLError } from 'graphql';
import { OperationLimitCode } from './operation-shape';

/** Stable `extensions.code` values that clients can switch on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  /** A status change that the record's state machine does not allow from its current state. */
  INVALID_STATE_TRANSITION: 'INVALID_STATE_TRANSITION',
  /** `expectedVersion` is stale, or the record already exists: re-read and decide again. */
  CONFLICT: 'CONFLICT',
  /** The idempotency key was used before with a different input. */
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_CONFLICT',
  /** Another agency's data was needed for a rule and could not be had: nothing was written. */
  DEPENDENCY_UNAVAILABLE: 'DEPENDENCY_UNAVAILABLE',
  /** The caller is known but may not do this (a scope or party it lacks): nothing was done. */
  FORBIDDEN: 'FORBIDDEN',
  /** A mutation without a verified identity: the caller must sign in. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The HTTP request is not a GraphQL request (malformed JSON). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The request body is over `SUBGRAPH_MAX_BODY_BYTES`. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A batched request (a JSON array of operations) holds more than `SUBGRAPH_MAX_BATCH_OPERATIONS`. */
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  /** The document is over a shape limit (`SUBGRAPH_MAX_TOKENS`, `_DEPTH`, `_ALIASES`, `_ROOT_FIELDS`). */
  ...OperationLimitCode,
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

/** A referenced record that does not exist; `field` names the argument that referenced it. */
export function notFound(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.NOT_FOUND, ...(field ? { field } : {}) },
  });
}

/** A domain rule refused the input (e.g. a release before the inspection passed). */
export function ruleViolation(message: string, field?: string): GraphQLError {
  return badUserInput(message, field);
}

export function invalidTransition(
  entity: string,
  id: string,
  current: string,
  requested: string,
  why?: string,
): GraphQLError {
  return new GraphQLError(
    `${entity} ${id} cannot go from ${current} to ${requested}${why ? `: ${why}` : ''}`,
    { extensions: { code: ErrorCode.INVALID_STATE_TRANSITION, entity, id, current, requested } },
  );
}

/** A create whose key is taken: CONFLICT, naming the record and the input field that keyed it. */
export function alreadyExists(entity: string, id: string, field: string): GraphQLError {
  return new GraphQLError(`${entity} ${id} already exists`, {
    extensions: { code: ErrorCode.CONFLICT, entity, id, field },
  });
}

/** The same idempotency key came with another input than the first time. */
export function idempotencyConflict(key: string, operation: string, field: string): GraphQLError {
  return new GraphQLError(
    `idempotency key "${key}" was already used for ${operation} with a different input; use a new key for a new request`,
    { extensions: { code: ErrorCode.IDEMPOTENCY_CONFLICT, field } },
  );
}

export function versionConflict(
  entity: string,
  id: string,
  expected: number,
  actual: number,
): GraphQLError {
  return new GraphQLError(
    `${entity} ${id} is at version ${actual}, not ${expected}: someone changed it since you read it; re-read and retry`,
    {
      extensions: {
        code: ErrorCode.CONFLICT,
        entity,
        id,
        expectedVersion: expected,
        currentVersion: actual,
      },
    },
  );
}

export function dependencyUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.DEPENDENCY_UNAVAILABLE } });
}

/** An authenticated caller without the right to this operation (a scope, or the party it acts for). */
export function forbidden(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.FORBIDDEN, ...(field ? { field } : {}) },
  });
}

/** A change asked for without a verified identity: nothing anonymous is written. */
export function unauthenticated(operation: string): GraphQLError {
  return new GraphQLError(
    `${operation} needs a signed-in caller: send the request through the gateway with \`Authorization: Bearer <token>\``,
    { extensions: { code: ErrorCode.UNAUTHENTICATED } },
  );
}
