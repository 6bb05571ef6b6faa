import { IDENTITY_HEADER } from '../../gateway/identity-signer';
import { graphqlBody } from '../../scripts/graphql-http';
import { stopAll } from '../../scripts/stop-all';
import { AgencyName } from '../../subgraphs/agencies';
import {
  Database,
  Identity,
  IdentityKeySource,
  startSubgraph,
  SubgraphDefinition,
} from '../../subgraphs/kit';
import { graphql, GraphQLResponse, Json, UNREACHABLE_URL } from './graphql';
import { OFFICER_IDENTITY, TEST_SIGNER, tokenFor } from './identities';
import { createTestDatabase, TestDatabase } from './test-database';

/** Who a direct call to a subgraph comes from. */
export interface SubgraphCallOptions {
  /**
   * The identity signed into the `x-tradegraph-identity` header as the gateway would sign it:
   * an officer holding every scope by default; `null` sends no header (an anonymous caller).
   */
  identity?: Identity | null;
  /** A header value sent as is instead (a captured or forged header). */
  identityHeader?: string;
}

/** One agency's subgraph, reached over HTTP as the gateway reaches it. */
export interface SubgraphClient {
  /** The agency: the audience of the identity headers it accepts. */
  name: string;
  url: string;
  /** Its database: the pool the subgraph itself uses, so it counts the subgraph's statements. */
  db: Database;
  graphql<T = Json>(
    query: string,
    variables?: Record<string, unknown>,
    options?: SubgraphCallOptions,
  ): Promise<GraphQLResponse<T>>;
  /** Runs `work` and tells how many SQL statements the subgraph ran meanwhile. */
  statementsOf<R>(work: () => Promise<R>): Promise<{ result: R; statements: number }>;
}

/** The identity header the gateway would send with this operation to `subgraph`. */
export function signedIdentityHeader(
  identity: Identity,
  subgraph: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<string> {
  return TEST_SIGNER.sign(identity, subgraph, graphqlBody(query, variables));
}

export function subgraphClient(name: string, url: string, db: Database): SubgraphClient {
  return {
    name,
    url,
    db,
    async graphql(query, variables, options = {}) {
      const identity = options.identity === undefined ? OFFICER_IDENTITY : options.identity;
      const header =
        options.identityHeader ??
        (identity ? await signedIdentityHeader(identity, name, query, variables) : undefined);
      return graphql(url, query, variables, header ? { [IDENTITY_HEADER]: header } : {});
    },
    async statementsOf(work) {
      const before = db.statementCount;
      const result = await work();
      return { result, statements: db.statementCount - before };
    },
  };
}

export interface SubgraphUnderTestOptions {
  /**
   * Rows to insert into a fresh database of the subgraph's own (its schema migrated) before it
   * starts. Without them, give `database`.
   */
  fixtures?: (db: Database) => Promise<void>;
  /** An existing database (a federation's) to serve instead, left as it is at `stop()`. */
  database?: string;
  /** Where the subgraph finds the gateway for other agencies' facts (read at each call): nowhere by default. */
  gatewayUrl?: () => string | undefined;
  /** Where it takes the gateway's public key from: TEST_SIGNER's, which the client signs with. */
  identityKeys?: IdentityKeySource;
}

/** One agency's subgraph on an ephemeral port, over a database of its own or a given one. */
export interface SubgraphUnderTest extends SubgraphClient {
  /** What the subgraph logged (internal errors). */
  logs: string[];
  stop(): Promise<void>;
}

export async function startSubgraphUnderTest<C extends object>(
  def: SubgraphDefinition<C>,
  options: SubgraphUnderTestOptions,
): Promise<SubgraphUnderTest> {
  let testDb: TestDatabase | undefined;
  if (!options.database) testDb = await createTestDatabase([def.name as AgencyName]);
  const db = new Database(options.database ?? testDb!.url, { max: 4 });
  const logs: string[] = [];
  // The database goes even when closing the pool fails.
  const release = () => stopAll([() => db.close(), () => testDb?.drop()]);
  let url: string;
  let stopServer: () => Promise<void>;
  try {
    if (options.fixtures) await options.fixtures(db);
    const server = await startSubgraph(def, {
      db,
      port: 0,
      log: (m) => logs.push(m),
      gatewayUrl: options.gatewayUrl ?? (() => UNREACHABLE_URL),
      identityKeys: options.identityKeys ?? { publicKey: TEST_SIGNER.publicKey },
      // Its cross-agency rules read the gateway as the agency, like under `npm start`.
      serviceToken: () =>
        tokenFor({ sub: def.name, scopes: [...(def.serviceScopes ?? [])], kind: 'service' }),
    });
    url = server.url;
    stopServer = () => server.stop();
  } catch (err) {
    // The reason it did not start is what the test needs to see, not a teardown's failure.
    await release().catch(() => undefined);
    throw err;
  }
  return {
    ...subgraphClient(def.name, url, db),
    logs,
    stop: () => stopAll([stopServer, release]),
  };
}
