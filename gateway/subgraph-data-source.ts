import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** Abort a fetch to this subgraph after this long (ms). */
  timeoutMs?: number;
}

/**
 * How the gateway calls one subgraph: every concern of a subgraph fetch (its deadline, the headers
 * forwarded with it) lives here, one instance per subgraph.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  readonly name: string;
  readonly timeoutMs: number;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.name = options.name;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
    // @apollo/gateway has no deadline of its own: without one per fetch, a hung subgraph would
    // hold the whole request instead of costing only its own fields.
    this.fetcher = (url, init) =>
      fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
  }

  override willSendRequest(_options: GraphQLDataSourceProcessOptions): void {
    // Headers forwarded to the subgraph are set here, on `_options.request.http.headers`: the
    // gateway-signed identity header (the caller, from the operation's context, bound to this
    // subgraph request) and the request id. Nothing beyond Apollo's own headers is sent yet.
  }
}
