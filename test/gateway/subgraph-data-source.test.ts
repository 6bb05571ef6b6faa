import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { RunningGateway, startGateway } from '../../gateway/server';
import {
  DEFAULT_SUBGRAPH_TIMEOUT_MS,
  SubgraphDataSource,
} from '../../gateway/subgraph-data-source';
import { committedSupergraph } from '../support/federation';
import { expectError, graphql, GraphQLResponse, UNREACHABLE_URL } from '../support/graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const AIRPORTS = '{ airports { iataCode } }';

/**
 * A stand-in for every subgraph, answering whatever the test sets: what the gateway makes of a
 * subgraph's refusals, failures and silences, which real subgraphs do not produce on demand.
 */
describe('the subgraph data source', () => {
  let fake: Server;
  let url: string;
  let answer: (req: IncomingMessage, res: ServerResponse) => void;
  const received: IncomingMessage[] = [];

  beforeAll(async () => {
    fake = createServer((req, res) => {
      received.push(req);
      answer(req, res);
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/graphql`;
    // Node loads its fetch on first use: not on a deadline's time.
    answer = reply(200, '{}');
    await fetch(url);
    received.length = 0;
  });
  afterAll(async () => {
    fake.closeAllConnections();
    await new Promise((resolve) => fake.close(resolve));
  });

  const hang = () => undefined;
  const reply =
    (status: number, body: string, type = 'application/json') =>
    (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };

  it('gives a subgraph a few seconds by default, not ten', () => {
    expect(DEFAULT_SUBGRAPH_TIMEOUT_MS).toBe(3000);
    expect(new SubgraphDataSource({ name: 'hung', url }).timeoutMs).toBe(3000);
  });

  it('aborts a fetch to a subgraph that hangs once its deadline passes', async () => {
    answer = hang;
    const source = new SubgraphDataSource({ name: 'hung', url, timeoutMs: 1000, log: () => {} });
    const before = received.length;
    // A health check wants the failure itself, not a client's error.
    await expect(
      source.process({
        kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
        request: { query: '{ __typename }' },
        context: {},
      }),
    ).rejects.toMatchObject({ code: 'SUBGRAPH_TIMEOUT' });
    // The request reached the subgraph, and the gateway hung up on it: aborted, not abandoned.
    expect(received.length).toBe(before + 1);
    const req = received[received.length - 1];
    if (!req.socket.destroyed) await new Promise((resolve) => req.socket.once('close', resolve));
    expect(req.socket.destroyed).toBe(true);
  });

  describe('through the gateway', () => {
    let gateway: RunningGateway;
    let down: RunningGateway;
    const logs: string[] = [];

    beforeAll(async () => {
      const options = {
        supergraphSdl: committedSupergraph(),
        port: 0,
        subgraphTimeoutMs: 300,
        // What the gateway makes of each answer, once: retries and the breaker have tests of
        // their own (test/faults).
        subgraphRetries: 0,
        breakerFailures: 1000,
        log: (m: string) => logs.push(m),
      };
      gateway = await startGateway({
        ...options,
        subgraphUrls: { airports: url, customs: url, drugs: url, routes: url },
      });
      down = await startGateway({
        ...options,
        subgraphUrls: {
          airports: UNREACHABLE_URL,
          customs: UNREACHABLE_URL,
          drugs: UNREACHABLE_URL,
          routes: UNREACHABLE_URL,
        },
      });
    });
    afterAll(async () => {
      await gateway?.stop();
      await down?.stop();
    });

    /** The log lines about one request. */
    const logOf = (requestId: unknown) => logs.filter((l) => l.includes(`request ${requestId}:`));

    /** The client's one error, which must name no URL, status text or body of the subgraph. */
    function expectFailure(res: GraphQLResponse, code: string, message: RegExp) {
      expect(res.data).toBeNull();
      const error = expectError(res, code, {
        path: ['airports'],
        message,
        extensions: { serviceName: 'airports' },
      });
      expect(Object.keys(error.extensions ?? {}).sort()).toEqual([
        'code',
        'requestId',
        'serviceName',
      ]);
      expect(error.extensions?.requestId).toMatch(UUID);
      return error;
    }

    it("passes a subgraph's GraphQL errors through at any HTTP status, with their code and field", async () => {
      for (const status of [400, 422, 500]) {
        answer = reply(
          status,
          JSON.stringify({
            errors: [
              {
                message: 'Variable "$from" got invalid value "x"; Date cannot represent "x"',
                extensions: { code: 'BAD_USER_INPUT', field: 'from' },
              },
            ],
          }),
        );
        const res = await graphql(gateway.url, AIRPORTS);
        const error = expectError(res, 'BAD_USER_INPUT', {
          field: 'from',
          path: ['airports'],
          message: 'Date cannot represent "x"',
          extensions: { serviceName: 'airports', requestId: expect.stringMatching(UUID) },
        });
        expect(error.extensions?.response).toBeUndefined();
      }
    });

    it('answers a body that is not GraphQL with SUBGRAPH_UNAVAILABLE, the details in the log only', async () => {
      answer = reply(
        502,
        '<html>upstream 10.1.2.3 at http://10.1.2.3:4001/ is down</html>',
        'text/html',
      );
      const res = await graphql(gateway.url, AIRPORTS);
      const error = expectFailure(
        res,
        'SUBGRAPH_UNAVAILABLE',
        /^the airports subgraph is unavailable; try again later$/,
      );
      // Without the request id: random hex, it holds "502" about once in 150 runs.
      const shown = JSON.stringify(res.errors, (key, value) => (key === 'requestId' ? '' : value));
      expect(shown).not.toMatch(/502|Bad Gateway|10\.1\.2\.3|html/);
      const [line, ...more] = logOf(error.extensions?.requestId);
      expect(more).toEqual([]);
      expect(line).toContain(url);
      expect(line).toContain('HTTP 502 Bad Gateway');
      expect(line).toContain('upstream 10.1.2.3');
    });

    it('answers a 2xx body that is not JSON with SUBGRAPH_UNAVAILABLE', async () => {
      answer = reply(200, 'OK', 'text/plain');
      const error = expectFailure(
        await graphql(gateway.url, AIRPORTS),
        'SUBGRAPH_UNAVAILABLE',
        /unavailable/,
      );
      expect(logOf(error.extensions?.requestId).join('\n')).toContain('OK');
    });

    it('answers a 5xx without GraphQL errors with SUBGRAPH_UNAVAILABLE', async () => {
      answer = reply(503, JSON.stringify({ status: 'unavailable' }));
      const error = expectFailure(
        await graphql(gateway.url, AIRPORTS),
        'SUBGRAPH_UNAVAILABLE',
        /unavailable/,
      );
      expect(logOf(error.extensions?.requestId).join('\n')).toContain('HTTP 503');
    });

    it('answers a subgraph that does not answer in time with SUBGRAPH_TIMEOUT', async () => {
      answer = hang;
      const error = expectFailure(
        await graphql(gateway.url, AIRPORTS),
        'SUBGRAPH_TIMEOUT',
        /^the airports subgraph did not answer within 300 ms; try again later$/,
      );
      expect(logOf(error.extensions?.requestId).join('\n')).toContain('did not answer');
    });

    it('answers a subgraph that cannot be reached with SUBGRAPH_UNAVAILABLE, the cause in the log', async () => {
      const error = expectFailure(
        await graphql(down.url, AIRPORTS),
        'SUBGRAPH_UNAVAILABLE',
        /unavailable/,
      );
      const [line] = logOf(error.extensions?.requestId);
      expect(line).toContain(UNREACHABLE_URL);
      // With its cause (here the refused connection to the discard port).
      expect(line).toMatch(/failed: ECONNREFUSED/);
    });

    describe('the request id', () => {
      const post = (body: string, headers: Record<string, string> = {}) =>
        fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });

      it("is the caller's x-request-id: answered, on every error, sent to the subgraph, in the log", async () => {
        answer = reply(500, 'crash');
        const before = received.length;
        const res = await post(JSON.stringify({ query: AIRPORTS }), {
          'x-request-id': 'support-case-42',
        });
        expect(res.headers.get('x-request-id')).toBe('support-case-42');
        const body = (await res.json()) as GraphQLResponse;
        expect(body.errors?.map((e) => e.extensions?.requestId)).toEqual(['support-case-42']);
        expect(received.slice(before).map((r) => r.headers['x-request-id'])).toEqual([
          'support-case-42',
        ]);
        expect(logOf('support-case-42')).toHaveLength(1);
      });

      it('is made up when the caller sends none, or one that could forge a log line', async () => {
        answer = reply(200, JSON.stringify({ data: { airports: [] } }));
        for (const given of [undefined, 'two words', 'x'.repeat(129)]) {
          const res = await post(
            JSON.stringify({ query: '{ nope }' }),
            given ? { 'x-request-id': given } : {},
          );
          const id = res.headers.get('x-request-id');
          expect(id).toMatch(UUID);
          const body = (await res.json()) as GraphQLResponse;
          expect(body.errors?.[0].extensions).toEqual({
            code: 'GRAPHQL_VALIDATION_FAILED',
            requestId: id,
          });
        }
      });

      it('is on the error of a request that never reaches GraphQL', async () => {
        const res = await post('{"query": ', { 'x-request-id': 'malformed-1' });
        expect(res.status).toBe(400);
        const body = (await res.json()) as GraphQLResponse;
        expect(body.errors?.[0].extensions).toEqual({
          code: 'BAD_REQUEST',
          requestId: 'malformed-1',
        });
      });

      it('is readable by browser apps on other origins', async () => {
        const res = await post(JSON.stringify({ query: '{ __typename }' }), {
          origin: 'https://app.example.cn',
        });
        expect(res.headers.get('access-control-expose-headers')).toBe('x-request-id');
      });
    });
  });
});
