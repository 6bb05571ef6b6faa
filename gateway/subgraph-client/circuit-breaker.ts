/** Where a subgraph's circuit stands: `closed` lets fetches through, `open` refuses them. */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures (transport, timeout, 5xx) that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses fetches before it lets one probe through (ms). */
  coolDownMs: number;
  /** Told each time the state changes, for the log. */
  onStateChange?: (state: CircuitState) => void;
  /** The clock; the tests' own when they want one. */
  now?: () => number;
}

/**
 * One subgraph's circuit breaker. After `failureThreshold` consecutive failures it opens: fetches
 * are refused at once (no socket, no wait for a timeout) for `coolDownMs`, so a dead agency costs
 * its fields nothing but an error, and the subgraph coming back up is not met by the whole
 * backlog. Then one fetch goes through as a probe (half-open): its success closes the circuit, its
 * failure opens it for another cool-down. Only the subgraph client tells it of failures, and only
 * of those that say the subgraph is unwell, never of a GraphQL error a client's input caused.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    return this.current;
  }

  /** Milliseconds until an open circuit lets a probe through; 0 when not open. */
  retryAfterMs(): number {
    if (this.current !== 'open') return 0;
    return Math.max(0, this.openedAt + this.options.coolDownMs - this.now());
  }

  /**
   * Whether a fetch may go now. True for an open circuit past its cool-down, which becomes
   * half-open with this fetch as its one probe: the caller must report its outcome.
   */
  tryAcquire(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (this.retryAfterMs() > 0) return false;
      this.transition('half-open');
    }
    if (this.probing) return false;
    this.probing = true;
    return true;
  }

  /** The subgraph answered (a GraphQL response, errors or not). */
  onSuccess(): void {
    this.failures = 0;
    this.probing = false;
    if (this.current !== 'closed') this.transition('closed');
  }

  /** The subgraph failed: unreachable, too slow, or a 5xx that is not a GraphQL answer. */
  onFailure(): void {
    this.probing = false;
    this.failures += 1;
    if (this.current === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.now();
      if (this.current !== 'open') this.transition('open');
    }
  }

  /** A fetch that was let through but ended without telling anything of the subgraph's health. */
  onNeutral(): void {
    this.probing = false;
  }

  private transition(state: CircuitState): void {
    this.current = state;
    this.options.onStateChange?.(state);
  }
}
