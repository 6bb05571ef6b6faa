import { CircuitBreaker, CircuitState } from './circuit-breaker';
import { SubgraphPool } from './pool';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from './retry';
import { SubgraphClient } from './subgraph-client';

export { CircuitBreaker, type CircuitState } from './circuit-breaker';
export { deadlineIn, remainingMs, type RequestDeadline } from './deadline';
export { SubgraphErrorCode, SubgraphFetchError } from './errors';
export { FetchBatcher } from './fetch-batcher';
export { isRetryable } from './retry';
export {
  batchBody,
  SubgraphClient,
  type SubgraphAnswer,
  type SubgraphReply,
} from './subgraph-client';

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 3000;
export const DEFAULT_BREAKER_FAILURES = 5;
export const DEFAULT_BREAKER_COOLDOWN_MS = 2000;
/**
 * Queries of one plan step to one subgraph sent as one batched request: a full picture sends its
 * step of four airport lookups as one; well under the subgraphs' own limit (32).
 */
export const DEFAULT_SUBGRAPH_MAX_BATCH = 16;

export interface SubgraphClientSettings {
  /** A fetch's time limit for every subgraph (ms). */
  timeoutMs?: number;
  /** A subgraph's own time limit, by its name (`<NAME>_TIMEOUT_MS`). */
  timeoutsMs?: Record<string, number>;
  retry?: Partial<RetryPolicy>;
  /** Consecutive failures that open a subgraph's circuit. */
  breakerFailures?: number;
  /** How long an open circuit waits before a probe (ms). */
  breakerCoolDownMs?: number;
  log?: (msg: string) => void;
  /** Told each change of a subgraph's circuit (the metrics plugin's gauge). */
  onCircuitStateChange?: (subgraph: string, state: CircuitState) => void;
}

/**
 * The gateway's clients of its subgraphs, one per subgraph, kept across supergraph reloads: a
 * reload rebuilds Apollo's data sources, and must neither drop the warm connections nor forget
 * that a subgraph's circuit is open. A subgraph whose URL changes gets a new pool.
 */
export class SubgraphClients {
  private readonly clients = new Map<string, SubgraphClient>();
  private readonly pools = new Map<string, SubgraphPool>();
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly retry: RetryPolicy;

  constructor(private readonly settings: SubgraphClientSettings = {}) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...settings.retry };
  }

  /** The time limit of a fetch to the subgraph `name` (ms). */
  timeoutOf(name: string): number {
    return (
      this.settings.timeoutsMs?.[name] ?? this.settings.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS
    );
  }

  clientFor(name: string, url: string): SubgraphClient {
    const existing = this.clients.get(name);
    if (existing?.url === url) return existing;
    let pool = this.pools.get(url);
    if (!pool) this.pools.set(url, (pool = new SubgraphPool(url)));
    const client = new SubgraphClient(
      name,
      url,
      this.timeoutOf(name),
      pool,
      this.breakerOf(name),
      this.retry,
    );
    this.clients.set(name, client);
    return client;
  }

  /** Each subgraph's circuit as it stands, for `/ready`. */
  circuits(): Record<string, CircuitState> {
    return Object.fromEntries([...this.breakers].map(([name, b]) => [name, b.state]));
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
  }

  private breakerOf(name: string): CircuitBreaker {
    let breaker = this.breakers.get(name);
    if (!breaker) {
      const log = this.settings.log ?? (() => undefined);
      breaker = new CircuitBreaker({
        failureThreshold: this.settings.breakerFailures ?? DEFAULT_BREAKER_FAILURES,
        coolDownMs: this.settings.breakerCoolDownMs ?? DEFAULT_BREAKER_COOLDOWN_MS,
        onStateChange: (state) => {
          log(`${name} subgraph circuit ${state}`);
          this.settings.onCircuitStateChange?.(name, state);
        },
      });
      this.breakers.set(name, breaker);
    }
    return breaker;
  }
}
