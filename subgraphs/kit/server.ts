import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  ApolloServer,
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestListener,
} from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import {
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  isObjectType,
  isInterfaceType,
} from 'graphql';
import { Database } from './database';
import { stringFromEnv } from './env';
import { ErrorCode } from './errors';
import { IdentityHeaderVerifier, keepRawBody, verifyIdentityHeader } from './identity-header';
import { refusedInput } from './input-field';
import type { Log } from './logger';
import { subgraphMetrics } from './metrics';
import { requestIdOf } from './request-id';
import { requestLogPlugin } from './request-log';
import { traceRequests } from './tracing';
import {
  jsonRequestErrors,
  SubgraphRequestLimits,
  subgraphLimitsFromEnv,
  withinRequestLimits,
} from './request-limits';

export interface SubgraphServerOptions<C extends BaseContext> {
  /** The agency's name, used in logs and `/health`. */
  name: string;
  schema: GraphQLSchema;
  db: Database;
  /** Builds the per-request context: fresh DataLoaders for every request. */
  createContext: (req: express.Request) => C | Promise<C>;
  /** Verifies the gateway's identity header; without one, every request is anonymous. */
  identity?: IdentityHeaderVerifier;
  port?: number;
  host?: string;
  log?: Log;
  /** Bounds on one request's body and document; `SUBGRAPH_MAX_*` or their defaults otherwise. */
  limits?: SubgraphRequestLimits;
  /** Schema introspection; `INTROSPECTION`, or Apollo's default (on unless NODE_ENV=production). */
  introspection?: boolean;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  /**
   * Refuses new connections, lets the requests in flight finish (those still running after 10 s
   * are cut), and resolves: at once when nothing is in flight.
   */
  stop(): Promise<void>;
}

/**
 * A subgraph's HTTP server: GraphQL at `/graphql`, liveness and database readiness at `/health`,
 * Prometheus metrics at `/metrics`; each request traced (when tracing is on) and its log lines
 * carrying the gateway's request id.
 * Unexpected errors reach the client as INTERNAL_SERVER_ERROR without internals; the full error is
 * logged here.
 */
export async function startSubgraphServer<C extends BaseContext>(
  options: SubgraphServerOptions<C>,
): Promise<RunningSubgraph> {
  const log: Log = options.log ?? ((msg: string) => console.log(msg));
  const app = express();
  // Express hashes every response body for an ETag: a GraphQL POST is never revalidated, so the
  // hash (SHA-1 over a whole page of pictures) is CPU spent for nothing.
  app.set('etag', false);
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);
  const metrics = subgraphMetrics(options.name, options.db);
  const internalErrors = maskInternalErrors(options.name, log);
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? introspectionFromEnv(),
    // Our entry points stop on SIGINT/SIGTERM in their own order (server, pool, database). Apollo's
    // own handlers would race them: a second stop() during its first never resolves (the first
    // never releases the barrier it waits on), so the process lingered until its pools timed out.
    stopOnTerminationSignals: false,
    // The gateway sends the fetches one plan step makes to this subgraph as one JSON array: they
    // share one context, so its DataLoaders batch their reads into one SQL statement per kind.
    allowBatchedHttpRequests: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin, on by default, wraps every field's resolver to gather
      // hints: with no @cacheControl in the schema it only costs (a profiled share of every
      // subgraph request). A schema that gives hints keeps it.
      ...(declaresCacheHints(options.schema) ? [] : [ApolloServerPluginCacheControlDisabled()]),
      metrics.apolloPlugin,
      internalErrors.plugin,
      ...(log.debugEnabled ? [requestLogPlugin(log)] : []),
    ],
    formatError: (formatted, error) => internalErrors.format(formatted, error),
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    try {
      await options.db.query('SELECT 1');
      res.json({ status: 'ok', subgraph: options.name });
    } catch (err) {
      res
        .status(503)
        .json({ status: 'unavailable', subgraph: options.name, reason: (err as Error).message });
    }
  });
  app.get('/metrics', metrics.route);
  app.use(
    '/graphql',
    // Bounded work per request, refused before Apollo parses and validates. The raw body is
    // kept: the identity header is bound to its hash.
    ...withinRequestLimits(options.limits ?? subgraphLimitsFromEnv(), keepRawBody),
    traceRequests(options.name),
    ...(options.identity ? [verifyIdentityHeader(options.identity)] : []),
    expressMiddleware(apollo, { context: async ({ req }) => options.createContext(req) }),
  );
  app.use(jsonRequestErrors(options.name, log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    name: options.name,
    port,
    url: `http://${host}:${port}/graphql`,
    stop: async () => {
      await apollo.stop();
      metrics.close();
    },
  };
}

/** True when any type or field of the schema carries `@cacheControl`. */
export function declaresCacheHints(schema: GraphQLSchema): boolean {
  const hinted = (node?: { directives?: readonly { name: { value: string } }[] } | null) =>
    node?.directives?.some((d) => d.name.value === 'cacheControl') ?? false;
  return Object.values(schema.getTypeMap()).some(
    (type) =>
      hinted(type.astNode) ||
      ((isObjectType(type) || isInterfaceType(type)) &&
        Object.values(type.getFields()).some((field) => hinted(field.astNode))),
  );
}

function introspectionFromEnv(): boolean | undefined {
  const raw = stringFromEnv('INTROSPECTION');
  if (raw === undefined) return undefined;
  if (raw !== 'true' && raw !== 'false') {
    throw new Error(`INTROSPECTION must be true or false, got "${raw}"`);
  }
  return raw === 'true';
}

/**
 * What a client sees of an error: bad input named like the resolvers name it (`refusedInput`), the
 * catalogue's errors as they are, anything unexpected masked and logged in full. The log line is
 * written where the request is known (`didEncounterErrors`), so that it carries the request id;
 * Apollo's `formatError` knows only the error, and logs an error no plugin saw (a context that
 * could not be made).
 */
function maskInternalErrors(
  subgraph: string,
  log: Log,
): {
  plugin: ApolloServerPlugin;
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
} {
  const logged = new WeakSet<object>();
  const logOnce = (error: unknown, original: unknown, requestId?: string) => {
    if (typeof error === 'object' && error !== null) {
      if (logged.has(error)) return;
      logged.add(error);
    }
    const detail = (original as Error)?.stack ?? String(original);
    log(`[${subgraph}] internal error: ${detail}`, 'error', requestId);
  };
  const hooks: GraphQLRequestListener<BaseContext> = {
    async didEncounterErrors({ errors, request }) {
      const requestId = requestIdOf(request.http?.headers);
      for (const error of errors) {
        const original = maskedOriginal(error.toJSON(), error);
        if (original !== undefined) logOnce(error, original, requestId);
      }
    },
  };
  return {
    plugin: { requestDidStart: async () => hooks },
    format(formatted, error) {
      const refused = refusedInput(formatted, error);
      if (refused) return refused;
      const original = maskedOriginal(formatted, error);
      if (original === undefined) return formatted;
      logOnce(error, original);
      return {
        message: `internal error in the ${subgraph} subgraph`,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    },
  };
}

/** The error behind one a client must not see (anything outside the catalogue); else undefined. */
function maskedOriginal(formatted: GraphQLFormattedError, error: unknown): unknown {
  if (refusedInput(formatted, error)) return undefined;
  const code = formatted.extensions?.code;
  if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) return undefined;
  return (error as GraphQLError)?.originalError ?? error;
}
