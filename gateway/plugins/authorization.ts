import type { OperationDefinitionNode } from 'graphql';
import type { AccessRequirements } from '../authorization/access-requirements';
import { FilteredOperations } from '../authorization/filtered-operations';
import { nullRemovedFields } from '../authorization/null-removed';
import { unauthorizedError } from '../authorization/unauthorized-error';
import { ANONYMOUS_IDENTITY } from '../identity';
import type { GatewayContext } from '../subgraph-data-source';
import type { GatewayExecutor, GatewayPlugin } from './gateway-plugin';

export interface AuthorizationOptions {
  /** The requirements of the supergraph served now (they change when it is reloaded). */
  requirements: () => AccessRequirements;
}

/**
 * Field authorization from the supergraph's `@authenticated` / `@requiresScopes`, with Apollo
 * Router's semantics: before planning, what the caller (`GatewayContext.identity`; anonymous
 * without one) may not see is removed from the operation; the rest is planned and executed; each
 * removed path gets an `UNAUTHORIZED_FIELD_OR_TYPE` error and answers null. An operation left
 * with nothing is answered without calling any subgraph.
 */
export function authorizationPlugin(options: AuthorizationOptions): GatewayPlugin {
  return {
    name: 'authorization',
    wrapExecutor: (next) => authorizingExecutor(next, options.requirements),
  };
}

function authorizingExecutor(
  next: GatewayExecutor,
  requirements: () => AccessRequirements,
): GatewayExecutor {
  const operations = new FilteredOperations();
  return async (requestContext) => {
    const context = requestContext.context as GatewayContext;
    const filtered = operations.get(
      {
        schema: requestContext.schema,
        document: requestContext.document,
        queryHash: requestContext.queryHash,
        operationName: requestContext.request.operationName,
        identity: context.identity ?? ANONYMOUS_IDENTITY,
      },
      requirements(),
    );
    if (filtered.removed.length === 0) return next(requestContext);
    const errors = filtered.removed.filter((r) => r.unauthorized).map(unauthorizedError);
    if (filtered.empty) return { data: nullRemovedFields({}, filtered.removed), errors };
    // Set whenever something was removed and something is left (FilteredOperations).
    const result = await next({
      ...requestContext,
      document: filtered.document,
      source: filtered.source!,
      // Query plans are cached by this hash (and the operation name): each filtered variant of an
      // operation gets its own plan, never the plan of what another caller may see.
      queryHash: filtered.queryHash!,
      operation: filtered.document.definitions[0] as OperationDefinitionNode,
    });
    return {
      ...result,
      data: nullRemovedFields(result.data, filtered.removed),
      errors: [...errors, ...(result.errors ?? [])],
    };
  };
}
