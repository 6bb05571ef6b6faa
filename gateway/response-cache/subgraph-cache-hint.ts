import type { BaseContext, GraphQLRequestContext } from '@apollo/server';

/** Apollo Server's policy of one response, restricted by each part of it. */
export type CachePolicy = GraphQLRequestContext<BaseContext>['overallCachePolicy'];
// Named through Apollo Server: its types package is Apollo's internals, not a dependency of ours.
export type CacheHint = Parameters<CachePolicy['restrict']>[0];

/**
 * What one subgraph response allows a cache to do with it, from its `Cache-Control` header, as
 * stock `RemoteGraphQLDataSource` reads it (`honorSubgraphCacheControlHeader`): `max-age=N` and
 * `public` / `private`. No header, or one without a `max-age`, is maxAge 0: the whole response it
 * is part of is then uncacheable. So is a fetch that got no answer at all.
 */
export function subgraphCacheHint(header: string | undefined): CacheHint {
  const hint: CacheHint = { maxAge: 0 };
  if (!header) return hint;
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [name, value] = part.split(/\s*=\s*/, 2);
    const directive = name.toLowerCase();
    const unquoted = value?.replace(/^"|"$/g, '');
    if (directive === 'max-age' && unquoted !== undefined && /^[0-9]+$/.test(unquoted)) {
      hint.maxAge = Number(unquoted);
    } else if (directive === 'private') {
      hint.scope = 'PRIVATE';
    } else if (directive === 'public' && hint.scope !== 'PRIVATE') {
      hint.scope = 'PUBLIC';
    } else if (directive === 'no-store' || directive === 'no-cache') {
      // Stronger than any max-age next to it.
      return { maxAge: 0 };
    }
  }
  return hint;
}
