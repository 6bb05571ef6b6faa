import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from './database';

/**
 * The process's own metrics (CPU, memory, event-loop lag, GC), collected once per process: they
 * are the same for every server in it, and each collection keeps observers of its own alive.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Seconds: from a loader's one indexed statement to a page over a cold cache. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * Operation names are whatever a caller sends (the gateway's are `Picture__customs__0` and the
 * like, but a subgraph can be reached directly): the first `max` well-formed names are kept, any
 * other counts under `other`, so the series a subgraph keeps stay bounded.
 */
class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(
    private readonly max: number,
    private readonly shape: RegExp,
  ) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (!this.shape.test(value) || this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}

const MAX_OPERATION_NAMES = 200;
const MAX_ERROR_CODES = 50;

export interface SubgraphMetrics {
  /** This server's registry: one per server, so that servers in one process never collide. */
  registry: Registry;
  /** `GET /metrics`. */
  route: RequestHandler;
  /** Counts and times operations and their errors. */
  apolloPlugin: ApolloServerPlugin;
  /** Stops observing the database (the server is stopping). */
  close(): void;
}

/**
 * A subgraph's Prometheus metrics: operations (count, latency, outcome) and errors by code, its
 * pool's clients (total, idle, waiting) and the latency of its statements, and the process's own.
 * Every series carries `subgraph`.
 */
export function subgraphMetrics(subgraph: string, db: Database): SubgraphMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ subgraph });
  const requests = new Counter({
    name: 'tradegraph_subgraph_requests_total',
    help: 'GraphQL operations answered, by operation name and outcome (ok, partial, error)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'tradegraph_subgraph_request_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name and outcome',
    labelNames: ['operation', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'tradegraph_subgraph_errors_total',
    help: 'Errors in the answers, by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  new Gauge({
    name: 'tradegraph_db_pool_clients',
    help: 'Connection pool: clients open (total), open and idle (idle), callers waiting for one (waiting)',
    labelNames: ['state'],
    registers: [registry],
    // Read when scraped: the pool keeps the counts itself.
    collect() {
      this.set({ state: 'total' }, db.pool.totalCount);
      this.set({ state: 'idle' }, db.pool.idleCount);
      this.set({ state: 'waiting' }, db.pool.waitingCount);
    },
  });
  const statementSeconds = new Histogram({
    name: 'tradegraph_db_statement_duration_seconds',
    help: 'Time of a SQL statement, by outcome (ok, error)',
    labelNames: ['outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const stopObserving = db.observeStatements((seconds, ok) =>
    statementSeconds.observe({ outcome: ok ? 'ok' : 'error' }, seconds),
  );

  const operations = new BoundedLabel(MAX_OPERATION_NAMES, /^[_A-Za-z][_0-9A-Za-z]{0,63}$/);
  const codes = new BoundedLabel(MAX_ERROR_CODES, /^[A-Z][A-Z0-9_]{0,63}$/);
  const apolloPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : {};
          const name = !operation
            ? 'invalid'
            : operationName
              ? operations.of(operationName)
              : 'anonymous';
          const outcome = !body.errors?.length
            ? 'ok'
            : body.data === undefined || body.data === null
              ? 'error'
              : 'partial';
          requests.inc({ operation: name, outcome });
          requestSeconds.observe(
            { operation: name, outcome },
            (performance.now() - started) / 1000,
          );
          for (const error of body.errors ?? []) {
            const code = error.extensions?.code;
            errors.inc({ code: typeof code === 'string' ? codes.of(code) : 'none' });
          }
        },
      };
    },
  };

  return {
    registry,
    route: async (_req, res) => {
      // The process's metrics first, then this server's: one exposition, names never shared.
      const text = (await processMetrics().metrics()) + (await registry.metrics());
      res.set('content-type', registry.contentType).send(text);
    },
    apolloPlugin,
    close: stopObserving,
  };
}
