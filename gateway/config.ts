import { parseArgs } from 'node:util';
import { DEFAULT_EXPLORER_AWB } from './plugins/explorer';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS } from './subgraph-data-source';
import { DEFAULT_CLOCK_TOLERANCE_SECONDS, TokenVerifierOptions } from './token-verifier';

export interface GatewayConfig {
  supergraph: string;
  port: number;
  host: string;
  subgraphTimeoutMs: number;
  explorerAwb?: string;
  /** A `.graphql` file preloaded in the explorer instead of the full-picture query. */
  explorerQueryFile?: string;
  corsOrigins: string[];
  /** How bearer tokens are checked (JWT_SECRET, JWKS_URL, JWT_ISSUER, JWT_AUDIENCE). */
  authentication: TokenVerifierOptions;
  /** PKCS#8 PEM of the Ed25519 key signing identity headers; a development key when absent. */
  signingKey?: string;
}

/** One setting of the gateway: an environment variable, and the flag that overrides it if any. */
export interface GatewaySetting {
  /** The variable; `<NAME>` stands for a subgraph's name in capitals (`CUSTOMS_URL`). */
  env: string;
  /** The flag with its argument. */
  flag?: string;
  /** What applies when neither the flag nor the variable is given. */
  default: string;
  meaning: string;
}

const DEFAULT_PORT = '4000';
const DEFAULT_HOST = '127.0.0.1';
const ANY_ORIGIN = '*';

/**
 * Every variable the gateway reads. `--help` prints this list, and a test holds the README's
 * configuration table to it, so that the two cannot drift apart.
 */
export const GATEWAY_SETTINGS: readonly GatewaySetting[] = [
  {
    env: 'SUPERGRAPH',
    flag: '--supergraph FILE|URL',
    default: 'schema/supergraph.graphql',
    meaning: 'supergraph SDL: a file (watched, reloaded when it changes) or an http(s) URL',
  },
  { env: 'PORT', flag: '--port N', default: DEFAULT_PORT, meaning: 'port to listen on' },
  {
    env: 'HOST',
    flag: '--host ADDR',
    default: DEFAULT_HOST,
    meaning: 'address to bind (0.0.0.0 in containers)',
  },
  {
    env: 'EXPLORER_QUERY_FILE',
    flag: '--explorer-query FILE',
    default: 'the full-picture query',
    meaning: '.graphql file preloaded in the explorer at GET /',
  },
  {
    env: 'EXPLORER_AWB',
    default: DEFAULT_EXPLORER_AWB,
    meaning: 'AWB preloaded as $awb in the explorer',
  },
  {
    env: 'SUBGRAPH_TIMEOUT_MS',
    default: String(DEFAULT_SUBGRAPH_TIMEOUT_MS),
    meaning: 'milliseconds after which a subgraph fetch is abandoned',
  },
  {
    env: 'CORS_ORIGINS',
    default: ANY_ORIGIN,
    meaning: 'comma-separated browser origins allowed to call /graphql',
  },
  {
    env: '<NAME>_URL',
    default: 'from the supergraph',
    meaning: 'where the gateway reaches subgraph NAME, e.g. CUSTOMS_URL',
  },
  {
    env: 'JWT_SECRET',
    default: 'none',
    meaning: 'shared secret (32+ bytes) of HS256 bearer tokens',
  },
  {
    env: 'JWKS_URL',
    default: 'none',
    meaning: "identity provider's JWKS for RS256/ES256 bearer tokens (cached, re-read on rotation)",
  },
  { env: 'JWT_ISSUER', default: 'any', meaning: 'the `iss` bearer tokens must carry' },
  { env: 'JWT_AUDIENCE', default: 'any', meaning: 'the `aud` bearer tokens must carry' },
  {
    env: 'JWT_CLOCK_TOLERANCE_SECONDS',
    default: String(DEFAULT_CLOCK_TOLERANCE_SECONDS),
    meaning: 'clock difference tolerated on token expiry',
  },
  {
    env: 'GATEWAY_SIGNING_KEY',
    default: 'a development key in .data/',
    meaning: 'Ed25519 private key (PKCS#8 PEM) signing the identity header to subgraphs',
  },
  {
    env: 'APOLLO_TELEMETRY_DISABLED',
    default: 'true',
    meaning: "@apollo/gateway's usage reports to Apollo and cloud probes: off unless set empty",
  },
];

export const GATEWAY_USAGE = [
  'usage: gateway [--supergraph FILE|URL] [--port N] [--host ADDR] [--explorer-query FILE] [--help]',
  '',
  'Serves the federated API at /graphql and the explorer at /. Settings (a flag wins over its',
  'environment variable):',
  ...GATEWAY_SETTINGS.flatMap((s) => [
    `  ${[s.env, s.flag].filter(Boolean).join(', ')}`,
    `      ${s.meaning}; default: ${s.default}`,
  ]),
].join('\n');

/** Port 0 binds any free port (the tests' choice). */
const MAX_PORT = 65535;
/** The longest delay a Node.js timer takes. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(
      `${name} must be a whole number from ${min} to ${max}, got "${raw}"\n${GATEWAY_USAGE}`,
    );
  }
  return n;
}

export function gatewayConfig(
  argv: string[],
  env: NodeJS.ProcessEnv,
  defaultSupergraph: string,
): GatewayConfig {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        supergraph: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'explorer-query': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${GATEWAY_USAGE}`);
  }
  if (parsed.help) {
    console.log(GATEWAY_USAGE);
    process.exit(0);
  }
  // An empty variable counts as unset, as everywhere else in the project.
  const fromEnv = (name: string) => env[name] || undefined;
  return {
    supergraph: parsed.supergraph ?? fromEnv('SUPERGRAPH') ?? defaultSupergraph,
    port: wholeNumber('port', parsed.port ?? fromEnv('PORT') ?? DEFAULT_PORT, 0, MAX_PORT),
    host: parsed.host ?? fromEnv('HOST') ?? DEFAULT_HOST,
    subgraphTimeoutMs: wholeNumber(
      'SUBGRAPH_TIMEOUT_MS',
      fromEnv('SUBGRAPH_TIMEOUT_MS') ?? String(DEFAULT_SUBGRAPH_TIMEOUT_MS),
      1,
      MAX_TIMEOUT_MS,
    ),
    explorerAwb: fromEnv('EXPLORER_AWB'),
    explorerQueryFile: parsed['explorer-query'] ?? fromEnv('EXPLORER_QUERY_FILE'),
    corsOrigins: (fromEnv('CORS_ORIGINS') ?? ANY_ORIGIN)
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    authentication: {
      jwtSecret: fromEnv('JWT_SECRET'),
      jwksUrl: fromEnv('JWKS_URL'),
      issuer: fromEnv('JWT_ISSUER'),
      audience: fromEnv('JWT_AUDIENCE'),
      clockToleranceSeconds: wholeNumber(
        'JWT_CLOCK_TOLERANCE_SECONDS',
        fromEnv('JWT_CLOCK_TOLERANCE_SECONDS') ?? String(DEFAULT_CLOCK_TOLERANCE_SECONDS),
        0,
        3600,
      ),
    },
    signingKey: fromEnv('GATEWAY_SIGNING_KEY'),
  };
}
