import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { clientError } from './client-errors';
import { jsonHttpErrors } from './http-errors';
import type { Log } from './logger';
import { ephemeralSigner, IdentitySigner } from './identity-signer';
import { authenticationPlugin, requestIdentity } from './plugins/authentication';
import { authorizationPlugin } from './plugins/authorization';
import { corsPlugin } from './plugins/cors';
import { withExecutorWrappers } from './plugins/executor-wrappers';
import { explorerPlugin } from './plugins/explorer';
import {
  DEFAULT_DEMAND_CONTROL,
  demandControlPlugin,
  DemandControlOptions,
} from './plugins/demand-control';
import type { GatewayPlugin } from './plugins/gateway-plugin';
import {
  DEFAULT_REQUEST_LIMITS,
  operationLimitsPlugin,
  RequestLimits,
} from './plugins/operation-limits';
import { healthPlugin } from './plugins/health';
import { metricsPlugin } from './plugins/metrics';
import { identityKeysPlugin } from './plugins/identity-keys';
import {
  PersistedOperationsOptions,
  persistedOperationsPlugin,
} from './plugins/persisted-operations';
import { rateLimitPlugin } from './plugins/rate-limit';
import { readinessPlugin } from './plugins/readiness';
import {
  DEFAULT_RESPONSE_CACHE,
  responseCachePlugin,
  ResponseCacheOptions,
} from './plugins/response-cache';
import { requestLogPlugin } from './plugins/request-log';
import { tracingPlugin } from './plugins/tracing';
import { DEFAULT_REQUEST_DEADLINE_MS, requestDeadlinePlugin } from './plugins/request-deadline';
import { assignRequestId, currentRequestId, requestIdScope } from './request-id';
import { DEFAULT_SUBGRAPH_MAX_BATCH, SubgraphClients } from './subgraph-client';
import { GatewayContext, SubgraphDataSource } from './subgraph-data-source';
import { SubgraphEndpoint, SupergraphSource } from './supergraph-source';
import { TokenVerifier, TokenVerifierOptions } from './token-verifier';

export type { GatewayPlugin } from './plugins/gateway-plugin';

export interface GatewayOptions {
  supergraphSdl: string;
  /** The file the supergraph came from: watched, and reloaded without a restart when it changes. */
  supergraphFile?: string;
  port?: number;
  host?: string;
  /** Per-subgraph URL overrides; by default read from `<NAME>_URL` in the environment. */
  subgraphUrls?: Record<string, string>;
  /** Abort a subgraph fetch after this long (ms); 3 s by default. */
  subgraphTimeoutMs?: number;
  /** A subgraph's own fetch time limit, by its name (ms). */
  subgraphTimeoutsMs?: Record<string, number>;
  /** The whole operation's time budget: no subgraph fetch is sent after it (ms). */
  requestDeadlineMs?: number;
  /** Further attempts for a query's subgraph fetch that failed for the subgraph's sake. */
  subgraphRetries?: number;
  /** Queries of one plan step to one subgraph sent as one batched request, at most this many. */
  subgraphMaxBatch?: number;
  /** Consecutive failures that open a subgraph's circuit. */
  breakerFailures?: number;
  /** How long an open circuit refuses fetches before a probe (ms). */
  breakerCoolDownMs?: number;
  /** For a supergraph from an http(s) URL: polled this often for a new version (ms). */
  supergraphUrl?: string;
  supergraphPollMs?: number;
  /** For a supergraph from a file: how often the file is looked at for a change (ms, 1000). */
  supergraphFilePollMs?: number;
  /** Query preloaded in the explorer; the full picture of a shipment by default. */
  explorerQuery?: string;
  /** AWB preloaded in the explorer's variables. */
  explorerAwb?: string;
  /** Browser origins allowed to call `/graphql` (CORS); `*` for any. */
  corsOrigins?: string[];
  /** Bounds on one request's body and document; `DEFAULT_REQUEST_LIMITS` for those not given. */
  limits?: Partial<RequestLimits>;
  /** Query cost budgets; `DEFAULT_DEMAND_CONTROL` for those not given. */
  demandControl?: Partial<DemandControlOptions>;
  /** Schema introspection (the explorer needs it); by default on unless NODE_ENV=production. */
  introspection?: boolean;
  /** How clients' bearer tokens are checked; without a secret or JWKS URL every token is refused. */
  authentication?: TokenVerifierOptions;
  /** Signs the identity header to subgraphs; a key of the process's own by default. */
  signer?: IdentitySigner;
  /** The Redis replicas share (persisted queries, rate limits); this replica's memory without. */
  redis?: { url: string; keyPrefix: string };
  /** Automatic persisted queries, the manifest's operations and the safelist. */
  persistedOperations?: Omit<PersistedOperationsOptions, 'redis' | 'log'>;
  /** Requests per minute per caller (identity, else address); off by default. */
  rateLimit?: { perMinute: number };
  /** The cache of public responses; on, in memory (Redis with `redis`), `DEFAULT_RESPONSE_CACHE`. */
  responseCache?: Partial<Omit<ResponseCacheOptions, 'redis' | 'log' | 'onLookup'>>;
  /** More plugins, composed after the built-in ones. */
  plugins?: GatewayPlugin[];
  log?: Log;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** The subgraphs of the supergraph now served, with the URLs the gateway uses. */
  subgraphs(): SubgraphEndpoint[];
  stop(): Promise<void>;
}

