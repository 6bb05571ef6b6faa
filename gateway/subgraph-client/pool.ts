import { Pool } from 'undici';

/** What a subgraph answered over HTTP, its body read in full. */
export interface SubgraphHttpResponse {
  status: number;
  contentType: string | undefined;
  /** The subgraph's `Cache-Control`: what the gateway's response cache may do with its part. */
  cacheControl: string | undefined;
  body: string;
}

/**
 * How a fetch ended without an answer. `timeout` is the subgraph's own time being up; `deadline`
 * is the operation's (the fetch was granted less than the subgraph's timeout).
 */
export type TransportFailureKind = 'unreachable' | 'timeout';

export class TransportFailure extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'TransportFailure';
  }
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * The connections to one subgraph: an undici `Pool` that keeps them alive between fetches (no TCP
 * handshake per fetch) and bounds each fetch's time with undici's own header and body timeouts,
 * one timer mechanism shared by every request rather than an AbortSignal made for each.
 */
export class SubgraphPool {
  private pool?: Pool;
  private path = '/';

  constructor(private readonly url: string) {}

  /**
   * Made at the first fetch: a supergraph naming a URL that is not one still loads, and only
   * that subgraph's fields fail (SUBGRAPH_UNAVAILABLE, the URL in the log).
   */
  private connections(): Pool {
    if (this.pool) return this.pool;
    const target = new URL(this.url);
    this.path = `${target.pathname}${target.search}`;
    this.pool = new Pool(target.origin, {
      // Below Node's server keep-alive of 5 s, so the gateway, not the subgraph, closes idle sockets.
      keepAliveTimeout: 4000,
      keepAliveMaxTimeout: 60_000,
    });
    return this.pool;
  }

  /**
   * POSTs `body` (JSON) and reads the whole answer. Gives up once `timeoutMs` passes without the
   * answer's headers, or between two parts of its body: a `TransportFailure` of kind `timeout`.
   * Any other failure to get an answer is one of kind `unreachable`, with the cause in its message.
   */
  async post(
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<SubgraphHttpResponse> {
    try {
      const pool = this.connections();
      const res = await pool.request({
        path: this.path,
        method: 'POST',
        headers,
        body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const contentType = res.headers['content-type'];
      const cacheControl = res.headers['cache-control'];
      return {
        status: res.statusCode,
        contentType: Array.isArray(contentType) ? contentType[0] : contentType,
        cacheControl: Array.isArray(cacheControl) ? cacheControl.join(', ') : cacheControl,
        body: await res.body.text(),
      };
    } catch (error) {
      const { code, message } = (error ?? {}) as { code?: string; message?: string };
      if (code && TIMEOUT_CODES.has(code)) {
        throw new TransportFailure('timeout', `${code}: ${message}`);
      }
      throw new TransportFailure('unreachable', code ? `${code}: ${message}` : String(message));
    }
  }

  /** Closes the idle connections and waits for those in use; a second call does nothing. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    if (pool && !pool.closed && !pool.destroyed) await pool.close();
  }
}
