import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import express from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CircuitState } from '../subgraph-client';
import type { SubgraphFetchResult } from '../subgraph-fetch-observer';
import type { GatewayPlugin } from './gateway-plugin';

/** The gauge's value of each state: alert on `> 0`. */
const CIRCUIT_STATE_VALUE: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };

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

/** Seconds: from a cached plan over a warm pool to the slowest subgraph's deadline. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Operation names are whatever clients send: each distinct one would be a new time series. The
 * first `max` names well-formed enough are kept as they are; any other counts under `other`, so
 * a client inventing names costs the registry at most `max` series per label.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(
    private readonly max: number,
    private readonly shape = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/,
  ) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (!this.shape.test(value) || this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}

export const MAX_OPERATION_NAMES = 200;
const MAX_ERROR_CODES = 50;

/** How a response ended: no errors, data with errors, or no data. */
export function outcomeOf(result: { data?: unknown; errors?: readonly unknown[] }): string {
  if (!result.errors?.length) return 'ok';
  return result.data === undefined || result.data === null ? 'error' : 'partial';
}

/**
 * How a subgraph fetch ended: `ok`, `graphql_error` (the subgraph answered with errors of its
 * own: bad input, a refused rule) or the gateway's code for a fetch without an answer
 * (`SUBGRAPH_TIMEOUT`, `SUBGRAPH_UNAVAILABLE`, `SUBGRAPH_CIRCUIT_OPEN`).
 */
export function fetchOutcomeOf(result: SubgraphFetchResult): string {
  if (!result.errors?.length) return 'ok';
  const code = result.errors
    .map((e) => e.extensions?.code)
    .find((c): c is string => typeof c === 'string' && c.startsWith('SUBGRAPH_'));
  return code ?? 'graphql_error';
}

export interface MetricsPlugin extends GatewayPlugin {
  /** This gateway's registry: one per gateway, so that servers in one process never collide. */
  registry: Registry;
  /** The subgraph client's circuit breaker reports each change of a subgraph's state here. */
  circuitStateChanged(subgraph: string, state: CircuitState): void;
  /** Counts hits and misses of the gateway's query-plan cache. */
  observeQueryPlanCache(gateway: ApolloGateway): void;
  /** The response cache reports each lookup here. */
  responseCacheLookup(result: 'hit' | 'miss'): void;
}

/**
 * Prometheus metrics at `GET /metrics`: operations (count, latency, outcome), the errors clients
 * got by code, subgraph fetches (latency and outcome by subgraph), circuit states, the query-plan
 * cache, and the process's own (CPU, memory, event-loop lag).
 */
export function metricsPlugin(): MetricsPlugin {
  const registry = new Registry();
  const requests = new Counter({
    name: 'tradegraph_gateway_requests_total',
    help: 'GraphQL operations answered, by operation name and outcome (ok, partial, error)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'tradegraph_gateway_request_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name and outcome',
    labelNames: ['operation', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'tradegraph_gateway_errors_total',
    help: 'Errors in the answers to clients, by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  const fetchSeconds = new Histogram({
    name: 'tradegraph_gateway_subgraph_fetch_duration_seconds',
    help: 'Time of a subgraph fetch, by subgraph and outcome (ok, graphql_error, SUBGRAPH_TIMEOUT, SUBGRAPH_UNAVAILABLE, SUBGRAPH_CIRCUIT_OPEN)',
    labelNames: ['subgraph', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const timeouts = new Counter({
    name: 'tradegraph_gateway_subgraph_timeouts_total',
    help: 'Subgraph fetches abandoned at their deadline, by subgraph',
    labelNames: ['subgraph'],
    registers: [registry],
  });
  const circuitState = new Gauge({
    name: 'tradegraph_gateway_circuit_state',
    help: "A subgraph's circuit breaker: 0 closed, 1 half-open, 2 open",
    labelNames: ['subgraph'],
    registers: [registry],
  });
  const queryPlans = new Counter({
    name: 'tradegraph_gateway_query_plan_cache_total',
    help: 'Query-plan cache lookups, by result (hit, miss)',
    labelNames: ['result'],
    registers: [registry],
  });

  const responseCache = new Counter({
    name: 'tradegraph_gateway_response_cache_total',
    help: 'Response-cache lookups of queries, by result (hit, miss)',
    labelNames: ['result'],
    registers: [registry],
  });

  const operations = new BoundedLabel(MAX_OPERATION_NAMES);
  const codes = new BoundedLabel(MAX_ERROR_CODES, /^[A-Z][A-Z0-9_]{0,63}$/);
  // Subgraph names come from the supergraph an operator deploys, not from clients.
  const subgraphs = new BoundedLabel(MAX_OPERATION_NAMES);

  const apolloPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : {};
          // An operation that did not parse or validate has no name worth a series of its own.
          const name = !operation
            ? 'invalid'
            : operationName
              ? operations.of(operationName)
              : 'anonymous';
          const outcome = outcomeOf(body);
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

  const routes = express.Router();
  routes.get('/metrics', async (_req, res) => {
    // The process's metrics first, then this server's: one exposition, names never shared.
    const text = (await processMetrics().metrics()) + (await registry.metrics());
    res.set('content-type', registry.contentType).send(text);
  });

  return {
    name: 'metrics',
    registry,
    routes,
    apolloPlugins: [apolloPlugin],
    subgraphFetchObservers: [
      {
        fetched({ subgraph, seconds, result }) {
          const outcome = fetchOutcomeOf(result);
          const label = subgraphs.of(subgraph);
          fetchSeconds.observe({ subgraph: label, outcome }, seconds);
          if (outcome === 'SUBGRAPH_TIMEOUT') timeouts.inc({ subgraph: label });
        },
      },
    ],
    responseCacheLookup(result) {
      responseCache.inc({ result });
    },
    circuitStateChanged(subgraph, state) {
      circuitState.set({ subgraph: subgraphs.of(subgraph) }, CIRCUIT_STATE_VALUE[state]);
    },
    observeQueryPlanCache(gateway) {
      // @apollo/gateway 2.14 keeps its plans in a private LRU cache and reports no hits: its
      // lookups are counted by wrapping the cache's `get`. A release that renames the field
      // leaves the counter at zero rather than break the gateway.
      const store = (gateway as unknown as { queryPlanStore?: PlanStore }).queryPlanStore;
      if (typeof store?.get !== 'function') return;
      const get = store.get.bind(store);
      store.get = async (key: string) => {
        const plan = await get(key);
        queryPlans.inc({ result: plan === undefined ? 'miss' : 'hit' });
        return plan;
      };
    },
  };
}

interface PlanStore {
  get(key: string): Promise<unknown>;
}
