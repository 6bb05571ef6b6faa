import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';

/** A representation as the gateway sends it to `_entities`: `__typename`, the key, `@requires` fields. */
export type Representation = Record<string, unknown>;

/** The longest key any entity of the contract has (identifiers are far shorter). */
const MAX_KEY_LENGTH = 100;

/**
 * The one key guard of every reference resolver: the key field as a string of a sane length, or
 * null. A representation with a missing, mistyped or absurd key is an unknown entity (null), never
 * an error and never a query.
 */
export function keyOf(representation: Representation, field: string): string | null {
  const value = representation[field];
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY_LENGTH
    ? value
    : null;
}

/** One entity type's `__resolveReference`, typed by the agency's context. */
export interface ReferenceResolver<C, T> {
  __resolveReference(representation: Representation, ctx: C): Promise<T | null> | T | null;
}

/**
 * A reference resolver keyed by one field: the key passes the guard, then `resolve` finds the
 * entity (usually through a loader), or null. `resolve` also gets the representation for
 * `@requires` fields.
 */
export function referenceBy<C, T>(
  keyField: string,
  resolve: (key: string, ctx: C, representation: Representation) => Promise<T | null> | T | null,
): ReferenceResolver<C, T> {
  return {
    __resolveReference(representation, ctx) {
      const key = keyOf(representation, keyField);
      return key === null ? null : resolve(key, ctx, representation);
    },
  };
}

/** An agency's reference resolvers, by entity type name. */
export type ReferenceResolvers<C = never> = Record<string, ReferenceResolver<C, unknown>>;

/** In the shape `buildSubgraphSchema` merges (its resolver map is untyped in the context). */
export function asResolverMap<C>(references: ReferenceResolvers<C>): GraphQLResolverMap<unknown> {
  return references as unknown as GraphQLResolverMap<unknown>;
}
