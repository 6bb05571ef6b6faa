import type { GraphQLFormattedError } from 'graphql';
import { Database, RunningSubgraph, startSubgraph } from '../../subgraphs/kit';
import { routesSubgraph } from '../../subgraphs/routes';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { insertFixtures } from './fixtures';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

/** The routes subgraph on an ephemeral port over a fresh database holding the fixture. */
export class RoutesHarness {
  private constructor(
    readonly testDb: TestDatabase,
    readonly db: Database,
    readonly server: RunningSubgraph,
  ) {}

  static async start(): Promise<RoutesHarness> {
    const testDb = await createTestDatabase(['routes']);
    const db = new Database(testDb.url, { max: 4 });
    try {
      await insertFixtures(db);
      const server = await startSubgraph(routesSubgraph, { db, port: 0, log: () => undefined });
      return new RoutesHarness(testDb, db, server);
    } catch (err) {
      await db.close();
      await testDb.drop();
      throw err;
    }
  }

  /** POSTs one GraphQL operation over HTTP. */
  async query<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const res = await fetch(this.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** Like `query`, failing on any error; returns `data`. */
  async data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.query<T>(query, variables);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  /** Runs an operation and returns how many SQL statements it cost along with its data. */
  async counted<T>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data: T; statements: number }> {
    const before = this.db.statementCount;
    const data = await this.data<T>(query, variables);
    return { data, statements: this.db.statementCount - before };
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
    } finally {
      await this.db.close();
      await this.testDb.drop();
    }
  }
}
