import { parseArgs } from 'node:util';
import { DEFAULT_DEMAND_CONTROL, DemandControlOptions } from './plugins/demand-control';
import { DEFAULT_EXPLORER_AWB } from './plugins/explorer';
import { LOG_FORMATS, LOG_LEVELS, LogFormat, LogSettings } from './logger';
import { DEFAULT_APQ_TTL_SECONDS } from './plugins/persisted-operations';
import { SAFELIST_MODES, SafelistMode } from './persisted-operations/safelist';
import { DEFAULT_REQUEST_LIMITS, RequestLimits } from './plugins/operation-limits';
import { DEFAULT_REQUEST_DEADLINE_MS } from './plugins/request-deadline';
import { DEFAULT_RESPONSE_CACHE } from './plugins/response-cache';
import {
  DEFAULT_BREAKER_COOLDOWN_MS,
  DEFAULT_BREAKER_FAILURES,
  DEFAULT_SUBGRAPH_MAX_BATCH,
  DEFAULT_SUBGRAPH_TIMEOUT_MS,
} from './subgraph-client';
import { DEFAULT_RETRY_POLICY } from './subgraph-client/retry';
import { DEFAULT_SUPERGRAPH_POLL_MS } from './supergraph-source';
import { otlpTracesUrl } from './tracing';
import { DEFAULT_CLOCK_TOLERANCE_SECONDS, TokenVerifierOptions } from './token-verifier';

export interface GatewayConfig {
  supergraph: string;
  port: number;
  host: string;
  subgraphTimeoutMs: number;
  /** A subgraph's own timeout, by its name in lower case (`CUSTOMS_TIMEOUT_MS` → customs). */
  subgraphTimeoutsMs: Record<string, number>;
  requestDeadlineMs: number;
  subgraphRetries: number;
  subgraphMaxBatch: number;
  breakerFailures: number;
  breakerCoolDownMs: number;
  supergraphPollMs: number;
  explorerAwb?: string;
  /** A `.graphql` file preloaded in the explorer instead of the full-picture query. */
  explorerQueryFile?: string;
  corsOrigins: string[];
  log: LogSettings;
  /** Where spans are exported (OTLP/HTTP); no tracing without it. */
  tracesUrl?: string;
  limits: RequestLimits;
  demandControl: Pick<DemandControlOptions, 'maxCost' | 'maxCostTradeRead'>;
  /** Undefined: Apollo's default (on unless NODE_ENV=production). */
  introspection?: boolean;
  /** How bearer tokens are checked (JWT_SECRET, JWKS_URL, JWT_ISSUER, JWT_AUDIENCE). */
  authentication: TokenVerifierOptions;
  /** PKCS#8 PEM of the Ed25519 key signing identity headers; a development key when absent. */
  signingKey?: string;
  /** NODE_ENV=production: no development credentials are acceptable. */
  production: boolean;
  /** The Redis gateway replicas share state in (REDIS_URL), under their key prefix. */
  redis?: { url: string; keyPrefix: string };
  persistedOperations: {
    /** A persisted-query manifest in Apollo's format (PERSISTED_QUERIES_MANIFEST). */
    manifestFile?: string;
    safelist: SafelistMode;
    apq: boolean;
    apqTtlSeconds: number;
  };
  rateLimit: { perMinute: number };
  responseCache: { enabled: boolean; maxTtlSeconds: number; maxMemoryMb: number };
}

