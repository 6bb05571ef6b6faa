import { createHash } from 'node:crypto';
import { OperationDefinitionNode, print } from 'graphql';
import type { AccessRequirements } from '../authorization/access-requirements';
import { filterOperation } from '../authorization/filter-operation';
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
  return async (requestContext) => {
    const context = requestContext.context as GatewayContext;
    const filtered = filterOperation({
      schema: requestContext.schema,
      document: requestContext.document,
      operationName: requestContext.request.operationName,
      requirements: requirements(),
      identity: context.identity ?? ANONYMOUS_IDENTITY,
    });
    if (filtered.removed.length === 0) return next(requestContext);
    const errors = filtered.removed.filter((r) => r.unauthorized).map(unauthorizedError);
    if (filtered.empty) return { data: nullRemovedFields({}, filtered.removed), errors };
    const source = print(filtered.document);
    const result = await next({
      ...requestContext,
      document: filtered.document,
      source,
      // Query plans are cached by this hash (and the operation name): each filtered variant of an
      // operation gets its own plan, never the plan of what another caller may see.
      queryHash: createHash('sha256').update(source).digest('hex'),
      operation: filtered.document.definitions[0] as OperationDefinitionNode,
    });
    return {
      ...result,
      data: nullRemovedFields(result.data, filtered.removed),
      errors: [...errors, ...(result.errors ?? [])],
    };
  };
}
