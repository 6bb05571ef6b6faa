import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * What the proxy does with a request: pass it to the real subgraph, never answer it (a hung
 * process), hold it until the test releases it (a slow one), or answer 503 without GraphQL (a
 * load balancer with no backend).
 */
export type FaultMode = 'forward' | 'hang' | 'hold' | 'fail-503';

/**
 * A real HTTP hop in front of a real subgraph, through which a test breaks the subgraph the ways
 * production breaks it: hung, failing, or gone (`kill`: its port closed and every connection cut,
 * as when its process dies) and back (`revive`, on the same port). It counts every request that
 * reaches it, so a test can tell what the gateway sent (a retry, a probe, nothing).
 */
export class FaultProxy {
  mode: FaultMode = 'forward';
  /** In `fail-503`: after this many failures, back to `forward` (a subgraph that recovers). */
  failuresLeft = Infinity;
  /**
   * Answers a batch (a JSON array of operations) as Apollo Server does by default, with 400
   * "Operation batching disabled.": a subgraph server that takes no batches.
   */
  refuseBatches = false;
  /** The GraphQL bodies of every request to `/graphql` that reached it, in order. */
  readonly received: string[] = [];
  /** Their headers, in the same order. */
  readonly receivedHeaders: IncomingMessage['headers'][] = [];
  private server: Server;
  private held: (() => Promise<void>)[] = [];
  private port = 0;

  private constructor(private readonly target: string) {
    this.server = this.newServer();
  }

  static async start(target: string): Promise<FaultProxy> {
    const proxy = new FaultProxy(target);
    await proxy.listen();
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  /** How many requests whose body contains `text` reached it. */
  count(text = ''): number {
    return this.received.filter((b) => b.includes(text)).length;
  }

  /** Passes the requests held so far on to the subgraph, and lets the next ones through. */
  async release(): Promise<void> {
    this.mode = 'forward';
    await Promise.all(this.held.splice(0).map((pass) => pass()));
  }

  /** Resolves once `n` requests are held. */
  async holding(n: number): Promise<void> {
    while (this.held.length < n) await new Promise((r) => setTimeout(r, 10));
  }

  /** As when the subgraph's process dies: connections cut, the port refusing new ones. */
  async kill(): Promise<void> {
    const closed = new Promise((resolve) => this.server.close(resolve));
    this.server.closeAllConnections();
    await closed;
  }

  /** The subgraph back on its port. */
  async revive(): Promise<void> {
    this.server = this.newServer();
    await this.listen();
  }

  async stop(): Promise<void> {
    if (this.server.listening) await this.kill();
  }

  private newServer(): Server {
    return createServer((req, res) => void this.handle(req, res));
  }

  private async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (req.url === '/graphql') {
      this.received.push(body);
      this.receivedHeaders.push(req.headers);
    }
    if (this.mode === 'hang') return;
    if (this.mode === 'hold') {
      this.held.push(() => this.forward(req, res, body));
      return;
    }
    if (this.refuseBatches && body.trimStart().startsWith('[')) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          errors: [
            { message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } },
          ],
        }),
      );
      return;
    }
    if (this.mode === 'fail-503' && this.failuresLeft-- <= 0) this.mode = 'forward';
    if (this.mode === 'fail-503') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('no healthy upstream');
      return;
    }
    await this.forward(req, res, body);
  }

  private async forward(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    try {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) {
          headers[name] = value;
        }
      }
      const answer = await fetch(new URL(req.url ?? '/', this.target), {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
      });
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(await answer.text());
    } catch {
      res.destroy();
    }
  }
}
