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
import { ephemeralSigner, IdentitySigner } from './identity-signer';
import { authenticationPlugin, requestIdentity } from './plugins/authentication';
import { corsPlugin } from './plugins/cors';
import { explorerPlugin } from './plugins/explorer';
import type { GatewayPlugin } from './plugins/gateway-plugin';
import { healthPlugin } from './plugins/health';
import { identityKeysPlugin } from './plugins/identity-keys';
import { readinessPlugin } from './plugins/readiness';
import { assignRequestId, currentRequestId, requestIdScope } from './request-id';
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
  /** Abort a subgraph fetch after this long (ms); 10 s by default. */
  subgraphTimeoutMs?: number;
  /** Query preloaded in the explorer; the full picture of a shipment by default. */
  explorerQuery?: string;
  /** AWB preloaded in the explorer's variables. */
  explorerAwb?: string;
  /** Browser origins allowed to call `/graphql` (CORS); `*` for any. */
  corsOrigins?: string[];
  /** How clients' bearer tokens are checked; without a secret or JWKS URL every token is refused. */
  authentication?: TokenVerifierOptions;
  /** Signs the identity header to subgraphs; a key of the process's own by default. */
  signer?: IdentitySigner;
  /** More plugins, composed after the built-in ones. */
  plugins?: GatewayPlugin[];
  log?: (msg: string) => void;
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
  const log = options.log ?? ((msg: string) => console.log(msg));
  // An agency's gateway calls nothing outside its network unless an operator asks:
  // @apollo/gateway reports usage to Apollo hourly and probes cloud metadata at start unless this
  // is set. An operator who wants that sets APOLLO_TELEMETRY_DISABLED to an empty value.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const source = new SupergraphSource({
    supergraphSdl: options.supergraphSdl,
    supergraphFile: options.supergraphFile,
    subgraphUrls: options.subgraphUrls,
    log,
  });
  const signer = options.signer ?? ephemeralSigner();
  const plugins: GatewayPlugin[] = [
    healthPlugin(),
    readinessPlugin(() => source.subgraphs()),
    corsPlugin(options.corsOrigins ?? ['*']),
    authenticationPlugin(new TokenVerifier(options.authentication ?? {})),
    identityKeysPlugin(signer),
    explorerPlugin({ query: options.explorerQuery, awb: options.explorerAwb }),
    ...(options.plugins ?? []),
  ];

  const gateway = new ApolloGateway({
    supergraphSdl: source,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        name,
        url: source.urlOf(name, url ?? ''),
        timeoutMs: options.subgraphTimeoutMs,
        log,
        signer,
      }),
  });

  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
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
    ...plugins.flatMap((p) => p.graphqlMiddleware ?? []),
    express.json({ limit: '1mb' }),
    requestIdScope(),
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        requestId: res.locals.requestId as string,
        identity: requestIdentity(res),
      }),
    }),
  );
  app.use(jsonHttpErrors(log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
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
    stop: () => apollo.stop(),
  };
}
