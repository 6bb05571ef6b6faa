import { CircuitBreaker, CircuitState } from '../../gateway/subgraph-client/circuit-breaker';
import { deadlineIn, remainingMs } from '../../gateway/subgraph-client/deadline';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  isRetryable,
} from '../../gateway/subgraph-client/retry';

/** The subgraph client's rules on their own, on a clock the test moves. */
describe('the circuit breaker', () => {
  let now: number;
  let changes: CircuitState[];
  const breaker = () => {
    changes = [];
    return new CircuitBreaker({
      failureThreshold: 3,
      coolDownMs: 1000,
      now: () => now,
      onStateChange: (s) => changes.push(s),
    });
  };
  beforeEach(() => (now = 0));

  it('opens after the threshold of consecutive failures only', () => {
    const b = breaker();
    b.onFailure();
    b.onFailure();
    b.onSuccess(); // a success in between starts the count again
    b.onFailure();
    b.onFailure();
    expect(b.state).toBe('closed');
    b.onFailure();
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
    expect(b.retryAfterMs()).toBe(1000);
  });

  it('lets one probe through after the cool-down, and closes when it succeeds', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.onFailure();
    now = 999;
    expect(b.tryAcquire()).toBe(false);
    now = 1000;
    expect(b.tryAcquire()).toBe(true);
    expect(b.state).toBe('half-open');
    expect(b.tryAcquire()).toBe(false); // one probe at a time
    b.onSuccess();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('opens again for a whole cool-down when the probe fails', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.onFailure();
    now = 1500;
    expect(b.tryAcquire()).toBe(true);
    b.onFailure();
    expect(b.state).toBe('open');
    expect(b.retryAfterMs()).toBe(1000);
    expect(changes).toEqual(['open', 'half-open', 'open']);
  });

  it('frees the probe slot when the probe ends saying nothing of the subgraph', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.onFailure();
    now = 1000;
    expect(b.tryAcquire()).toBe(true);
    b.onNeutral();
    expect(b.state).toBe('half-open');
    expect(b.tryAcquire()).toBe(true);
  });
});

describe('retries', () => {
  it('back off exponentially up to a ceiling, with full jitter', () => {
    const policy = { retries: 5, baseDelayMs: 50, maxDelayMs: 300 };
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, top))).toEqual([
      49, 99, 199, 299, 299,
    ]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(DEFAULT_RETRY_POLICY.retries).toBe(2);
  });

  it('are for queries, never mutations', () => {
    expect(isRetryable('{ airports { iataCode } }')).toBe(true);
    expect(isRetryable('query Q__airports__0 { airports { iataCode } }')).toBe(true);
    expect(isRetryable('query($r:[_Any!]!){_entities(representations:$r){__typename}}')).toBe(true);
    expect(
      isRetryable('mutation($input:SetFacilityStatusInput!){setFacilityStatus(input:$input){id}}'),
    ).toBe(false);
    expect(isRetryable('  mutation Name { x }')).toBe(false);
  });
});

describe('the request deadline', () => {
  it('counts down from the budget, and is endless when there is none', () => {
    const deadline = deadlineIn(500, 1000);
    expect(remainingMs(deadline, 1200)).toBe(300);
    expect(remainingMs(deadline, 1600)).toBe(-100);
    expect(remainingMs(undefined)).toBe(Infinity);
  });
});
