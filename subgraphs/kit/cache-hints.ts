/**
 * Cache hints (Apollo's `@cacheControl`), as type-graphql `@Directive` strings. An agency puts
 * `PUBLIC_CACHE_HINT` on a type whose every row is the same for every caller: reference data that
 * needs no authentication, no scope and no row rule. The subgraph then answers with a
 * `Cache-Control` header (the kit's server keeps Apollo's cache-control plugin on when the schema
 * declares hints), and the gateway caches a response only when every subgraph fetch behind it
 * said public (gateway/plugins/response-cache.ts).
 *
 * What must never get a hint: a type or field that is `@authenticated`, `@requiresScopes`, or read
 * through `rowAccess`. Leaving a type out is always safe: a composite field without a hint makes
 * the whole subgraph response uncacheable (Apollo's default maxAge 0).
 */

/**
 * How long a public answer may be served from a cache. Writes through the gateway invalidate at
 * once; this bounds the staleness of a write made behind its back (SQL, another deployment).
 */
export const PUBLIC_MAX_AGE_SECONDS = 60;

/** Public reference data: the same for every caller, for `PUBLIC_MAX_AGE_SECONDS`. */
export const PUBLIC_CACHE_HINT = `@cacheControl(maxAge: ${PUBLIC_MAX_AGE_SECONDS}, scope: PUBLIC)`;

/**
 * The directive's definition, as Apollo documents it for subgraphs. Its scope enum is
 * `@inaccessible`: a subgraph's own vocabulary, kept out of the public API the gateway serves
 * (composition drops the directive itself, which is not composed).
 */
export const CACHE_CONTROL_DEFINITIONS = `
enum CacheControlScope @inaccessible {
  PUBLIC
  PRIVATE
}

directive @cacheControl(
  maxAge: Int
  scope: CacheControlScope
  inheritMaxAge: Boolean
) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;

/** True when an SDL uses `@cacheControl` (and so needs its definition). */
export function usesCacheHints(sdl: string): boolean {
  return /@cacheControl\b/.test(sdl);
}
