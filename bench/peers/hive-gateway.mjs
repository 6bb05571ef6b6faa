/* global console, Buffer */
import { createHash, createPrivateKey, createPublicKey, sign as signBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';

/**
 * Hive Gateway for `npm run bench`, from bench/node_modules (bench/package.json, installed by the
 * benchmark with `npm --prefix bench ci`), at its defaults but for inbound in-flight deduplication,
 * which the benchmark measures off and on. Each subgraph fetch carries the identity header the
 * subgraphs verify (the contract of gateway/identity-signer.ts), signed for the benchmark's caller,
 * so the subgraphs do the same work as behind tradegraph's gateway.
 * Usage: node hive-gateway.mjs SUPERGRAPH_FILE PORT on|off SIGNING_KEY_FILE CLAIMS_FILE
 */
const [supergraphFile, port, dedup, keyFile, claimsFile] = process.argv.slice(2);
const supergraph = readFileSync(supergraphFile, 'utf8');
const privateKey = createPrivateKey(readFileSync(keyFile, 'utf8'));
const keyId = createHash('sha256')
  .update(createPublicKey(privateKey).export({ format: 'der', type: 'spki' }))
  .digest('base64url')
  .slice(0, 16);
const { kind, sub, scope } = JSON.parse(readFileSync(claimsFile, 'utf8'));

/** The subgraph a fetch goes to, by its URL (the supergraph's join__graph URLs). */
const subgraphOfUrl = new Map(
  [...supergraph.matchAll(/@join__graph\(name: "([a-z]+)", url: "([^"]*)"\)/g)].map((m) => [
    m[2],
    m[1],
  ]),
);

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signed as tradegraph's gateway signs (node:crypto's synchronous Ed25519, kit/ed25519-jwt.ts). */
const sign = (subgraph, body) => {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ kid: keyId, typ: 'JWT', alg: 'EdDSA' });
  const claims = base64url({
    kind,
    scope,
    bh: createHash('sha256').update(body).digest('base64url'),
    sub,
    iss: 'tradegraph-gateway',
    aud: subgraph,
    iat: now,
    exp: now + 60,
  });
  const input = `${header}.${claims}`;
  return `${input}.${signBytes(null, Buffer.from(input), privateKey).toString('base64url')}`;
};

const signIdentity = {
  onFetch({ url, options, setOptions }) {
    const subgraph = subgraphOfUrl.get(url);
    if (!subgraph || typeof options.body !== 'string') return;
    const headers = {
      ...options.headers,
      'x-tradegraph-identity': sign(subgraph, options.body),
    };
    setOptions({ ...options, headers });
  },
};

const gateway = createGatewayRuntime({
  supergraph: () => supergraph,
  inboundInflightRequestDeduplication: dedup === 'on',
  logging: 'error',
  plugins: () => [signIdentity],
});
const server = createServer(gateway);
server.listen(Number(port), '127.0.0.1', () =>
  console.log(`Hive Gateway ready at http://127.0.0.1:${port}/graphql (dedup ${dedup})`),
);
process.on('SIGINT', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
