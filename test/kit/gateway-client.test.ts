import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayClient } from '../../subgraphs/kit';

// What a rule's read sends the gateway: an endpoint that records each request's headers.
describe("a subgraph's reads through the gateway", () => {
  let server: Server;
  let url: string;
  const received: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req.headers);
      req.resume().on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { ok: true } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("carry the id of the request they are read for, and no other request's", async () => {
    const client = new GatewayClient(
      'customs',
      () => url,
      5000,
      () => 'service-token',
    );
    const first = client.forRequest('req-7');
    const second = client.forRequest('req-8');
    received.length = 0;
    await expect(first.query('{ ok }', {}, 'a rule')).resolves.toEqual({ ok: true });
    await expect(second.query('{ ok }', {}, 'a rule')).resolves.toEqual({ ok: true });
    await expect(client.forRequest(undefined).query('{ ok }', {}, 'a rule')).resolves.toEqual({
      ok: true,
    });
    expect(received.map((h) => h['x-request-id'])).toEqual(['req-7', 'req-8', undefined]);
    expect(received.every((h) => h.authorization === 'Bearer service-token')).toBe(true);
  });
});
