/**
 * The field authorization directives of federation (v2.5+), as type-graphql `@Directive` strings.
 * An agency declares who may read a type or field where it owns the data; the gateway (or any
 * router that reads the directives) removes what a caller may not see before planning. The row
 * rules (which enterprise sees which shipment) stay inside the agency that owns the rows.
 */

/** Any verified identity: an enterprise, an officer, a writer, a service. Not anonymous callers. */
export const AUTHENTICATED = '@authenticated';

/** The token must hold every scope of at least one of the lists (`[["a", "b"], ["c"]]`: a and b, or c). */
export function requiresScopes(...anyOf: string[][]): string {
  const lists = anyOf.map((all) => `[${all.map((scope) => JSON.stringify(scope)).join(', ')}]`);
  return `@requiresScopes(scopes: [${lists.join(', ')}])`;
}

/** Officers and agency analysts: every shipment-level record, whoever's it is. */
export const REQUIRES_TRADE_READ = requiresScopes(['trade:read']);

/** An agency's own mutations: `airports:write`, `customs:write`, `drugs:write`, `routes:write`. */
export function requiresWriteOf(agency: 'airports' | 'customs' | 'drugs' | 'routes'): string {
  return requiresScopes([`${agency}:write`]);
}
