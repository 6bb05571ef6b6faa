import type { GatewayContext } from './subgraph-data-source';

/** A subgraph's answer to one fetch, as the gateway hands it on: data and/or errors. */
export interface SubgraphFetchResult {
  data?: unknown;
  errors?: readonly { extensions?: Record<string, unknown> }[];
}

/**
 * What a gateway plugin may see of, and add to, each fetch the gateway makes to a subgraph for a
 * client's operation, whatever the transport: metrics time it, tracing adds its context header.
 * The subgraph data source calls every plugin's observer; the observer never changes the answer.
 */
export interface SubgraphFetchObserver {
  /** Headers to send with the fetch (e.g. W3C `traceparent`), read as the fetch is sent. */
  headers?(context: GatewayContext): Record<string, string>;
  /** Called once the fetch has its answer (errors included: a failed fetch is an answer too). */
  fetched?(fetch: { subgraph: string; seconds: number; result: SubgraphFetchResult }): void;
}