/**
 * The federation gateway: serves any supergraph. GraphQL at `/graphql`, the offline explorer at
 * `GET /`, liveness at `/health`, readiness at `/ready`. Stateless: run as many replicas as needed.
 * Each cross-cutting concern is a plugin (`plugins/`); this function only composes them.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log: Log = options.log ?? ((msg: string) => console.log(msg));
  // An agency's gateway calls nothing outside its network unless an operator asks:
  // @apollo/gateway reports usage to Apollo hourly and probes cloud metadata at start unless this
  // is set. An operator who wants that sets APOLLO_TELEMETRY_DISABLED to an empty value.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const source = new SupergraphSource({
    supergraphSdl: options.supergraphSdl,
    supergraphFile: options.supergraphFile,
    supergraphUrl: options.supergraphUrl,
    pollMs: options.supergraphPollMs,
    filePollMs: options.supergraphFilePollMs,
    subgraphUrls: options.subgraphUrls,
    log,
  });
  const metrics = metricsPlugin();
  const signer = options.signer ?? ephemeralSigner();
  // Kept across supergraph reloads: warm connections and circuit states outlive a data source.
  const clients = new SubgraphClients({
    timeoutMs: options.subgraphTimeoutMs,
    timeoutsMs: options.subgraphTimeoutsMs,
    retry: options.subgraphRetries === undefined ? undefined : { retries: options.subgraphRetries },
    breakerFailures: options.breakerFailures,
    breakerCoolDownMs: options.breakerCoolDownMs,
    log,
    onCircuitStateChange: metrics.circuitStateChanged,
  });
  const plugins: GatewayPlugin[] = [
    healthPlugin(),
    metrics,
    tracingPlugin(),
    ...(log.debugEnabled ? [requestLogPlugin(log)] : []),
    readinessPlugin(
      () => source.subgraphs(),
      () => clients.circuits(),
    ),
    requestDeadlinePlugin(options.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS),
    corsPlugin(options.corsOrigins ?? ['*']),
    authenticationPlugin(new TokenVerifier(options.authentication ?? {})),
    // Per identity, so after authentication; before the body is read, so a refusal costs little.
    rateLimitPlugin({ perMinute: 0, ...options.rateLimit, redis: options.redis, log }),
    persistedOperationsPlugin({ ...options.persistedOperations, redis: options.redis, log }),
    identityKeysPlugin(signer),
    explorerPlugin({ query: options.explorerQuery, awb: options.explorerAwb }),
    // Reads the body: every plugin that needs it comes after.
    operationLimitsPlugin({ ...DEFAULT_REQUEST_LIMITS, ...options.limits }),
    demandControlPlugin({ ...DEFAULT_DEMAND_CONTROL, ...options.demandControl }),
    // Apollo runs every check that may refuse an operation (limits, cost, safelist) before any
    // lookup: a hit skips only planning and fetches, whose field authorization its key stands for.
    responseCachePlugin({
      ...DEFAULT_RESPONSE_CACHE,
      ...options.responseCache,
      redis: options.redis,
      log,
      onLookup: metrics.responseCacheLookup,
    }),
    ...(options.plugins ?? []),
    // Last: its executor wrapper runs right before planning, on the identity the others settled.
    authorizationPlugin({ requirements: () => source.accessRequirements() }),
  ];

  const gateway = new ApolloGateway({
    supergraphSdl: source,
    // A supergraph is composition's output (`npm run compose`, checked against the subgraphs by
    // the drift test), so the subgraphs extracted from it are not validated again: @apollo/gateway
    // skips that only when NODE_ENV is production, and every environment (tests included) runs
    // what production runs. A file that is not a supergraph is still refused at load.
    validateSupergraph: false,
    buildService: ({ name, url }) => {
      const target = source.urlOf(name, url ?? '');
      return new SubgraphDataSource({
        name,
        url: target,
        client: clients.clientFor(name, target),
        log,
        observers: plugins.flatMap((p) => p.subgraphFetchObservers ?? []),
        signer,
        maxBatch: options.subgraphMaxBatch ?? DEFAULT_SUBGRAPH_MAX_BATCH,
      });
    },
  });
  metrics.observeQueryPlanCache(gateway);

  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: withExecutorWrappers(gateway, plugins),
    includeStacktraceInErrorResponses: false,
    // Undefined leaves Apollo's default: on, unless NODE_ENV=production.
    introspection: options.introspection,
    persistedQueries: plugins.find((p) => p.persistedQueries !== undefined)?.persistedQueries,
    // main.ts stops on SIGINT/SIGTERM itself; Apollo's own handlers would race it, and a second
    // stop() during the first never resolves (the gateway lingered ~10 s on every stop).
    stopOnTerminationSignals: false,
    formatError: (formatted) => clientError(formatted, currentRequestId()),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ...plugins.flatMap((p) => p.apolloPlugins ?? []),
    ],
  });
  await apollo.start();

  for (const plugin of plugins) if (plugin.routes) app.use(plugin.routes);
  app.use(
    '/graphql',
    assignRequestId(),
    // The body is read by the operation-limits plugin, within its size limit.
    ...plugins.flatMap((p) => p.graphqlMiddleware ?? []),
    requestIdScope(),
    ...plugins.flatMap((p) => p.operationScope ?? []),
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        requestId: res.locals.requestId as string,
        identity: requestIdentity(res),
      }),
    }),
  );
  app.use(jsonHttpErrors((msg) => log(msg, 'error')));

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
    });
  } catch (err) {
    // A port in use: the started gateway (its supergraph watcher, its plugins) must not linger.
    await apollo.stop().catch(() => undefined);
    throw err;
  }
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  log(
    `gateway serving ${source
      .subgraphs()
      .map((s) => `${s.name}=${s.url}`)
      .join(' ')}`,
  );
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    subgraphs: () => source.subgraphs(),
    async stop() {
      await apollo.stop();
      await clients.close();
    },
  };
}
