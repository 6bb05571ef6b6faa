export interface RetryPolicy {
  /** Further attempts after the first, for a fetch that may be repeated. */
  retries: number;
  /** The first backoff's ceiling (ms); each further one doubles it. */
  baseDelayMs: number;
  /** No backoff waits longer than this (ms). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 2, baseDelayMs: 50, maxDelayMs: 1000 };

/**
 * How long to wait before retry number `attempt` (1 for the first retry): exponential backoff
 * with full jitter (a random wait up to the ceiling), so that gateways which all saw the same
 * subgraph fail do not come back at it in step.
 */
export function backoffDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Whether a subgraph request may be sent again after a failure: a query may (it reads), a mutation
 * never (the first attempt may have written before the connection broke, and nothing tells).
 * Decided on the subgraph request itself, as the query planner wrote it: the entity fetches that
 * follow a mutation's root field are queries, and are retried like any read.
 */
export function isRetryable(subgraphQuery: string): boolean {
  return !/^\s*mutation\b/.test(subgraphQuery);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
