/**
 * Who is asking, as the gateway verified it and signed it to this subgraph (the identity header):
 * the one input of every row rule, scope check, access-log entry and history row. A request
 * without a valid identity header is ANONYMOUS: public data only, and no mutation.
 */
export interface Identity {
  kind: 'ANONYMOUS' | 'USER' | 'SERVICE';
  /** The token's `sub` (for a SERVICE, the agency: `customs`), `anonymous` for ANONYMOUS. */
  sub: string;
  /** The token's `scope` claim, split: `trade:read`, `customs:write`, `audit:read`, … */
  scopes: ReadonlySet<string>;
  /** The enterprise (Unified Social Credit Code) a USER acts for, when the token names one. */
  uscc?: string;
}

export const ANONYMOUS_IDENTITY: Identity = Object.freeze({
  kind: 'ANONYMOUS',
  sub: 'anonymous',
  scopes: new Set<string>(),
});

export function hasScope(identity: Identity, scope: string): boolean {
  return identity.scopes.has(scope);
}
