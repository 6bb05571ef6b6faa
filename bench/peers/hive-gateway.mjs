/* global console */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';

/**
 * Hive Gateway for `npm run bench`, from bench/node_modules (bench/package.json, installed by the
 * benchmark with `npm --prefix bench ci`), at its defaults but for inbound in-flight deduplication,
 * which the benchmark measures off and on. Usage: node hive-gateway.mjs SUPERGRAPH_FILE PORT on|off
 */
const [supergraphFile, port, dedup] = process.argv.slice(2);
const supergraph = readFileSync(supergraphFile, 'utf8');
const gateway = createGatewayRuntime({
  supergraph: () => supergraph,
  inboundInflightRequestDeduplication: dedup === 'on',
  logging: 'error',
});
const server = createServer(gateway);
server.listen(Number(port), '127.0.0.1', () =>
  console.log(`Hive Gateway ready at http://127.0.0.1:${port}/graphql (dedup ${dedup})`),
);
process.on('SIGINT', () => server.close(() => process.exit(0)));
