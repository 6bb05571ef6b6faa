import { RunningGateway, startGateway } from '../../gateway/server';
import { airportsSubgraph } from '../../subgraphs/airports';
import { migrateAgency } from '../../subgraphs/kit';
import { committedSupergraph, Federation, startFederation } from '../support/federation';
import { TEST_GATEWAY_IDENTITY } from '../support/identities';
import { expectData, graphql, GraphQLResponse, Json } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import {
  postgresBinariesPresent,
  startThrowawayPostgres,
  ThrowawayPostgres,
} from './throwaway-postgres';

/**
 * The airports subgraph on a PostgreSQL server of the test's own, which the test stops and starts:
 * while it is down, airports' fields fail (and its `/health` says so) and every other agency's are
 * delivered; once it is back, full answers return without restarting anything.
 */
const QUERY = `{
  airport(iataCode: "PKX") { name }
  bondedZones { code }
  routes(first: 1) { totalCount }
}`;

// The server is the machine's PostgreSQL 15 binaries; without them there is nothing to stop.
const withBinaries = postgresBinariesPresent() ? it : it.skip;

let pg: ThrowawayPostgres;
let fed: Federation;
let airports: SubgraphUnderTest;
let gateway: RunningGateway;

beforeAll(async () => {
  if (!postgresBinariesPresent()) return;
  pg = await startThrowawayPostgres();
  await migrateAgency(pg.url, 'airports');
  fed = await startFederation();
  airports = await startSubgraphUnderTest(airportsSubgraph, {
    database: pg.url,
    fixtures: async (db) => {
      await db.query(
        `INSERT INTO airports.airport (iata_code, icao_code, name, city, country_code, timezone, is_beijing_hub)
         VALUES ('PKX', 'ZBAD', 'Beijing Daxing International Airport', 'Beijing', 'CN', 'Asia/Shanghai', true)`,
      );
    },
  });
  gateway = await startGateway({
    ...TEST_GATEWAY_IDENTITY,
    supergraphSdl: committedSupergraph(),
    port: 0,
    subgraphUrls: {
      ...Object.fromEntries(fed.subgraphs.map((s) => [s.name, s.url])),
      airports: airports.url,
    },
    log: () => undefined,
  });
});
afterAll(async () => {
  await gateway?.stop();
  await airports?.stop();
  await fed?.stop();
  await pg?.destroy();
});

const ask = () => graphql(gateway.url, QUERY);
const health = async () => (await fetch(airports.url.replace(/\/graphql$/, '/health'))).status;

function expectOthersDelivered(res: GraphQLResponse) {
  const data = res.data as Json;
  expect(data.bondedZones.length).toBeGreaterThan(0);
  expect(data.routes.totalCount).toBeGreaterThan(0);
}

withBinaries(
  "costs only the subgraph's own fields while its database is down, and recovers when it is back",
  async () => {
    expect(expectData(await ask()).airport.name).toBe('Beijing Daxing International Airport');
    expect(await health()).toBe(200);

    await pg.stop();
    try {
      const res = await ask();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions?.serviceName).toBe('airports');
      expect(res.errors![0].path).toEqual(['airport']);
      expect(res.data?.airport).toBeNull();
      expectOthersDelivered(res);
      expect(await health()).toBe(503);
      // The gateway is ready only with every subgraph's database reachable.
      const ready = await fetch(gateway.url.replace(/\/graphql$/, '/ready'));
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as Json).subgraphs.airports).toBe('unavailable');
    } finally {
      await pg.start();
    }

    // The subgraph's pool reconnects by itself: no restart of the subgraph or the gateway.
    let res = await ask();
    for (let i = 0; i < 50 && res.errors; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await ask();
    }
    expect(expectData(res).airport.name).toBe('Beijing Daxing International Airport');
    expectOthersDelivered(res);
    expect(await health()).toBe(200);
  },
);
