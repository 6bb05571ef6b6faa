import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { explorerRouter } from './explorer/explorer';
import { jsonHttpErrors } from './http-errors';
import { subgraphsOf, urlOverride } from './subgraph-urls';

export interface GatewayOptions {
  supergraphSdl: string;
  /** The file the supergraph came from: watched, and reloaded without a restart when it changes. */
  supergraphFile?: string;
  port?: number;
  host?: string;
  /** Per-subgraph URL overrides; by default read from `<NAME>_URL` in the environment. */
  subgraphUrls?: Record<string, string>;
  /** Abort a subgraph fetch after this long (ms). */
  subgraphTimeoutMs?: number;
  /** AWB preloaded in the explorer's variables. */
  explorerAwb?: string;
  /** Browser origins allowed to call `/graphql` (CORS); `*` for any. */
  corsOrigins?: string[];
  log?: (msg: string) => void;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** The subgraphs of the supergraph now served, with the URLs the gateway uses. */
  subgraphs(): { name: string; url: string }[];
  stop(): Promise<void>;
}

type FetchInit = Parameters<typeof fetch>[1];

/**
 * The federation gateway: serves any supergraph. GraphQL at `/graphql`, the offline explorer at
 * `GET /`, liveness at `/health`. Stateless: run as many replicas as needed.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = options.log ?? ((msg: string) => console.log(msg));
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const resolveUrl = (name: string, url: string) =>
    options.subgraphUrls?.[name] ?? urlOverride(name) ?? url;
  const subgraphsIn = (sdl: string) =>
    subgraphsOf(sdl).map(({ name, url }) => ({ name, url: resolveUrl(name, url) }));
  let subgraphs = subgraphsIn(options.supergraphSdl);

  // Node's fetch with a deadline: @apollo/gateway has no per-subgraph timeout of its own.
  const fetcher = ((input: string, init?: FetchInit) =>
    fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never;

  const gateway = new ApolloGateway({
    supergraphSdl: async ({ update }) => {
      const file = options.supergraphFile;
      if (!file) return { supergraphSdl: options.supergraphSdl };
      // Polling survives editors and deploy tools that replace the file rather than write it.
      let current = options.supergraphSdl;
      watchFile(file, { interval: 1000 }, () => {
        let next: string;
        try {
          next = readFileSync(file, 'utf8');
        } catch (err) {
          log(`supergraph ${file} unreadable, keeping the one served: ${(err as Error).message}`);
          return;
        }
        if (next === current) return;
        try {
          update(next);
          current = next;
          subgraphs = subgraphsIn(next);
          log(`supergraph reloaded from ${file}`);
        } catch (err) {
          log(`supergraph ${file} rejected, keeping the one served: ${(err as Error).message}`);
        }
      });
      return { supergraphSdl: current, cleanup: async () => unwatchFile(file) };
    },
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({ url: resolveUrl(name, url ?? ''), fetcher }),
  });

  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer({
    gateway,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready when every subgraph answers its own /health (its database included): for load
  // balancers and orchestrators, which should not route to a gateway whose subgraphs are down.
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      subgraphs.map(async ({ name, url }) => {
        try {
          const health = await fetch(url.replace(/\/graphql$/, '/health'), {
            signal: AbortSignal.timeout(2000),
          });
          return { name, ready: health.ok };
        } catch {
          return { name, ready: false };
        }
      }),
    );
    const ready = checks.every((c) => c.ready);
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      subgraphs: Object.fromEntries(checks.map((c) => [c.name, c.ready ? 'ok' : 'unavailable'])),
    });
  });
  // Frontends on other origins call the API from browsers; Apollo's CSRF prevention still
  // refuses simple (non-JSON, header-less) cross-site requests.
  const origins = options.corsOrigins ?? ['*'];
  app.use(
    '/graphql',
    cors({ origin: origins.includes('*') ? true : origins, maxAge: 600 }),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo),
  );
  app.use(explorerRouter(options.explorerAwb ?? '999-31415926'));
  app.use(jsonHttpErrors(log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  log(`gateway serving ${subgraphs.map((s) => `${s.name}=${s.url}`).join(' ')}`);
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    subgraphs: () => subgraphs,
    stop: () => apollo.stop(),
  };
}
