import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
// Not re-exported by the package's index, though its options are typed by it.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { Kind, parse } from 'graphql';
import { ANONYMOUS_IDENTITY, Identity } from './identity';
import { IDENTITY_HEADER, IdentitySigner } from './identity-signer';
import type { Log } from './logger';
import { REQUEST_ID_HEADER } from './request-id';
import { subgraphCacheHint } from './response-cache/subgraph-cache-hint';
import {
  batchBody,
  DEFAULT_SUBGRAPH_TIMEOUT_MS,
  FetchBatcher,
  isRetryable,
  RequestDeadline,
  SubgraphClient,
  SubgraphClients,
  SubgraphErrorCode,
  SubgraphFetchError,
  SubgraphReply,
} from './subgraph-client';
import type { SubgraphFetchObserver } from './subgraph-fetch-observer';

// Apollo's own type for a subgraph's answer, named through the class (its package is Apollo's
// internals, not a dependency of ours).
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export { DEFAULT_SUBGRAPH_TIMEOUT_MS, SubgraphErrorCode };

/** What the gateway knows of the request an operation came in: what it passes to subgraph fetches. */
export interface GatewayContext {
  /** The request's id (`x-request-id`), in the client's errors and the gateway's log. */
  requestId?: string;
  /** Who is asking, as the authentication plugin verified it (anonymous without a token). */
  identity?: Identity;
  /** When the operation's time is up: no subgraph fetch is sent after it (plugins/request-deadline). */
  deadline?: RequestDeadline;
}

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** The subgraph's client (pool, timeout, retries, breaker); one of its own when not given. */
  client?: SubgraphClient;
  /** A fetch's time limit, for a client of its own (ms). */
  timeoutMs?: number;
  /** Where the details of a failed fetch go (its URL, status, body), with the request id. */
  log?: Log;
  /** Signs the request's identity into each fetch (`x-tradegraph-identity`); none is sent without. */
  signer?: IdentitySigner;
  /** The plugins' observers of each fetch (metrics, tracing). */
  observers?: readonly SubgraphFetchObserver[];
  /**
   * Sends the queries made to this subgraph in one turn (one step of an operation's plan, and the
   * steps of the same caller's operations that start together) as one batched HTTP request, at
   * most this many to a batch; 0 or 1 sends each alone.
   */
  maxBatch?: number;
}

/** One fetch as it will go out: its body, the headers of its operation, and the operation's context. */
export interface OutgoingFetch {
  body: string;
  /** The query it sends (its body's `query`): what shape of work it asks of the subgraph. */
  query: string;
  headers: Record<string, string>;
  context: GatewayContext;
}

