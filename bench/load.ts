import autocannon from 'autocannon';
import type { RequestBody } from './scenarios';

export interface LoadResult {
  requests: number;
  reqPerS: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, transport errors, timeouts and 200s carrying GraphQL errors. */
  errors: number;
  /** The first failed answer's status and body (cut), to tell what went wrong. */
  firstError?: string;
}

/** `durationS` seconds of POSTs from `connections` connections, each body from `next()`. */
export async function generateLoad(options: {
  url: string;
  next: () => RequestBody;
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
  /** Headers that change from one request to the next (the caller's token), over `headers`. */
  nextHeaders?: () => Record<string, string>;
}): Promise<LoadResult> {
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          body: options.next(),
          ...(options.nextHeaders && { headers: { ...req.headers, ...options.nextHeaders() } }),
        }),
        onResponse: (status, body) => {
          const failed = status !== 200 || (body && body.includes('"errors":'));
          if (failed && firstError === undefined) firstError = `${status} ${body?.slice(0, 300)}`;
          if (status === 200 && failed) graphqlErrors++;
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    reqPerS: result.requests.total / options.durationS,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    firstError,
  };
}
