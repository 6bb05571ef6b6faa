import { STATUS_CODES } from 'node:http';
import { CircuitBreaker } from './circuit-breaker';
import { RequestDeadline, remainingMs } from './deadline';
import { SubgraphErrorCode, SubgraphFetchError } from './errors';
import { SubgraphHttpResponse, SubgraphPool, TransportFailure } from './pool';
import { backoffDelayMs, RetryPolicy, sleep } from './retry';

/** A subgraph's answer that is GraphQL: data, errors or both, whatever its HTTP status. */
export interface SubgraphAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; [key: string]: unknown }[];
  extensions?: Record<string, unknown>;
}

/** A subgraph's answer, with what it said about caching it. */
export interface SubgraphReply<T = SubgraphAnswer> {
  answer: T;
  /**
   * Its `Cache-Control` header; undefined when it sent none (the answer is then uncacheable). A
   * batch has one for all its operations: Apollo Server restricts it by each of them.
   */
  cacheControl?: string;
}

export interface SendOptions {
  /** May the request be sent again after a failure (a query), or only once (a mutation)? */
  retryable: boolean;
  deadline?: RequestDeadline;
}

/** What became of one attempt, for the breaker and the retry loop. */
type Attempt<T> =
  | { ok: true; reply: SubgraphReply<T> }
  | {
      ok: false;
      error: SubgraphFetchError;
      /** The subgraph is unwell (unreachable, too slow, a 5xx): counts toward the breaker. */
      counts: boolean;
      /** Worth another attempt, if the request may be repeated. */
      retry: boolean;
    };

function isGraphQLErrorsBody(body: unknown): body is SubgraphAnswer {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((e) => typeof (e as { message?: unknown })?.message === 'string')
  );
}

/** The HTTP body of a batch: its operations' bodies as one JSON array, in their order. */
export function batchBody(bodies: readonly string[]): string {
  return `[${bodies.join(',')}]`;
}

/** Reads a parsed 2xx body as what was asked for; undefined when it is not that. */
type Reader<T> = (parsed: unknown) => T | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const oneAnswer: Reader<SubgraphAnswer> = (parsed) =>
  isObject(parsed) ? (parsed as SubgraphAnswer) : undefined;

/** A batch's answers, one per operation and in their order. */
const answersOf =
  (count: number): Reader<SubgraphAnswer[]> =>
  (parsed) =>
    Array.isArray(parsed) && parsed.length === count && parsed.every(isObject)
      ? (parsed as SubgraphAnswer[])
      : undefined;

const isJson = (contentType: string | undefined) =>
  !!contentType &&
  (contentType.startsWith('application/json') ||
    contentType.startsWith('application/graphql-response+json'));

/**
 * How the gateway calls one subgraph: over its keep-alive pool, within its timeout and the
 * operation's deadline, through its circuit breaker, retrying a query that failed for the
 * subgraph's sake (unreachable, a 5xx) with jittered backoff. A GraphQL answer is an answer,
 * whatever errors it holds and whatever its status: a client's bad input must not count against
 * the subgraph, or any client could open its circuit.
 */
export class SubgraphClient {
  constructor(
    readonly name: string,
    readonly url: string,
    readonly timeoutMs: number,
    private readonly pool: SubgraphPool,
    readonly breaker: CircuitBreaker,
    private readonly retry: RetryPolicy,
  ) {}

  /** The subgraph's GraphQL answer; a `SubgraphFetchError` when there is none. */
  send(
    body: string,
    headers: Record<string, string>,
    options: SendOptions,
  ): Promise<SubgraphReply> {
    return this.exchange(body, headers, options, oneAnswer, (answer) => answer);
  }

  /**
   * Several operations in one HTTP request (a JSON array of their bodies, as Apollo Server takes
   * batches), answered in their order; undefined when the subgraph answered the batch as a whole
   * (it refused it: batching disabled, or over its batch limit), having run none of it.
   */
  sendBatch(
    bodies: readonly string[],
    headers: Record<string, string>,
    options: SendOptions,
  ): Promise<SubgraphReply<SubgraphAnswer[] | undefined>> {
    return this.exchange<SubgraphAnswer[] | undefined>(
      batchBody(bodies),
      headers,
      options,
      answersOf(bodies.length),
      () => undefined,
    );
  }