/**
 * How Apollo's query plan reaches one subgraph: the subgraph request Apollo prepared, with the
 * headers the gateway forwards (`willSendRequest`), is sent by the subgraph's `SubgraphClient`
 * (keep-alive pool, timeout, deadline, retries, circuit breaker), one instance per subgraph.
 *
 * What a client sees of a fetch: the subgraph's GraphQL errors as the subgraph wrote them (code,
 * field, path), whatever the HTTP status they came with, so that a variable a subgraph's scalar
 * refuses is the subgraph's BAD_USER_INPUT, not a gateway error. Anything else (no answer, a
 * timeout, an open circuit, a body that is not GraphQL) is one error with a stable code
 * (`SubgraphErrorCode`), to which Apollo adds the subgraph's name. Never the subgraph's URL, HTTP
 * status or body: those are the deployment's topology, and go to the gateway's log under the
 * request id the client's error carries.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;
  readonly client: SubgraphClient;
  private readonly log: Log;
  private readonly signer?: IdentitySigner;
  private readonly observers: readonly SubgraphFetchObserver[];
  private readonly batcher?: FetchBatcher<OutgoingFetch, SubgraphReply>;
  /** False once the subgraph has refused a batch: it is then sent each fetch alone. */
  private batchesAccepted = true;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.name = options.name;
    this.client =
      options.client ??
      new SubgraphClients({ timeoutMs: options.timeoutMs }).clientFor(options.name, options.url);
    this.signer = options.signer;
    this.observers = options.observers ?? [];
    this.log = options.log ?? ((msg: string) => console.log(msg));
    if ((options.maxBatch ?? 0) > 1) {
      this.batcher = new FetchBatcher(
        (fetches) => this.sendTogether(fetches),
        options.maxBatch!,
        sameShapeGroups,
      );
    }
  }

  get timeoutMs(): number {
    return this.client.timeoutMs;
  }

  /** The headers every fetch of the operation carries (the identity is signed when it is sent). */
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // The subgraph's own log can then be matched with the gateway's and the client's report.
    const requestId = options.context.requestId;
    if (requestId) options.request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    for (const observer of this.observers) {
      const headers = observer.headers?.(options.context) ?? {};
      for (const [name, value] of Object.entries(headers)) {
        options.request.http?.headers.set(name, value);
      }
    }
  }

  /** Apollo's `process`, with the request sent by the subgraph's client instead of its fetcher. */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    const response = await this.answer(options);
    if (options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION) {
      const seconds = (performance.now() - started) / 1000;
      for (const o of this.observers) {
        o.fetched?.({ subgraph: this.name, seconds, result: response });
      }
    }
    return response;
  }

  private async answer(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const headers = new Headers();
    for (const [name, value] of request.http?.headers ?? []) headers.append(name, value);
    headers.set('content-type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers };
    this.willSendRequest(options);
    if (!request.query) throw new Error('Missing query');

    const incoming = options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION;
    // A client's queries only: a mutation's fetches keep their order and go one by one.
    const query = incoming && isRetryable(request.query);
    const fetch: OutgoingFetch = {
      body: requestBody(request),
      query: request.query,
      headers: Object.fromEntries(headers),
      context,
    };
    let response: GatewayGraphQLResponse;
    // What this fetch allows of the whole response's caching; nothing, unless the subgraph says.
    let cacheControl: string | undefined;
    try {
      const reply =
        this.batcher && query && this.batchesAccepted
          ? await this.batcher.add(batchKey(fetch), fetch)
          : await this.sendAlone(fetch, query);
      response = reply.answer as GatewayGraphQLResponse;
      cacheControl = reply.cacheControl;
    } catch (error) {
      if (!(error instanceof SubgraphFetchError)) throw error;
      // An open circuit is logged once, when it opens; not again for every fetch it refuses.
      if (error.code !== SubgraphErrorCode.SUBGRAPH_CIRCUIT_OPEN) {
        this.log(
          `request ${context.requestId ?? '-'}: ${this.name} subgraph at ${this.url} ${error.detail}`,
          'warn',
        );
      }
      // Health checks and schema loading want the failure itself.
      if (!incoming) throw error;
      response = { errors: [{ message: error.message, extensions: { code: error.code } }] };
    }
    if (!incoming) return response;
    // As stock RemoteGraphQLDataSource does (honorSubgraphCacheControlHeader), whose fetch this
    // replaces: each fetch restricts the operation's cache policy by its subgraph's header, so a
    // response is cacheable only as far as every part of it is (gateway/plugins/response-cache).
    const policy = options.incomingRequestContext.overallCachePolicy;
    if (policy && 'restrict' in policy) policy.restrict(subgraphCacheHint(cacheControl));
    return withFieldPaths(response, options);
  }

  private async sendAlone(fetch: OutgoingFetch, retryable: boolean): Promise<SubgraphReply> {
    const { context } = fetch;
    const headers = await this.signed(fetch.headers, fetch.body, context);
    return this.client.send(fetch.body, headers, { retryable, deadline: context.deadline });
  }

  /**
   * Queries of one caller sent here in one turn, of operations of one shape (sameShapeGroups):
   * alone when there is one, else in one batch (the subgraph runs them with one context, so its
   * DataLoaders serve them all together), each distinct body once.
   */
  private async sendTogether(fetches: OutgoingFetch[]): Promise<SubgraphReply[]> {
    const together = sharedFetch(fetches);
    const { context } = together;
    const distinct = [...new Set(fetches.map((f) => f.body))];
    if (distinct.length === 1) {
      const reply = await this.sendAlone(together, true);
      return fetches.map((_, i) =>
        i === 0 ? reply : { ...reply, answer: structuredClone(reply.answer) },
      );
    }
    // Signed over the very bytes `sendBatch` sends: the identity header is bound to their hash.
    const headers = await this.signed(together.headers, batchBody(distinct), context);
    // One Cache-Control for the batch, which the subgraph restricted by each of its operations.
    const { answer: answers, cacheControl } = await this.client.sendBatch(distinct, headers, {
      retryable: true,
      deadline: context.deadline,
    });
    if (!answers) {
      // A subgraph server that takes no batches (Apollo Server's default): these fetches go
      // alone, and so do all later ones to it.
      if (this.batchesAccepted) {
        this.batchesAccepted = false;
        this.log(
          `the ${this.name} subgraph refused a batch of ${distinct.length} queries: sending them one by one from now on (let it take batches, or set SUBGRAPH_MAX_BATCH=0)`,
          'warn',
        );
      }
      return Promise.all(fetches.map((f) => this.sendAlone(f, true)));
    }
    const byBody = new Map(distinct.map((body, i) => [body, answers[i]]));
    const seen = new Set<string>();
    return fetches.map((f) => {
      const answer = byBody.get(f.body)!;
      if (seen.has(f.body)) return { answer: structuredClone(answer), cacheControl };
      seen.add(f.body);
      return { answer, cacheControl };
    });
  }

  /** The headers with the request's identity signed over `body`, the bytes the subgraph gets. */
  private async signed(
    headers: Record<string, string>,
    body: string,
    context: GatewayContext,
  ): Promise<Record<string, string>> {
    if (!this.signer) return headers;
    const identity = context.identity ?? ANONYMOUS_IDENTITY;
    return { ...headers, [IDENTITY_HEADER]: await this.signer.sign(identity, this.name, body) };
  }
}

