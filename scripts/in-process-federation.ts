import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ephemeralSigner, IdentitySigner } from '../gateway/identity-signer';
import { GatewayOptions, RunningGateway, startGateway } from '../gateway/server';
import type { TokenVerifierOptions } from '../gateway/token-verifier';
import { Database, projectRoot, RunningSubgraph, startSubgraph } from '../subgraphs/kit';
import { SUBGRAPHS } from '../subgraphs/registry';
import type { AgencyUrls } from './database-setup';
import { ALL_SCOPES, mintToken } from './dev-credentials';
import { GraphQLResponse, postGraphQL } from './graphql-http';
import { stopAll } from './stop-all';

// Re-exported for the scripts and tests that post GraphQL next to a federation they started.
export { graphqlBody, postGraphQL } from './graphql-http';
export type { GraphQLError, GraphQLResponse } from './graphql-http';

export interface InProcessFederationOptions {
  /** How the gateway checks bearer tokens: a secret of the federation's own by default. */
  authentication?: TokenVerifierOptions;
  /** The key the gateway signs identity headers with (the subgraphs trust its public half). */
  signer?: IdentitySigner;
  /** How the gateway otherwise differs from the default one (port, plugins, limits, …). */
  gateway?: InProcessGatewayOptions;
}

/** Gateway settings an in-process federation may change (its supergraph and subgraphs are its own). */
export type InProcessGatewayOptions = Partial<
  Omit<GatewayOptions, 'supergraphSdl' | 'subgraphUrls' | 'authentication' | 'signer'>
>;

/** Long enough for any request; each call mints a fresh token anyway. */
const TOKEN_TTL_SECONDS = 600;

export interface InProcessFederation {
  gateway: RunningGateway;
  subgraphs: RunningSubgraph[];
  databases: Record<string, Database>;
  /** Sends an operation as an operator holding every scope (minted with the federation's secret). */
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
  const authentication = options.authentication ?? {
    jwtSecret: randomBytes(32).toString('base64url'),
  };
  /** A token of `sub` with `scopes`, when the gateway takes tokens signed with a secret. */
  const tokenOf = (sub: string, scopes: readonly string[], service: boolean) =>
    authentication.jwtSecret
      ? mintToken(authentication.jwtSecret, {
          sub,
          scopes,
          ttlSeconds: TOKEN_TTL_SECONDS,
          service,
          issuer: authentication.issuer,
          audience: authentication.audience,
        })
      : undefined;
  const databases: Record<string, Database> = {};
  const subgraphs: RunningSubgraph[] = [];
  let gateway: RunningGateway | undefined;
  // Whatever has started, in reverse order; each step runs even when one before it failed.
  const stop = () =>
    stopAll([
      () => gateway?.stop(),
      ...subgraphs.map((s) => () => s.stop()),
      ...Object.values(databases).map((db) => () => db.close()),
    ]);
  // Subgraphs reach other agencies through the gateway, which starts last.
  const gatewayRef: { url?: string } = {};
  try {
    for (const def of SUBGRAPHS) {
      databases[def.name] = new Database(urls[def.name as keyof AgencyUrls], { max: 4 });
      subgraphs.push(
        await startSubgraph(def, {
          db: databases[def.name],
          port: 0,
          log: () => undefined,
          gatewayUrl: () => gatewayRef.url,
          identityKeys: { publicKey: signer.publicKey },
          // With the gateway's secret at hand, each agency's rules read with their service token.
          serviceToken: () => tokenOf(def.name, def.serviceScopes ?? [], true),
        }),
      );
    }
    const supergraphSdl = readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8');
    gateway = await startGateway({
      port: 0,
      log: () => undefined,
      ...options.gateway,
      supergraphSdl,
      subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
      authentication,
      signer,
    });
  } catch (err) {
    // A part that does not start must not leave the others serving (or a test worker hanging).
    await stop().catch(() => undefined);
    throw err;
  }
  const running = gateway;
  gatewayRef.url = running.url;
  return {
    gateway: running,
    subgraphs,
    databases,
    async query(query, variables) {
      const token = await tokenOf('operator', ALL_SCOPES, false);
      return postGraphQL(running.url, query, variables, {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      });
    },
    statementCount: () => Object.values(databases).reduce((n, db) => n + db.statementCount, 0),
    stop,
  };
}
