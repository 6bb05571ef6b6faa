/** Stable codes of a subgraph fetch that got no GraphQL answer (docs/errors.md). */
export const SubgraphErrorCode = {
  /** The subgraph did not answer within the gateway's timeout for it. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /** The subgraph could not be reached, or answered something that is not a GraphQL response. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** The subgraph failed repeatedly: the gateway does not call it until a probe succeeds. */
  SUBGRAPH_CIRCUIT_OPEN: 'SUBGRAPH_CIRCUIT_OPEN',
  /** The operation's deadline passed before this fetch could be sent or answered. */
  REQUEST_DEADLINE_EXCEEDED: 'REQUEST_DEADLINE_EXCEEDED',
} as const;

export type SubgraphErrorCode = (typeof SubgraphErrorCode)[keyof typeof SubgraphErrorCode];

/**
 * A subgraph fetch that ended without a GraphQL answer: `message` is the client's (names the
 * subgraph, says what to do), `detail` the log's (URL, status, body, cause), never shown.
 */
export class SubgraphFetchError extends Error {
  constructor(
    readonly code: SubgraphErrorCode,
    message: string,
    readonly detail: string,
  ) {
    super(message);
    this.name = 'SubgraphFetchError';
  }
}