/** W3C trace context: `version-traceid-spanid-flags`; the span differs from fetch to fetch. */
const TRACEPARENT = 'traceparent';

/**
 * Which fetches may share a batch: those of the same caller (the identity signed into the batch is
 * theirs alike; the subgraph applies its rules to it once for all), of the same trace (one trace
 * per batch: with tracing on, only one operation's fetches), whose other headers agree, and whose
 * operations have the same time budget and started in the same second, so that the batch, bound
 * by the latest of their deadlines, overruns none by more than that second. Never two identities:
 * the subgraph would answer one with the other's rows.
 */
export function batchKey({ headers, context }: OutgoingFetch): string {
  const identity = context.identity ?? ANONYMOUS_IDENTITY;
  const shared = Object.entries(headers).filter(
    ([name]) => name !== REQUEST_ID_HEADER && name !== TRACEPARENT,
  );
  const deadline = context.deadline;
  return JSON.stringify([
    identity.kind,
    identity.sub,
    identity.uscc ?? null,
    [...identity.scopes].sort(),
    headers[TRACEPARENT]?.split('-')[1] ?? null,
    shared.sort(([a], [b]) => (a < b ? -1 : 1)),
    deadline ? [deadline.budgetMs, Math.floor(deadline.at / 1000)] : null,
  ]);
}

/**
 * Which of one caller's fetches of one turn go in one batch, as indexes into `fetches`: one
 * operation's always together; two operations together only when they send the same queries (the
 * same step of the same kind of operation, such as concurrent pictures). The subgraph answers a
 * batch when its last operation is done, so a picture's lookup must not wait on an export's page.
 */
export function sameShapeGroups(fetches: OutgoingFetch[]): number[][] {
  const byOperation = new Map<GatewayContext, number[]>();
  fetches.forEach((f, i) => {
    const indexes = byOperation.get(f.context);
    if (indexes) indexes.push(i);
    else byOperation.set(f.context, [i]);
  });
  const byShape = new Map<string, number[]>();
  for (const indexes of byOperation.values()) {
    const shape = JSON.stringify([...new Set(indexes.map((i) => fetches[i].query))].sort());
    const group = byShape.get(shape);
    if (group) group.push(...indexes);
    else byShape.set(shape, indexes);
  }
  return [...byShape.values()];
}

/**
 * The one request a batch's fetches go out as: their shared headers, with every request id it
 * serves (space-separated: each request's log lines at the subgraph can be found by its id), and
 * the context of the fetch with the latest deadline (the same caller's).
 */
function sharedFetch(fetches: OutgoingFetch[]): OutgoingFetch {
  let latest = fetches[0];
  for (const f of fetches) {
    if ((f.context.deadline?.at ?? Infinity) > (latest.context.deadline?.at ?? Infinity))
      latest = f;
  }
  const ids = [...new Set(fetches.map((f) => f.headers[REQUEST_ID_HEADER]).filter(Boolean))];
  const headers = { ...fetches[0].headers };
  if (ids.length) headers[REQUEST_ID_HEADER] = ids.join(' ');
  return { ...fetches[0], headers, context: latest.context };
}

/**
 * The JSON a subgraph receives: the query first, then the rest of the request but its `http`, as
 * RemoteGraphQLDataSource serialises it (the identity header is signed over these very bytes).
 */
function requestBody(request: GraphQLDataSourceProcessOptions<GatewayContext>['request']): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { query, http, ...rest } = request;
  return JSON.stringify({ query, ...rest });
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
