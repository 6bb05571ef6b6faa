import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerPlugin, PersistedQueryOptions } from '@apollo/server';
import type { RequestHandler, Router } from 'express';
import type { SubgraphFetchObserver } from '../subgraph-fetch-observer';

/**
 * One cross-cutting concern of the gateway (readiness, CORS, the explorer; later authentication,
 * limits, metrics, tracing), in the spirit of Hive Gateway's plugins. Each contributes through
 * any of three seams; the server composes them in the order it lists them.
 */
export interface GatewayPlugin {
  /** For logs and error messages. */
  name: string;
  /** Routes of its own beside `/graphql` (e.g. `/ready`, `/metrics`), mounted at the root. */
  routes?: Router;
  /**
   * Run on every `/graphql` request, in plugin order, before its body is parsed and Apollo sees
   * it: CORS, authentication, rate limits.
   */
  graphqlMiddleware?: RequestHandler[];
  /**
   * Run on every `/graphql` request after its body is parsed, right before Apollo: what they
   * start with `AsyncLocalStorage` (a trace context) stays active through the whole operation,
   * subgraph fetches included. Stream callbacks of the body parser would leave such a scope.
   */
  operationScope?: RequestHandler[];
  /** Sees each subgraph fetch of an operation: timing, outcome, headers to add. */
  subgraphFetchObservers?: SubgraphFetchObserver[];
  /** Apollo Server plugins, for the operation's lifecycle: cost limits, metrics, tracing. */
  apolloPlugins?: ApolloServerPlugin[];
  /**
   * Wraps the executor that plans and runs each validated operation, in plugin order (the first
   * plugin's wrapper runs first): the seam for what must change the operation before it is
   * planned, such as field authorization. The query plan cache keys on the `queryHash` the
   * wrapper passes on, so a wrapper that changes the document passes that document's hash.
   */
  wrapExecutor?: (next: GatewayExecutor) => GatewayExecutor;
  /**
   * Apollo Server's persisted-query protocol: the cache its hashes resolve in, or `false` to turn
   * it off. The first plugin that gives it decides; without one, Apollo's in-memory default.
   */
  persistedQueries?: PersistedQueryOptions | false;
}

/** What `ApolloGateway.load()` hands Apollo Server: runs one validated operation. */
export type GatewayExecutor = NonNullable<Awaited<ReturnType<ApolloGateway['load']>>['executor']>;
