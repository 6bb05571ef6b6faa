import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
// Not re-exported by the package's index, though its options are typed by it.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { GraphQLError, GraphQLFormattedError, Kind, parse } from 'graphql';
import { ANONYMOUS_IDENTITY, Identity } from './identity';
import { IDENTITY_HEADER, IdentitySigner } from './identity-signer';
import { REQUEST_ID_HEADER } from './request-id';

// Apollo's own types for a subgraph's answer, named through the class (their packages are
// Apollo's internals, not dependencies of ours).
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

/** What the gateway knows of the request an operation came in: what it passes to subgraph fetches. */
export interface GatewayContext {
  /** The request's id (`x-request-id`), in the client's errors and the gateway's log. */
  requestId?: string;
  /** Who is asking, as the authentication plugin verified it (anonymous without a token). */
  identity?: Identity;
}

/** Stable codes of a subgraph fetch that failed without a GraphQL answer. */
export const SubgraphErrorCode = {
  /** The subgraph did not answer within the gateway's deadline for it. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /** The subgraph could not be reached, or answered something that is not a GraphQL response. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
} as const;

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** Abort a fetch to this subgraph after this long (ms). */
  timeoutMs?: number;
  /** Where the details of a failed fetch go (its URL, status, body), with the request id. */
  log?: (msg: string) => void;
  /** Signs the request's identity into each fetch (`x-tradegraph-identity`); none is sent without. */
  signer?: IdentitySigner;
}

/** A non-2xx answer that is still a GraphQL response: the subgraph refused the request. */
class SubgraphRefusal extends GraphQLError {
  constructor(readonly response: GatewayGraphQLResponse) {
    super('the subgraph refused the request');
  }
}

/** A non-2xx answer without GraphQL errors; the message is for the log only. */
class SubgraphFailure extends GraphQLError {}

function isGraphQLResponse(body: unknown): body is GatewayGraphQLResponse {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((e) => typeof (e as { message?: unknown })?.message === 'string')
  );
}

function describe(error: unknown): string {
  // Duck-typed: fetch's errors come from another realm than this module's `Error` under jest.
  const { message, cause } = (error ?? {}) as {
    message?: unknown;
    cause?: { code?: string; message?: string };
  };
  if (typeof message !== 'string') return String(error);
  // Node's fetch says only "fetch failed"; what failed (ECONNREFUSED, a DNS miss) is its cause.
  return cause ? `${message} (${cause.code ?? cause.message})` : message;
}

/**
 * How the gateway calls one subgraph: every concern of a subgraph fetch (its deadline, the headers
 * forwarded with it, what becomes of its failures) lives here, one instance per subgraph.
 *
 * What a client sees of a fetch: the subgraph's GraphQL errors as the subgraph wrote them (code,
 * field, path), whatever the HTTP status they came with, so that a variable a subgraph's scalar
 * refuses is the subgraph's BAD_USER_INPUT, not a gateway error. Anything else (no answer, a
 * timeout, a body that is not GraphQL) is one error with a stable code (`SubgraphErrorCode`) and
 * the subgraph's name. Never the subgraph's URL, HTTP status or body: those are the deployment's
 * topology, and go to the gateway's log under the request id the client's error carries.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;
  readonly timeoutMs: number;
  private readonly log: (msg: string) => void;
  private readonly signer?: IdentitySigner;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.name = options.name;
    this.signer = options.signer;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
    this.log = options.log ?? ((msg: string) => console.log(msg));
    // @apollo/gateway has no deadline of its own: without one per fetch, a hung subgraph would
    // hold the whole request instead of costing only its own fields.
    this.fetcher = (url, init) =>
      fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
  }

  override async willSendRequest(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<void> {
    // The subgraph's own log can then be matched with the gateway's and the client's report.
    const requestId = options.context.requestId;
    if (requestId) options.request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    if (this.signer && options.request.http) {
      // The body exactly as RemoteGraphQLDataSource.sendRequest will serialise it (the query
      // first, then the rest of the request but its `http`): the header is bound to its hash.
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { query, http, ...rest } = options.request;
      const body = JSON.stringify({ query, ...rest });
      const identity = options.context.identity ?? ANONYMOUS_IDENTITY;
      options.request.http.headers.set(
        IDENTITY_HEADER,
        await this.signer.sign(identity, this.name, body),
      );
    }
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    let response: GatewayGraphQLResponse;
    try {
      response = await super.process(options);
    } catch (error) {
      if (error instanceof SubgraphRefusal) {
        response = error.response;
      } else if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) {
        // Health checks and schema loading want the failure itself.
        throw error;
      } else {
        response = { errors: [this.failure(error, options.context.requestId)] };
      }
    }
    return options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION
      ? withFieldPaths(response, options)
      : response;
  }

  /**
   * Apollo turns every non-2xx answer into one error carrying the subgraph's URL and body. A body
   * with GraphQL errors is answered as the response it is instead (a subgraph says 400 when a
   * variable fails its scalar); anything else is a failure, described for the log.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    let body: unknown;
    try {
      body = await this.parseBody(response);
    } catch (err) {
      body = `(unreadable body: ${(err as Error).message})`;
    }
    if (isGraphQLResponse(body)) return new SubgraphRefusal(body);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new SubgraphFailure(
      `HTTP ${response.status} ${response.statusText}: ${text.slice(0, 500)}`,
    );
  }

  /** The client's error for a fetch that got no GraphQL answer; the details go to the log. */
  private failure(error: unknown, requestId: string | undefined): GraphQLFormattedError {
    const timedOut = (error as Error | undefined)?.name === 'TimeoutError';
    this.log(
      `request ${requestId ?? '-'}: ${this.name} subgraph at ${this.url} ${
        timedOut ? `did not answer within ${this.timeoutMs} ms` : `failed: ${describe(error)}`
      }`,
    );
    return timedOut
      ? {
          message: `the ${this.name} subgraph did not answer within ${this.timeoutMs} ms; try again later`,
          extensions: { code: SubgraphErrorCode.SUBGRAPH_TIMEOUT },
        }
      : {
          message: `the ${this.name} subgraph is unavailable; try again later`,
          extensions: { code: SubgraphErrorCode.SUBGRAPH_UNAVAILABLE },
        };
  }
}

/**
 * An error without a path (the subgraph refused the whole request, e.g. a variable, or did not
 * answer) belongs to the fields the fetch was to resolve. When the fetch is for one root field,
 * it gets that field's path, which the gateway places in the client's response; otherwise (an
 * entity fetch, several fields) it stays pathless: a request-wide error of that fetch.
 */
function withFieldPaths(
  response: GatewayGraphQLResponse,
  options: GraphQLDataSourceProcessOptions<GatewayContext>,
): GatewayGraphQLResponse {
  if (!response.errors?.some((e) => !e.path)) return response;
  if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return response;
  if (options.pathInIncomingRequest?.length || !options.request.query) return response;
  const operation = parse(options.request.query).definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fields = operation?.selectionSet.selections ?? [];
  if (fields.length !== 1 || fields[0].kind !== Kind.FIELD) return response;
  const key = (fields[0].alias ?? fields[0].name).value;
  return {
    ...response,
    errors: response.errors.map((e) => (e.path ? e : { ...e, path: [key] })),
  };
}
