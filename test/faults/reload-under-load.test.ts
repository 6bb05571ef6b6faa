import { composeServices } from '@apollo/composition';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { RunningGateway, startGateway } from '../../gateway/server';
import { committedSubgraphSdl } from '../support/composition';
import { committedSupergraph, Federation, startFederation } from '../support/federation';
import { TEST_GATEWAY_IDENTITY } from '../support/identities';
import { expectData, expectError, graphql, GraphQLResponse } from '../support/graphql';
import { FaultProxy } from './fault-proxy';
import { underLoad } from './load';

/**
 * A supergraph reload is atomic for the requests going on: none fails while the file is rewritten
 * again and again (bad versions included), a request in flight finishes on the schema it began
 * with, and a supergraph served from a URL is polled like a file is watched.
 */
const QUERY = `{
  airport(iataCode: "PKX") { iataCode }
  bondedZones { code }
  routes(first: 1) { totalCount }
}`;
const BROKEN = [
  'this is not a supergraph',
  // Names its subgraphs, but @apollo/gateway cannot build a schema from it.
  `${committedSupergraph()}\ntype Broken { field: NoSuchType }\n`,
];

let fed: Federation;
let dir: string;
/** airports and routes only, composed from their committed SDL: no `bondedZones` field. */
let twoAgencies: string;
const running: RunningGateway[] = [];
const measured: string[] = [];

beforeAll(async () => {
  fed = await startFederation();
  dir = mkdtempSync(join(tmpdir(), 'tradegraph-reload-load-'));
  const composed = composeServices(
    (['airports', 'routes'] as const).map((name) => ({
      name,
      url: `http://${name}/graphql`,
      typeDefs: parse(committedSubgraphSdl(name)),
    })),
  );
  expect(composed.errors).toBeUndefined();
  twoAgencies = composed.supergraphSdl!;
});
afterAll(async () => {
  for (const gateway of running) await gateway.stop();
  await fed?.stop();
  rmSync(dir, { recursive: true, force: true });
  if (measured.length) console.log(`reload under load:\n${measured.join('\n')}`);
});

const subgraphUrls = () => Object.fromEntries(fed.subgraphs.map((s) => [s.name, s.url]));

/** Waits, polling, until `check` holds; fails after `tries` polls (no time is asserted). */
async function eventually(what: string, check: () => boolean | Promise<boolean>, tries = 300) {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the gateway did not ${what}`);
}
const count = (logs: string[], text: string) => logs.filter((l) => l.includes(text)).length;

it('fails no request while the supergraph file is rewritten under load, bad versions included', async () => {
  const file = join(dir, 'supergraph.graphql');
  const sdl = committedSupergraph();
  writeFileSync(file, sdl);
  const logs: string[] = [];
  const gateway = await startGateway({
    ...TEST_GATEWAY_IDENTITY,
    supergraphSdl: sdl,
    supergraphFile: file,
    supergraphFilePollMs: 100,
    port: 0,
    subgraphUrls: subgraphUrls(),
    log: (m) => logs.push(m),
  });
  running.push(gateway);
  expectData(await graphql(gateway.url, QUERY));

  const load = underLoad(() => graphql(gateway.url, QUERY), 4);
  try {
    for (let version = 1; version <= 6; version++) {
      // Every other version is refused: the one served before it goes on serving.
      const bad = version % 2 === 0;
      const [counted, text] = bad
        ? [count(logs, 'rejected'), BROKEN[(version / 2) % 2]]
        : [count(logs, 'reloaded'), `${sdl}\n# version ${version}\n`];
      writeFileSync(file, text);
      await eventually(bad ? 'refuse a bad version' : 'reload', () =>
        bad ? count(logs, 'rejected') > counted : count(logs, 'reloaded') > counted,
      );
      // A few answers on each version, however busy the machine: the load is real between changes.
      for (let i = 0; i < 4; i++) await load.until('after the change', () => true);
    }
  } finally {
    await load.stop();
  }
  const failed = load.answers.filter((a) => a.failure || (a.value as GraphQLResponse).errors);
  measured.push(
    `file rewritten 6 times (3 refused) under 4 clients: ${failed.length} failed of ${load.answers.length} requests`,
  );
  expect(count(logs, 'reloaded')).toBe(3);
  expect(count(logs, 'rejected')).toBe(3);
  expect(failed).toEqual([]);
  expect(load.answers.length).toBeGreaterThan(20);
});

it('lets a request in flight finish on the schema it began with', async () => {
  const proxy = await FaultProxy.start(fed.subgraphs.find((s) => s.name === 'customs')!.url);
  try {
    const file = join(dir, 'in-flight.graphql');
    writeFileSync(file, committedSupergraph());
    const logs: string[] = [];
    const gateway = await startGateway({
      ...TEST_GATEWAY_IDENTITY,
      supergraphSdl: committedSupergraph(),
      supergraphFile: file,
      supergraphFilePollMs: 100,
      port: 0,
      subgraphUrls: { ...subgraphUrls(), customs: proxy.url },
      log: (m) => logs.push(m),
    });
    running.push(gateway);
    expectData(await graphql(gateway.url, QUERY));

    // A request is at customs when the supergraph loses customs altogether.
    proxy.mode = 'hold';
    const inFlight = graphql(gateway.url, QUERY);
    await proxy.holding(1);
    writeFileSync(file, twoAgencies);
    await eventually('reload', () => count(logs, 'reloaded') > 0);
    expectError(await graphql(gateway.url, QUERY), 'GRAPHQL_VALIDATION_FAILED');

    await proxy.release();
    const answered = expectData(await inFlight);
    expect(answered.bondedZones.length).toBeGreaterThan(0);
  } finally {
    await proxy.stop();
  }
});

describe('a supergraph from a URL', () => {
  let registry: Server;
  let served: { status: number; body: string };
  let url: string;

  beforeAll(async () => {
    registry = createServer((_req, res) => {
      res.writeHead(served.status, { 'content-type': 'text/plain' }).end(served.body);
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/supergraph.graphql`;
  });
  afterAll(async () => {
    registry.closeAllConnections();
    await new Promise((resolve) => registry.close(resolve));
  });

  it('is polled: a new version is served, a bad one or a failing registry refused', async () => {
    served = { status: 200, body: twoAgencies };
    const logs: string[] = [];
    const gateway = await startGateway({
      ...TEST_GATEWAY_IDENTITY,
      supergraphSdl: twoAgencies,
      supergraphUrl: url,
      supergraphPollMs: 100,
      port: 0,
      subgraphUrls: subgraphUrls(),
      log: (m) => logs.push(m),
    });
    running.push(gateway);
    expectError(await graphql(gateway.url, QUERY), 'GRAPHQL_VALIDATION_FAILED');
    expect(gateway.subgraphs()).toHaveLength(2);

    served = { status: 200, body: committedSupergraph() };
    await eventually('reload from the URL', () => count(logs, `reloaded from ${url}`) === 1);
    expectData(await graphql(gateway.url, QUERY));
    expect(gateway.subgraphs()).toHaveLength(4);

    served = { status: 200, body: BROKEN[1] };
    await eventually('refuse the bad version', () => count(logs, `${url} rejected`) > 0);
    served = { status: 503, body: 'registry down' };
    await eventually('notice the registry down', () => count(logs, 'HTTP 503') > 0);
    expectData(await graphql(gateway.url, QUERY));
    expect(gateway.subgraphs()).toHaveLength(4);
  });
});
