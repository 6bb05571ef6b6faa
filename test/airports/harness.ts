import { Database, RunningSubgraph, startSubgraph } from '../../subgraphs/kit';
import { airportsSubgraph } from '../../subgraphs/airports';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { insertFixtures } from './fixtures';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A migrated database holding the fixtures, and the airports subgraph serving it over HTTP. */
export class AirportsHarness {
  private constructor(
    readonly testDb: TestDatabase,
    readonly db: Database,
    readonly server: RunningSubgraph,
  ) {}

  static async start(): Promise<AirportsHarness> {
    const testDb = await createTestDatabase(['airports']);
    try {
      await insertFixtures(testDb.url);
      const db = new Database(testDb.url, { max: 4 });
      const server = await startSubgraph(airportsSubgraph, { db, port: 0, log: () => undefined });
      return new AirportsHarness(testDb, db, server);
    } catch (err) {
      await testDb.drop();
      throw err;
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> {
    const res = await fetch(this.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** Runs a query and returns its data and how many SQL statements it cost. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async counted<T = any>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ result: GraphQLResponse<T>; statements: number }> {
    const before = this.db.statementCount;
    const result = await this.gql<T>(query, variables);
    return { result, statements: this.db.statementCount - before };
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.db.close();
    } finally {
      await this.testDb.drop();
    }
  }
}
