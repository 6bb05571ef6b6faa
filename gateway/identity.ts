/**
 * Who is asking, as the gateway verified it from the request's bearer token: what field rules,
 * budgets and rate limits read, and what the gateway signs to the subgraphs. The subgraphs hold
 * the same shape (subgraphs/kit/identity.ts): the identity header is the contract between them.
 */
export interface Identity {
  kind: 'ANONYMOUS' | 'USER' | 'SERVICE';
  /** The token's `sub`; `anonymous` without a token. */
  sub: string;
  /** The token's `scope` claim, split on spaces. */
  scopes: ReadonlySet<string>;
  /** The enterprise (USCC) a user acts for, when the token names one. */
  uscc?: string;
}

export const ANONYMOUS_IDENTITY: Identity = Object.freeze({
  kind: 'ANONYMOUS',
  sub: 'anonymous',
  scopes: new Set<string>(),
});
