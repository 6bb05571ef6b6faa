import { GraphQLError } from 'graphql';
import type { AccessRequirement } from './access-requirements';
import type { RemovedSelection } from './filter-operation';

/** The code of a field or fragment removed because the caller may not see it (Apollo Router's). */
export const UNAUTHORIZED_FIELD_OR_TYPE = 'UNAUTHORIZED_FIELD_OR_TYPE';

/**
 * The error for one removed path: where (`path`), and what the caller lacks, so that a person
 * knows whether to sign in or to ask for a scope. The rest of the operation was executed.
 */
export function unauthorizedError(removed: RemovedSelection): GraphQLError {
  const where = removed.path.join('.');
  return new GraphQLError(
    `Unauthorized field or type: ${where} was removed from the operation; it needs ${needs(removed.requirement)}.`,
    { path: removed.path, extensions: { code: UNAUTHORIZED_FIELD_OR_TYPE } },
  );
}

/** "a token with the scope trade:read", "an authenticated caller (a token)". */
function needs(requirement: AccessRequirement | undefined): string {
  if (!requirement || requirement.scopes.length === 0) {
    return 'an authenticated caller (send a bearer token)';
  }
  const alternatives = requirement.scopes.map((anyOf) =>
    anyOf.map((allOf) => allOf.join(' and ')).join(', or '),
  );
  return `a bearer token with the scope ${alternatives.join('; and ')}`;
}
