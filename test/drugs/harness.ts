import { drugsSubgraph } from '../../subgraphs/drugs';
import { Database, RunningSubgraph, startSubgraph } from '../../subgraphs/kit';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { insertFixtures } from './fixtures';

/** Response bodies are checked by the tests' assertions, not by the compiler. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface GraphQLResponse<T = Json> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, Json> }[];
}

/** A migrated database holding the fixtures, and the drugs subgraph serving it over HTTP. */
export interface DrugsHarness {
  testDb: TestDatabase;
  db: Database;
  server: RunningSubgraph;
  gql<T = Json>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs a request and returns its response with the number of SQL statements it cost. */
  counted<T = Json>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ response: GraphQLResponse<T>; statements: number }>;
  /** What the server logged (internal errors), for assertions and debugging. */
  logs: string[];
  stop(): Promise<void>;
}

export async function startDrugs(): Promise<DrugsHarness> {
  const testDb = await createTestDatabase(['drugs']);
  const logs: string[] = [];
  const db = new Database(testDb.url, { max: 4 });
  let server: RunningSubgraph;
  try {
    await insertFixtures(testDb.url);
    server = await startSubgraph(drugsSubgraph, { db, port: 0, log: (m) => logs.push(m) });
  } catch (err) {
    await db.close();
    await testDb.drop();
    throw err;
  }

  async function gql<T>(query: string, variables?: Record<string, unknown>) {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  return {
    testDb,
    db,
    server,
    logs,
    gql,
    async counted<T>(query: string, variables?: Record<string, unknown>) {
      const before = db.statementCount;
      const response = await gql<T>(query, variables);
      return { response, statements: db.statementCount - before };
    },
    async stop() {
      await server.stop();
      await db.close();
      await testDb.drop();
    },
  };
}
