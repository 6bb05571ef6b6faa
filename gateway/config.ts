import { parseArgs } from 'node:util';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS } from './subgraph-data-source';

export interface GatewayConfig {
  supergraph: string;
  port: number;
  host: string;
  subgraphTimeoutMs: number;
  explorerAwb?: string;
  /** A `.graphql` file preloaded in the explorer instead of the full-picture query. */
  explorerQueryFile?: string;
  corsOrigins: string[];
}

const USAGE = `usage: gateway [--supergraph FILE|URL] [--port N] [--host ADDR] [--explorer-query FILE]
  --supergraph      supergraph SDL file or http(s) URL (env SUPERGRAPH; default schema/supergraph.graphql)
  --port            port to listen on (env PORT; default 4000)
  --host            address to bind (env HOST; default 127.0.0.1; 0.0.0.0 in containers)
  --explorer-query  .graphql file preloaded in the explorer at GET / (env EXPLORER_QUERY_FILE;
                    default the full cross-agency picture of a shipment)
Per-subgraph URLs override the supergraph's with <NAME>_URL, e.g. CUSTOMS_URL.
CORS_ORIGINS: comma-separated browser origins allowed to call /graphql (default *).`;

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`${name} must be a whole number from 0 to 65535, got "${raw}"\n${USAGE}`);
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
    throw new Error(`${(err as Error).message}\n${USAGE}`);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    supergraph: parsed.supergraph ?? env.SUPERGRAPH ?? defaultSupergraph,
    port: positiveInt('port', parsed.port ?? env.PORT ?? '4000'),
    host: parsed.host ?? env.HOST ?? '127.0.0.1',
    subgraphTimeoutMs: positiveInt(
      'SUBGRAPH_TIMEOUT_MS',
      env.SUBGRAPH_TIMEOUT_MS ?? String(DEFAULT_SUBGRAPH_TIMEOUT_MS),
    ),
    explorerAwb: env.EXPLORER_AWB,
    explorerQueryFile: parsed['explorer-query'] ?? (env.EXPLORER_QUERY_FILE || undefined),
    corsOrigins: (env.CORS_ORIGINS ?? '*')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