const DEFAULT_REDIS_KEY_PREFIX = 'tradegraph:';
/** Generous for people, tight for a script that hammers the API; production's default. */
const PRODUCTION_RATE_LIMIT_PER_MINUTE = 600;

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
    env: 'SUPERGRAPH_POLL_MS',
    default: String(DEFAULT_SUPERGRAPH_POLL_MS),
    meaning: 'how often a supergraph given as a URL is fetched again for a new version (ms)',
  },
  {
    env: 'SUBGRAPH_TIMEOUT_MS',
    default: String(DEFAULT_SUBGRAPH_TIMEOUT_MS),
    meaning: 'milliseconds after which a subgraph fetch is abandoned (SUBGRAPH_TIMEOUT)',
  },
  {
    env: '<NAME>_TIMEOUT_MS',
    default: 'SUBGRAPH_TIMEOUT_MS',
    meaning: "one subgraph's own fetch timeout, e.g. CUSTOMS_TIMEOUT_MS",
  },
  {
    env: 'REQUEST_DEADLINE_MS',
    default: String(DEFAULT_REQUEST_DEADLINE_MS),
    meaning:
      "an operation's time budget: no subgraph fetch is sent after it (REQUEST_DEADLINE_EXCEEDED)",
  },
  {
    env: 'SUBGRAPH_RETRIES',
    default: String(DEFAULT_RETRY_POLICY.retries),
    meaning:
      "retries of a query's subgraph fetch that was refused a connection or got a 5xx (mutations never)",
  },
  {
    env: 'SUBGRAPH_MAX_BATCH',
    default: String(DEFAULT_SUBGRAPH_MAX_BATCH),
    meaning:
      "queries sent one subgraph in one turn (a plan step, and the same caller's operations of the same kind), sent as one batched request (shared DataLoaders); 0 or 1 sends each alone",
  },
  {
    env: 'SUBGRAPH_BREAKER_FAILURES',
    default: String(DEFAULT_BREAKER_FAILURES),
    meaning: "consecutive failures that open a subgraph's circuit (SUBGRAPH_CIRCUIT_OPEN)",
  },
  {
    env: 'SUBGRAPH_BREAKER_COOLDOWN_MS',
    default: String(DEFAULT_BREAKER_COOLDOWN_MS),
    meaning: 'how long an open circuit refuses fetches before one probe is let through (ms)',
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
    env: 'LOG_LEVEL',
    default: 'info',
    meaning: `least grave log lines written: ${LOG_LEVELS.join(', ')}`,
  },
  {
    env: 'LOG_FORMAT',
    default: 'json',
    meaning: 'json (a JSON object a line) or text (readable lines; npm start uses it)',
  },
  {
    env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    default: 'unset: no tracing',
    meaning: 'OTLP/HTTP collector base URL; spans go to its /v1/traces',
  },
  {
    env: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    default: 'unset',
    meaning: 'OTLP/HTTP traces URL, used as is (wins over OTEL_EXPORTER_OTLP_ENDPOINT)',
  },
  {
    env: 'MAX_BODY_BYTES',
    default: String(DEFAULT_REQUEST_LIMITS.maxBodyBytes),
    meaning: 'largest request body in bytes (PAYLOAD_TOO_LARGE over it)',
  },
  {
    env: 'MAX_TOKENS',
    default: String(DEFAULT_REQUEST_LIMITS.maxTokens),
    meaning: 'most tokens in a query, counted while parsing (QUERY_TOO_MANY_TOKENS)',
  },
  {
    env: 'MAX_DEPTH',
    default: String(DEFAULT_REQUEST_LIMITS.maxDepth),
    meaning: 'deepest field nesting of a query (QUERY_TOO_DEEP); introspection needs 15',
  },
  {
    env: 'MAX_ALIASES',
    default: String(DEFAULT_REQUEST_LIMITS.maxAliases),
    meaning: 'most aliased fields in a query (QUERY_TOO_MANY_ALIASES)',
  },
  {
    env: 'MAX_ROOT_FIELDS',
    default: String(DEFAULT_REQUEST_LIMITS.maxRootFields),
    meaning: 'most root fields in one operation (QUERY_TOO_MANY_ROOT_FIELDS)',
  },
  {
    env: 'MAX_QUERY_COST',
    default: String(DEFAULT_DEMAND_CONTROL.maxCost),
    meaning: "a caller's budget of estimated query cost (COST_ESTIMATED_TOO_EXPENSIVE)",
  },
  {
    env: 'MAX_QUERY_COST_TRADE_READ',
    default: String(DEFAULT_DEMAND_CONTROL.maxCostTradeRead),
    meaning: 'the budget of a caller holding trade:read (exports of full pictures)',
  },
  {
    env: 'INTROSPECTION',
    default: 'true, false when NODE_ENV=production',
    meaning: 'schema introspection, which the explorer needs: true or false',
  },
  {
    env: 'JWT_SECRET',
    default: 'npm start: .data/jwt-secret; else none',
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
    env: 'NODE_ENV',
    default: 'unset',
    meaning: '`production`: refuse to start without JWT_SECRET or JWKS_URL and GATEWAY_SIGNING_KEY',
  },
  {
    env: 'APOLLO_TELEMETRY_DISABLED',
    default: 'true',
    meaning: "@apollo/gateway's usage reports to Apollo and cloud probes: off unless set empty",
  },
  {
    env: 'REDIS_URL',
    default: "none: each replica's own memory",
    meaning:
      'Redis the gateway replicas share persisted queries and rate limits in (redis://[:password@]host:port/db)',
  },
  {
    env: 'REDIS_KEY_PREFIX',
    default: DEFAULT_REDIS_KEY_PREFIX,
    meaning: "prefix of the gateway's keys in Redis (one per deployment sharing a Redis)",
  },
  {
    env: 'APQ',
    default: 'true',
    meaning: 'automatic persisted queries (a client sends a hash, the body once): true or false',
  },
  {
    env: 'APQ_TTL_SECONDS',
    default: String(DEFAULT_APQ_TTL_SECONDS),
    meaning: 'how long a body registered by automatic persisted queries is kept',
  },
  {
    env: 'PERSISTED_QUERIES_MANIFEST',
    default: 'none',
    meaning: "persisted-query manifest (Apollo's format): its operations run by id",
  },
  {
    env: 'SAFELIST',
    default: 'off',
    meaning: "`enforce`: only the manifest's operations run (QUERY_NOT_IN_SAFELIST), or `off`",
  },
  {
    env: 'RATE_LIMIT_PER_MINUTE',
    default: `0 (off), ${PRODUCTION_RATE_LIMIT_PER_MINUTE} when NODE_ENV=production`,
    meaning: 'requests per minute per caller (identity, else address); over it 429 RATE_LIMITED',
  },
  {
    env: 'RESPONSE_CACHE',
    default: String(DEFAULT_RESPONSE_CACHE.enabled),
    meaning: 'response cache of public data (in Redis with REDIS_URL): true or false',
  },
  {
    env: 'RESPONSE_CACHE_MAX_TTL_SECONDS',
    default: String(DEFAULT_RESPONSE_CACHE.maxTtlSeconds),
    meaning: "longest a response is cached, whatever its subgraphs' maxAge allows",
  },
  {
    env: 'RESPONSE_CACHE_MAX_MB',
    default: String(DEFAULT_RESPONSE_CACHE.maxMemoryMb),
    meaning:
      "size bound of the response cache in a replica's memory, in MiB (not used with REDIS_URL)",
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

/**
 * `<NAME>_TIMEOUT_MS` for every subgraph the environment gives one. The supergraph, and so the
 * subgraphs' names, are not known yet: every such variable is taken, checked, and applies to the
 * subgraph of that name whenever one is served.
 */
function subgraphTimeouts(env: NodeJS.ProcessEnv): Record<string, number> {
  const timeouts: Record<string, number> = {};
  for (const key of Object.keys(env)) {
    const name = /^([A-Z][A-Z0-9_]*)_TIMEOUT_MS$/.exec(key)?.[1];
    if (!name || name === 'SUBGRAPH') continue;
    const raw = env[`${name}_TIMEOUT_MS`];
    if (!raw) continue;
    timeouts[name.toLowerCase()] = wholeNumber(`${name}_TIMEOUT_MS`, raw, 1, MAX_TIMEOUT_MS);
  }
  return timeouts;
}

/** Port 0 binds any free port (the tests' choice). */
const MAX_PORT = 65535;
/** Any bound on a request beyond this is no bound. */
const MAX_LIMIT = Number.MAX_SAFE_INTEGER;
/** The longest delay a Node.js timer takes. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** More would multiply a failing subgraph's load, not the odds of an answer. */
const MAX_RETRIES = 10;
/** The subgraphs' own default limit on a batch (SUBGRAPH_MAX_BATCH_OPERATIONS). */
const MAX_BATCH = 32;
const MAX_BREAKER_FAILURES = 1000;
/** A day: public data cached longer is data nobody expects to change. */
const MAX_CACHE_TTL_SECONDS = 24 * 60 * 60;
/** 64 GiB: beyond it the bound is no bound on a gateway's memory. */
const MAX_CACHE_MB = 64 * 1024;

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${raw}"\n${GATEWAY_USAGE}`);
  }
  return raw as T;
}

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
  // Each variable named where it is read, so that the README's table can be checked against it.
  /** A whole number within [min, max], `fallback` when the variable is unset. */
  const numberFromEnv = (name: string, fallback: number, min: number, max: number) =>
    wholeNumber(name, fromEnv(name) ?? String(fallback), min, max);
  const limit = (name: string, raw: string | undefined, key: keyof RequestLimits) =>
    wholeNumber(name, raw ?? String(DEFAULT_REQUEST_LIMITS[key]), 1, MAX_LIMIT);
  return {
    supergraph: parsed.supergraph ?? fromEnv('SUPERGRAPH') ?? defaultSupergraph,
    port: wholeNumber('port', parsed.port ?? fromEnv('PORT') ?? DEFAULT_PORT, 0, MAX_PORT),
    host: parsed.host ?? fromEnv('HOST') ?? DEFAULT_HOST,
    subgraphTimeoutMs: numberFromEnv(
      'SUBGRAPH_TIMEOUT_MS',
      DEFAULT_SUBGRAPH_TIMEOUT_MS,
      1,
      MAX_TIMEOUT_MS,
    ),
    subgraphTimeoutsMs: subgraphTimeouts(env),
    requestDeadlineMs: numberFromEnv(
      'REQUEST_DEADLINE_MS',
      DEFAULT_REQUEST_DEADLINE_MS,
      1,
      MAX_TIMEOUT_MS,
    ),
    subgraphRetries: numberFromEnv(
      'SUBGRAPH_RETRIES',
      DEFAULT_RETRY_POLICY.retries,
      0,
      MAX_RETRIES,
    ),
    subgraphMaxBatch: numberFromEnv('SUBGRAPH_MAX_BATCH', DEFAULT_SUBGRAPH_MAX_BATCH, 0, MAX_BATCH),
    breakerFailures: numberFromEnv(
      'SUBGRAPH_BREAKER_FAILURES',
      DEFAULT_BREAKER_FAILURES,
      1,
      MAX_BREAKER_FAILURES,
    ),
    breakerCoolDownMs: numberFromEnv(
      'SUBGRAPH_BREAKER_COOLDOWN_MS',
      DEFAULT_BREAKER_COOLDOWN_MS,
      1,
      MAX_TIMEOUT_MS,
    ),
    supergraphPollMs: numberFromEnv(
      'SUPERGRAPH_POLL_MS',
      DEFAULT_SUPERGRAPH_POLL_MS,
      100,
      MAX_TIMEOUT_MS,
    ),
    explorerAwb: fromEnv('EXPLORER_AWB'),
    explorerQueryFile: parsed['explorer-query'] ?? fromEnv('EXPLORER_QUERY_FILE'),
    corsOrigins: (fromEnv('CORS_ORIGINS') ?? ANY_ORIGIN)
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    log: {
      level: oneOf('LOG_LEVEL', fromEnv('LOG_LEVEL') ?? 'info', LOG_LEVELS),
      format: oneOf<LogFormat>('LOG_FORMAT', fromEnv('LOG_FORMAT') ?? 'json', LOG_FORMATS),
    },
    tracesUrl: otlpTracesUrl(
      fromEnv('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'),
      fromEnv('OTEL_EXPORTER_OTLP_ENDPOINT'),
    ),
    limits: {
      maxBodyBytes: limit('MAX_BODY_BYTES', fromEnv('MAX_BODY_BYTES'), 'maxBodyBytes'),
      maxTokens: limit('MAX_TOKENS', fromEnv('MAX_TOKENS'), 'maxTokens'),
      maxDepth: limit('MAX_DEPTH', fromEnv('MAX_DEPTH'), 'maxDepth'),
      maxAliases: limit('MAX_ALIASES', fromEnv('MAX_ALIASES'), 'maxAliases'),
      maxRootFields: limit('MAX_ROOT_FIELDS', fromEnv('MAX_ROOT_FIELDS'), 'maxRootFields'),
    },
    demandControl: {
      maxCost: numberFromEnv('MAX_QUERY_COST', DEFAULT_DEMAND_CONTROL.maxCost, 1, MAX_LIMIT),
      maxCostTradeRead: numberFromEnv(
        'MAX_QUERY_COST_TRADE_READ',
        DEFAULT_DEMAND_CONTROL.maxCostTradeRead,
        1,
        MAX_LIMIT,
      ),
    },
    introspection: onOrOff('INTROSPECTION', fromEnv('INTROSPECTION')),
    authentication: {
      jwtSecret: fromEnv('JWT_SECRET'),
      jwksUrl: fromEnv('JWKS_URL'),
      issuer: fromEnv('JWT_ISSUER'),
      audience: fromEnv('JWT_AUDIENCE'),
      clockToleranceSeconds: numberFromEnv(
        'JWT_CLOCK_TOLERANCE_SECONDS',
        DEFAULT_CLOCK_TOLERANCE_SECONDS,
        0,
        3600,
      ),
    },
    signingKey: fromEnv('GATEWAY_SIGNING_KEY'),
    production: fromEnv('NODE_ENV') === 'production',
    redis: fromEnv('REDIS_URL')
      ? {
          url: fromEnv('REDIS_URL')!,
          keyPrefix: fromEnv('REDIS_KEY_PREFIX') ?? DEFAULT_REDIS_KEY_PREFIX,
        }
      : undefined,
    persistedOperations: {
      manifestFile: fromEnv('PERSISTED_QUERIES_MANIFEST'),
      safelist: oneOf('SAFELIST', fromEnv('SAFELIST') ?? 'off', SAFELIST_MODES),
      apq: onOrOff('APQ', fromEnv('APQ')) ?? true,
      apqTtlSeconds: numberFromEnv('APQ_TTL_SECONDS', DEFAULT_APQ_TTL_SECONDS, 1, MAX_LIMIT),
    },
    rateLimit: {
      perMinute: wholeNumber(
        'RATE_LIMIT_PER_MINUTE',
        fromEnv('RATE_LIMIT_PER_MINUTE') ??
          (fromEnv('NODE_ENV') === 'production' ? String(PRODUCTION_RATE_LIMIT_PER_MINUTE) : '0'),
        0,
        MAX_LIMIT,
      ),
    },
    responseCache: {
      enabled:
        onOrOff('RESPONSE_CACHE', fromEnv('RESPONSE_CACHE')) ?? DEFAULT_RESPONSE_CACHE.enabled,
      maxTtlSeconds: numberFromEnv(
        'RESPONSE_CACHE_MAX_TTL_SECONDS',
        DEFAULT_RESPONSE_CACHE.maxTtlSeconds,
        1,
        MAX_CACHE_TTL_SECONDS,
      ),
      maxMemoryMb: numberFromEnv(
        'RESPONSE_CACHE_MAX_MB',
        DEFAULT_RESPONSE_CACHE.maxMemoryMb,
        1,
        MAX_CACHE_MB,
      ),
    },
  };
}

function onOrOff(name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new Error(`${name} must be true or false, got "${raw}"\n${GATEWAY_USAGE}`);
}

/**
 * In production the gateway starts only on real credentials: without a JWT configuration every
 * token would be refused, and a development signing key lies on disk unprotected. One line says
 * what is missing.
 */
export function assertProductionReady(config: GatewayConfig): void {
  if (!config.production) return;
  const missing = [
    ...(config.authentication.jwtSecret || config.authentication.jwksUrl
      ? []
      : ['JWT_SECRET or JWKS_URL']),
    ...(config.signingKey ? [] : ['GATEWAY_SIGNING_KEY']),
  ];
  if (missing.length) {
    throw new Error(
      `NODE_ENV=production: set ${missing.join(' and ')}; development credentials are not used in production`,
    );
  }
}