  private async exchange<T>(
    body: string,
    headers: Record<string, string>,
    options: SendOptions,
    read: Reader<T>,
    whole: (errors: SubgraphAnswer) => T,
  ): Promise<SubgraphReply<T>> {
    const attempts = options.retryable ? 1 + this.retry.retries : 1;
    let last: SubgraphFetchError | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        const delay = backoffDelayMs(attempt - 1, this.retry);
        // A retry that would start after the deadline is not made: the last failure stands.
        if (remainingMs(options.deadline) <= delay) break;
        await sleep(delay);
      }
      const outcome = await this.attempt(body, headers, options.deadline, read, whole);
      if (outcome.ok) return outcome.reply;
      last = outcome.error;
      if (!outcome.retry) break;
    }
    throw last!;
  }

  private async attempt<T>(
    body: string,
    headers: Record<string, string>,
    deadline: RequestDeadline | undefined,
    read: Reader<T>,
    whole: (errors: SubgraphAnswer) => T,
  ): Promise<Attempt<T>> {
    const left = remainingMs(deadline);
    if (left <= 0)
      return { ok: false, error: this.deadlineExceeded(deadline!), counts: false, retry: false };
    if (!this.breaker.tryAcquire()) {
      const seconds = Math.max(1, Math.ceil(this.breaker.retryAfterMs() / 1000));
      const error = new SubgraphFetchError(
        SubgraphErrorCode.SUBGRAPH_CIRCUIT_OPEN,
        `the ${this.name} subgraph failed repeatedly and is not being called; try again in ${seconds} s`,
        `circuit open (not called)`,
      );
      return { ok: false, error, counts: false, retry: false };
    }
    // Bounded by the deadline too: the fetch is not waited for past the operation's time.
    const bounded = left < this.timeoutMs;
    let outcome: Attempt<T>;
    try {
      const response = await this.pool.post(
        body,
        headers,
        bounded ? Math.ceil(left) : this.timeoutMs,
      );
      outcome = this.interpret(response, read, whole);
    } catch (err) {
      if (!(err instanceof TransportFailure)) {
        // Not the subgraph's doing: free a probe slot rather than leave the circuit half-open.
        this.breaker.onNeutral();
        throw err;
      }
      outcome = this.transportFailure(err, bounded, deadline);
    }
    if (outcome.ok) this.breaker.onSuccess();
    else if (outcome.counts) this.breaker.onFailure();
    else this.breaker.onNeutral();
    return outcome;
  }

  private interpret<T>(
    response: SubgraphHttpResponse,
    read: Reader<T>,
    whole: (errors: SubgraphAnswer) => T,
  ): Attempt<T> {
    let parsed: unknown = response.body;
    if (isJson(response.contentType)) {
      try {
        parsed = JSON.parse(response.body);
      } catch {
        // Kept as text: described below as what it is.
      }
    }
    const ok = response.status >= 200 && response.status < 300;
    const { cacheControl } = response;
    if (isGraphQLErrorsBody(parsed)) {
      return { ok: true, reply: { answer: whole(parsed), cacheControl } };
    }
    const answer = ok ? read(parsed) : undefined;
    if (answer !== undefined) return { ok: true, reply: { answer, cacheControl } };
    const text = typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
    const serverError = response.status >= 500;
    return {
      ok: false,
      error: this.unavailable(
        ok
          ? `answered HTTP ${response.status} with a body that is not a GraphQL response: ${text.slice(0, 500)}`
          : `HTTP ${response.status} ${STATUS_CODES[response.status] ?? ''}: ${text.slice(0, 500)}`,
      ),
      counts: serverError,
      retry: serverError,
    };
  }

  private transportFailure(
    err: TransportFailure,
    bounded: boolean,
    deadline: RequestDeadline | undefined,
  ): Attempt<never> {
    if (err.kind === 'timeout' && bounded) {
      // The operation's time ran out, not necessarily the subgraph's: not held against it.
      return { ok: false, error: this.deadlineExceeded(deadline!), counts: false, retry: false };
    }
    if (err.kind === 'timeout') {
      // Not retried: a subgraph too slow to answer is likely overloaded, and a second attempt
      // would double both the client's wait and the subgraph's load.
      const error = new SubgraphFetchError(
        SubgraphErrorCode.SUBGRAPH_TIMEOUT,
        `the ${this.name} subgraph did not answer within ${this.timeoutMs} ms; try again later`,
        `did not answer within ${this.timeoutMs} ms (${err.message})`,
      );
      return { ok: false, error, counts: true, retry: false };
    }
    return {
      ok: false,
      error: this.unavailable(`failed: ${err.message}`),
      counts: true,
      retry: true,
    };
  }

  private unavailable(detail: string): SubgraphFetchError {
    return new SubgraphFetchError(
      SubgraphErrorCode.SUBGRAPH_UNAVAILABLE,
      `the ${this.name} subgraph is unavailable; try again later`,
      detail,
    );
  }

  private deadlineExceeded(deadline: RequestDeadline): SubgraphFetchError {
    return new SubgraphFetchError(
      SubgraphErrorCode.REQUEST_DEADLINE_EXCEEDED,
      `the request took longer than its ${deadline.budgetMs} ms before the ${this.name} subgraph could answer; ask for less or try again later`,
      `request deadline of ${deadline.budgetMs} ms passed`,
    );
  }
}
