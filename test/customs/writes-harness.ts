import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { seedDemo } from '../../scripts/demo/seed-demo';
import { RunningGateway, startGateway } from '../../gateway/server';
import { airportsSubgraph } from '../../subgraphs/airports';
import { customsSubgraph } from '../../subgraphs/customs';
import { drugsSubgraph } from '../../subgraphs/drugs';
import {
  Database,
  makeAwb,
  projectRoot,
  RunningSubgraph,
  schemaOf,
  startSubgraph,
} from '../../subgraphs/kit';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { GraphQLResponse, Json } from './harness';

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The supergraph of the committed airports, drugs and routes schemas and the customs subgraph as
 * its code is now (with its mutations): what the lead will compose, without anyone's work in
 * progress in the other agencies.
 */
async function supergraphWithCustomsMutations(): Promise<string> {
  const committed = (name: string) =>
    readFileSync(join(projectRoot(), 'schema', `${name}.graphql`), 'utf8');
  const services = ['airports', 'drugs', 'routes'].map((name) => ({
    name,
    url: `http://127.0.0.1/${name}`,
    typeDefs: parse(committed(name)),
  }));
  services.push({
    name: 'customs',
    url: 'http://127.0.0.1/customs',
    typeDefs: parse(printSubgraphSchema(await schemaOf(customsSubgraph))),
  });
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

export type GatewayMode = 'up' | 'down' | 'drugs-down';

/**
 * The customs subgraph under test, with real neighbours for its cross-agency rules: the airports
 * and drugs subgraphs and a gateway, all over one database seeded with the demo world. The
 * gateway serves the committed schemas of the other agencies composed with customs' current one,
 * so mutations can go through it (`viaGateway`) as well as straight to the subgraph (`post`);
 * customs reads the other agencies through it.
 *
 * `gatewayMode` switches what customs reaches: the gateway, a closed port (gateway down), or a
 * second gateway whose drugs subgraph is a closed port (the drugs agency down).
 */
export class WritesHarness {
  testDb!: TestDatabase;
  db!: Database;
  private neighbourDbs: Database[] = [];
  customs!: RunningSubgraph;
  private neighbours: RunningSubgraph[] = [];
  gateway!: RunningGateway;
  private drugsDownGateway!: RunningGateway;
  private deadUrl!: string;
  gatewayMode: GatewayMode = 'up';
  private serial = 0;

  async setup(): Promise<void> {
    this.testDb = await createTestDatabase();
    const url = this.testDb.url;
    await seedDemo({
      urls: { airports: url, customs: url, drugs: url, routes: url },
      shipments: 50,
    });
    this.db = new Database(url);
    this.deadUrl = `http://127.0.0.1:${await closedPort()}/graphql`;
    this.customs = await startSubgraph(customsSubgraph, {
      db: this.db,
      port: 0,
      log: () => undefined,
      gatewayUrl: () =>
        ({ up: this.gateway?.url, down: this.deadUrl, 'drugs-down': this.drugsDownGateway?.url })[
          this.gatewayMode
        ],
    });
    for (const def of [airportsSubgraph, drugsSubgraph] as const) {
      const db = new Database(url, { max: 4 });
      this.neighbourDbs.push(db);
      this.neighbours.push(
        await startSubgraph(def as never, {
          db,
          port: 0,
          log: () => undefined,
          gatewayUrl: () => this.gateway?.url,
        }),
      );
    }
    const supergraphSdl = await supergraphWithCustomsMutations();
    const subgraphUrls: Record<string, string> = {
      routes: this.deadUrl,
      customs: this.customs.url,
      ...Object.fromEntries(this.neighbours.map((s) => [s.name, s.url])),
    };
    this.gateway = await startGateway({
      supergraphSdl,
      port: 0,
      subgraphUrls,
      log: () => undefined,
    });
    this.drugsDownGateway = await startGateway({
      supergraphSdl,
      port: 0,
      subgraphUrls: { ...subgraphUrls, drugs: this.deadUrl },
      subgraphTimeoutMs: 2000,
      log: () => undefined,
    });
  }

  async teardown(): Promise<void> {
    await this.drugsDownGateway?.stop();
    await this.gateway?.stop();
    await this.customs?.stop();
    for (const s of this.neighbours) await s.stop();
    await this.db?.close();
    for (const db of this.neighbourDbs) await db.close();
    await this.testDb?.drop();
  }

  async post<T = Json>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> {
    const res = await fetch(this.customs.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** Posts to the gateway, as an agency system would. */
  async viaGateway<T = Json>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> {
    const res = await fetch(this.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** Posts and fails the test on any GraphQL error. */
  async data<T = Json>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const body = await this.post<T>(query, variables);
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  }

  /** Posts and returns the one error the call must fail with. */
  async error(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ message: string; code?: string; field?: string; extensions: Json }> {
    const body = await this.post(query, variables);
    if (!body.errors?.length)
      throw new Error(`expected an error, got ${JSON.stringify(body.data)}`);
    const [e] = body.errors;
    return {
      message: e.message,
      code: e.extensions?.code,
      field: e.extensions?.field,
      extensions: e.extensions,
    };
  }

  async sql<T = Json>(text: string, values?: unknown[]): Promise<T[]> {
    return (await this.db.pool.query(text, values)).rows as T[];
  }

  /** A fresh AWB (check digit valid) that no shipment has. */
  async freshAwb(): Promise<string> {
    for (;;) {
      const awb = makeAwb('172', 9_000_000 + (process.pid % 1000) * 1000 + ++this.serial);
      const rows = await this.sql('SELECT 1 FROM customs.shipment WHERE awb = $1', [awb]);
      if (rows.length === 0) return awb;
    }
  }

  /** What a write must leave alone: the declaration row and its history. */
  async declarationState(number: string): Promise<Json> {
    const [row] = await this.sql('SELECT * FROM customs.declaration WHERE number = $1', [number]);
    const history = await this.sql(
      `SELECT entity_type, from_status, to_status, reason FROM customs.status_change
        WHERE entity_id = $1 ORDER BY id`,
      [number],
    );
    return { row, history };
  }

  async applicationState(number: string): Promise<Json> {
    const [row] = await this.sql(
      'SELECT * FROM customs.special_goods_application WHERE number = $1',
      [number],
    );
    const history = await this.sql(
      `SELECT from_status, to_status FROM customs.status_change
        WHERE entity_type = 'SpecialGoodsApplication' AND entity_id = $1 ORDER BY id`,
      [number],
    );
    return { row, history };
  }

  /** Rows of the customs tables a mutation could write to. */
  async counts(): Promise<Record<string, number>> {
    const [row] = await this.sql(
      `SELECT (SELECT count(*) FROM customs.shipment)::int AS shipments,
              (SELECT count(*) FROM customs.declaration)::int AS declarations,
              (SELECT count(*) FROM customs.declaration_item)::int AS items,
              (SELECT count(*) FROM customs.special_goods_application)::int AS applications,
              (SELECT count(*) FROM customs.special_goods_shipment)::int AS covered,
              (SELECT count(*) FROM customs.status_change)::int AS history,
              (SELECT count(*) FROM customs.idempotency_key)::int AS keys,
              (SELECT sum(version) FROM customs.shipment)::int AS shipment_versions,
              (SELECT sum(version) FROM customs.declaration)::int AS declaration_versions`,
    );
    return row;
  }
}
