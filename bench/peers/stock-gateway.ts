import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * The baseline of `npm run bench`: stock `@apollo/gateway` on `@apollo/server`, every option at its
 * default, serving the supergraph file given (its subgraph URLs already pointing at the benchmark's
 * subgraphs). Usage: node stock-gateway.js SUPERGRAPH_FILE PORT
 */
async function main(): Promise<void> {
  const [supergraphFile, port] = process.argv.slice(2);
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraphFile, 'utf8') });
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
