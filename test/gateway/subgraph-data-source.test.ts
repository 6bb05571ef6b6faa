import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { RunningGateway, startGateway } from '../../gateway/server';
import {
  DEFAULT_SUBGRAPH_TIMEOUT_MS,
  SubgraphDataSource,
} from '../../gateway/subgraph-data-source';
import { postGraphQL } from '../../scripts/in-process-federation';
import { projectRoot } from '../../subgraphs/kit';

/** A subgraph that takes every request and never answers. */
describe('the subgraph data source', () => {
  let hung: Server;
  let url: string;
  const received: IncomingMessage[] = [];

  beforeAll(async () => {
    hung = createServer((req) => {
      received.push(req);
    });
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    hung.closeAllConnections();
    await new Promise((resolve) => hung.close(resolve));
  });

  it('keeps the default deadline of 10 s', () => {
    expect(DEFAULT_SUBGRAPH_TIMEOUT_MS).toBe(10_000);
    expect(new SubgraphDataSource({ name: 'hung', url }).timeoutMs).toBe(10_000);
  });

  it('aborts a fetch to a subgraph that hangs once its deadline passes', async () => {
    const source = new SubgraphDataSource({ name: 'hung', url, timeoutMs: 300 });
    const before = received.length;
    const started = Date.now();
    await expect(
      source.process({
        kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
        request: { query: '{ __typename }' },
        context: {},
      }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(5000);
    // The request reached the subgraph, and the gateway hung up on it: aborted, not abandoned.
    expect(received.length).toBe(before + 1);
    const req = received[received.length - 1];
    if (!req.socket.destroyed) await new Promise((resolve) => req.socket.once('close', resolve));
    expect(req.socket.destroyed).toBe(true);
  });

  describe('through the gateway', () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      const supergraphSdl = readFileSync(
        join(projectRoot(), 'schema', 'supergraph.graphql'),
        'utf8',
      );
      gateway = await startGateway({
        supergraphSdl,
        port: 0,
        subgraphUrls: { airports: url, customs: url, drugs: url, routes: url },
        subgraphTimeoutMs: 300,
        log: () => undefined,
      });
    });
    afterAll(() => gateway?.stop());

    it('answers with an error once the deadline passes instead of hanging', async () => {
      const started = Date.now();
      const res = await postGraphQL(gateway.url, '{ airports { iataCode } }');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(res.data).toBeNull();
      expect(res.errors?.[0].message).toMatch(/aborted due to timeout/);
    });
  });
});
