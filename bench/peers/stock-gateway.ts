import { readFileSync } from 'node:fs';
import {
  ApolloGateway,
  GraphQLDataSourceProcessOptions,
  RemoteGraphQLDataSource,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { IDENTITY_HEADER, signerFromPem } from '../../gateway/identity-signer';

/**
 * The baseline of `npm run bench`: stock `@apollo/gateway` on `@apollo/server`, every option at its
 * default, serving the supergraph file given (its subgraph URLs already pointing at the benchmark's
 * subgraphs). The one addition: each subgraph fetch carries the identity header the subgraphs
 * verify, signed for the benchmark's caller, so the subgraphs do the same work as behind
 * tradegraph's gateway. Usage: node stock-gateway.js SUPERGRAPH_FILE PORT SIGNING_KEY_FILE CLAIMS_FILE
 */
async function main(): Promise<void> {
  const [supergraphFile, port, keyFile, claimsFile] = process.argv.slice(2);
  const signer = signerFromPem(readFileSync(keyFile, 'utf8'));
  const claims = JSON.parse(readFileSync(claimsFile, 'utf8')) as {
    kind: 'USER';
    sub: string;
    scope: string;
  };
  const identity = { kind: claims.kind, sub: claims.sub, scopes: new Set(claims.scope.split(' ')) };

  class SignedDataSource extends RemoteGraphQLDataSource {
    constructor(
      private readonly subgraph: string,
      url: string,
    ) {
      super({ url });
    }

    override async willSendRequest(options: GraphQLDataSourceProcessOptions): Promise<void> {
      if (!options.request.http) return;
      // The body as sendRequest serialises it: the header is bound to its hash.
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { query, http, ...rest } = options.request;
      const body = JSON.stringify({ query, ...rest });
      options.request.http.headers.set(
        IDENTITY_HEADER,
        await signer.sign(identity, this.subgraph, body),
      );
    }
  }

  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(supergraphFile, 'utf8'),
    buildService: ({ name, url }) => new SignedDataSource(name, url!),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(port), host: '127.0.0.1' },
  });
  console.log(`stock @apollo/gateway ready at ${url}`);
  process.on('SIGINT', () => void server.stop().then(() => process.exit(0)));
}

main().catch((err: Error) => {
  console.error(`stock gateway: ${err.message}`);
  process.exit(1);
});
