import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  InProcessFederation,
  InProcessGatewayOptions,
  startInProcessFederation,
} from '../../scripts/in-process-federation';
import { AGENCY_NAMES, AgencyName } from '../../subgraphs/agencies';
import { projectRoot } from '../../subgraphs/kit';
import { graphql as post, GraphQLResponse, Json } from './graphql';
import { presets, TEST_JWT_SECRET, TEST_SIGNER } from './identities';
import { SubgraphClient, subgraphClient } from './subgraph';
import { DEMO_WORLD_SHIPMENTS, startDemoDatabase } from './test-database';

/** The four subgraphs and the gateway serving the committed supergraph, over the demo world. */
export interface Federation extends Omit<InProcessFederation, 'query'> {
  /** The one database every agency's schema lives in. */
  databaseUrl: string;
  /** Sends an operation to the gateway, as any client would: as an officer unless told. */
  graphql<T = Json>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GatewayCallOptions,
  ): Promise<GraphQLResponse<T>>;
  /** One agency's subgraph, to test it behind the gateway's back. */
  subgraph(agency: AgencyName): SubgraphClient;
  /** Runs `work` and tells how many SQL statements all subgraphs ran meanwhile. */
  statementsOf<R>(work: () => Promise<R>): Promise<{ result: R; statements: number }>;
}

/** Who a call to the gateway comes from. */
export interface GatewayCallOptions {
  /**
   * The bearer token (`tokenFor(…)`, sent as `Authorization: Bearer <token>` whatever it holds):
   * the officer preset (every scope) by default; `null` sends no Authorization header.
   */
  token?: string | null;
  /** More request headers (they win over the token's). */
  headers?: Record<string, string>;
}

export interface FederationOptions {
  /**
   * How many shipments the demo world has: DEMO_WORLD_SHIPMENTS unless a test needs a bigger
   * one (each size is seeded once per run, and seeding costs seconds whatever the size).
   */
  shipments?: number;
  /** PostgreSQL settings of the subgraphs' connections (not the seeding), e.g. `-c enable_seqscan=off`. */
  postgresOptions?: string;
  /** How its gateway differs from the default one (plugins, port, …). */
  gateway?: InProcessGatewayOptions;
}

/** A database of its own seeded with the demo world, and the whole federation over it. */
export async function startFederation(options: FederationOptions = {}): Promise<Federation> {
  // The servers start while the database is copied: they connect only when asked something.
  const testDb = startDemoDatabase(options.shipments ?? DEMO_WORLD_SHIPMENTS);
  const everyAgency = (url: string) =>
    Object.fromEntries(AGENCY_NAMES.map((a) => [a, url])) as Record<AgencyName, string>;
  const served = options.postgresOptions
    ? `${testDb.url}?options=${encodeURIComponent(options.postgresOptions)}`
    : testDb.url;
  const [copied, started] = await Promise.allSettled([
    testDb.ready,
    startInProcessFederation(everyAgency(served), {
      authentication: { jwtSecret: TEST_JWT_SECRET },
      signer: TEST_SIGNER,
      gateway: options.gateway,
    }),
  ]);
  if (copied.status === 'rejected' || started.status === 'rejected') {
    // The reason it did not start is what the test needs to see, not a teardown's failure.
    if (started.status === 'fulfilled') await started.value.stop().catch(() => undefined);
    await testDb.drop().catch(() => undefined);
    throw started.status === 'rejected' ? started.reason : (copied as PromiseRejectedResult).reason;
  }
  const federation: InProcessFederation = started.value;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { query, ...rest } = federation;
  return {
    ...rest,
    databaseUrl: testDb.url,
    // Through the shared helper, so that every response of the gateway is checked like the others.
    graphql<T = Json>(
      q: string,
      variables?: Record<string, unknown>,
      options?: GatewayCallOptions,
    ) {
      const token = options?.token === undefined ? presets.officer : options.token;
      return post<T>(federation.gateway.url, q, variables, {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...options?.headers,
      });
    },
    subgraph(agency) {
      const subgraph = federation.subgraphs.find((s) => s.name === agency);
      if (!subgraph) throw new Error(`no ${agency} subgraph in the federation`);
      return subgraphClient(agency, subgraph.url, federation.databases[agency]);
    },
    async statementsOf(work) {
      const before = federation.statementCount();
      const result = await work();
      return { result, statements: federation.statementCount() - before };
    },
    async stop() {
      try {
        await federation.stop();
      } finally {
        await testDb.drop();
      }
    },
  };
}

/** The supergraph committed in schema/, which every gateway of the tests serves. */
export function committedSupergraph(): string {
  return readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8');
}
