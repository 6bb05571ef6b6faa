import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ephemeralSigner, IdentitySigner } from '../gateway/identity-signer';
import { RunningGateway, startGateway } from '../gateway/server';
import type { TokenVerifierOptions } from '../gateway/token-verifier';
import { Database, projectRoot, RunningSubgraph, startSubgraph } from '../subgraphs/kit';
import { SUBGRAPHS } from '../subgraphs/registry';
import type { AgencyUrls } from './database-setup';

/** One error of a GraphQL response, as a server formats it. */
export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GraphQLError[];
}

/** The JSON body of a GraphQL request, exactly as `postGraphQL` sends it (what a signature covers). */
export function graphqlBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

/** POSTs one GraphQL operation as JSON and returns the response body, whatever its status. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: graphqlBody(query, variables),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

export interface InProcessFederationOptions {
  /** How the gateway checks bearer tokens; without it every token is refused (anonymous only). */
  authentication?: TokenVerifierOptions;
  /** The key the gateway signs identity headers with (the subgraphs trust its public half). */
  signer?: IdentitySigner;
}

export interface InProcessFederation {
  gateway: RunningGateway;
  subgraphs: RunningSubgraph[];
  databases: Record<string, Database>;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** SQL statements run by all subgraphs so far. */
  statementCount(): number;
  stop(): Promise<void>;
}

/**
 * The four subgraphs on ephemeral ports and the gateway serving the committed supergraph, its
 * subgraph URLs pointed at them: the production topology in one process, with real HTTP between
 * the parts. Used by the end-to-end tests and the benchmarks.
 */
export async function startInProcessFederation(
  urls: AgencyUrls,
  options: InProcessFederationOptions = {},
): Promise<InProcessFederation> {
  const signer = options.signer ?? ephemeralSigner();
  const databases: Record<string, Database> = {};
  const subgraphs: RunningSubgraph[] = [];
  // Subgraphs reach other agencies through the gateway, which starts last.
  const gatewayRef: { url?: string } = {};
  for (const def of SUBGRAPHS) {
    databases[def.name] = new Database(urls[def.name as keyof AgencyUrls], { max: 4 });
    subgraphs.push(
      await startSubgraph(def, {
        db: databases[def.name],
        port: 0,
        log: () => undefined,
        gatewayUrl: () => gatewayRef.url,
        identityKeys: { publicKey: signer.publicKey },
      }),
    );
  }
  const supergraphSdl = readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8');
  const gateway = await startGateway({
    supergraphSdl,
    port: 0,
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    log: () => undefined,
    authentication: options.authentication,
    signer,
  });
  gatewayRef.url = gateway.url;
  return {
    gateway,
    subgraphs,
    databases,
    query: (query, variables) => postGraphQL(gateway.url, query, variables),
    statementCount: () => Object.values(databases).reduce((n, db) => n + db.statementCount, 0),
    async stop() {
      await gateway.stop();
      for (const s of subgraphs) await s.stop();
      for (const db of Object.values(databases)) await db.close();
    },
  };
}
