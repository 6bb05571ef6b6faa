import { customsSubgraph } from '../../subgraphs/customs';
import { Database, RunningSubgraph, startSubgraph } from '../../subgraphs/kit';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { insertFixtures } from './fixtures';

/** Response data as the tests read it: JSON whose shape each test asserts itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface GraphQLResponse<T = Json> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/**
 * A customs subgraph on an ephemeral port over a fresh, migrated database holding the fixtures.
 * Call `setup()` in beforeAll and `teardown()` in afterAll.
 */
export class CustomsHarness {
  testDb!: TestDatabase;
  db!: Database;
  server!: RunningSubgraph;

  async setup(): Promise<void> {
    this.testDb = await createTestDatabase(['customs']);
    await insertFixtures(this.testDb.url);
    this.db = new Database(this.testDb.url);
    this.server = await startSubgraph(customsSubgraph, { db: this.db, log: () => undefined });
  }

  async teardown(): Promise<void> {
    await this.server?.stop();
    await this.db?.close();
    await this.testDb?.drop();
  }

  async post<T = Json>(
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

  /** Posts and fails the test on any GraphQL error. */
  async data<T = Json>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const body = await this.post<T>(query, variables);
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  }

  /** SQL statements the subgraph ran while `work` ran. */
  async statementsOf(work: () => Promise<unknown>): Promise<number> {
    const before = this.db.statementCount;
    await work();
    return this.db.statementCount - before;
  }
}
